import { SMALL_COUNT_LIMIT } from '../../../lib/small-counts.ts';
import { useT } from '../../../web/i18n/context.ts';
import { indicatorCatalogue } from '../indicators/indicator-catalogue.ts';
import { IndicatorDefinitionList, indicatorPath, useIndicatorWords } from './indicator-parts.tsx';

function DefinitionSection({ definition }: { definition: (typeof indicatorCatalogue)[number] }) {
  const t = useT();
  const words = useIndicatorWords(definition);
  const split = definition.breakdowns.map((breakdown) => t.indicators.breakdowns[breakdown]).join(', ');
  return (
    <section aria-labelledby={`definition-${definition.slug}`}>
      <h3 id={`definition-${definition.slug}`}>
        <a href={indicatorPath(definition.slug)}>{words.name}</a>
      </h3>
      <IndicatorDefinitionList definition={definition} goal={null} />
      <p>
        {t.goalPages.breakdownsLabel}: {split || t.goalPages.noBreakdowns}
      </p>
    </section>
  );
}

/** Every indicator's definition in one place, goal by goal (docs/indicators.md says the same). */
export function IndicatorDefinitions({ goals }: { goals: { slug: string; shortTitle: string }[] }) {
  const t = useT().goalPages;
  return (
    <>
      <h1>{t.definitionsTitle}</h1>
      <p class="lead">{t.definitionsIntro}</p>
      <p>{t.smallCounts(SMALL_COUNT_LIMIT)}</p>
      {goals.map((goal) => (
        <>
          <h2>
            <a href={`/mal/${goal.slug}`}>{goal.shortTitle}</a>
          </h2>
          {indicatorCatalogue
            .filter((definition) => definition.goal === goal.slug)
            .map((definition) => (
              <DefinitionSection definition={definition} />
            ))}
        </>
      ))}
    </>
  );
}
