import { SMALL_COUNT_LIMIT } from '../../../lib/small-counts.ts';
import type { Messages } from '../../../web/i18n/messages.ts';
import { type IndicatorSlug, indicatorCatalogue } from './indicator-catalogue.ts';

/**
 * docs/indicators.md, written from the same strings as the page /mal/indikatorer, so the two cannot
 * drift apart: `npm run docs:indicators` writes the file, goal-pages.routes.test.ts fails when it differs.
 */
export function indicatorDocs(t: Messages, goals: { slug: string; shortTitle: string }[]): string {
  const text = t.goalPages;
  const lines = [
    `# ${text.definitionsTitle}`,
    '',
    '<!-- Skriven av `npm run docs:indicators` ur src/web/i18n/sv-indicators.ts och sv-goal-pages.ts; ändra där. -->',
    '',
    text.definitionsIntro,
    '',
    text.smallCounts(SMALL_COUNT_LIMIT),
  ];
  for (const goal of goals) {
    lines.push('', `## ${goal.shortTitle}`);
    for (const definition of indicatorCatalogue.filter((indicator) => indicator.goal === goal.slug)) {
      const words = t.indicators.definitions[definition.slug as IndicatorSlug];
      const split = definition.breakdowns.map((breakdown) => t.indicators.breakdowns[breakdown]).join(', ');
      lines.push(
        '',
        `### ${words.name}`,
        '',
        `- **${text.kind}:** ${t.indicators.kinds[definition.kind]}`,
        `- **${text.unit}:** ${words.unit}`,
        `- **${text.direction}:** ${t.indicators.directions[definition.direction]}`,
        `- **${text.counts}:** ${words.counts}`,
        `- **${text.from}:** ${words.from}`,
        `- **${text.period}:** ${words.period}`,
        `- **${text.breakdownsLabel}:** ${split || text.noBreakdowns}`,
        `- **${text.pageLabel}:** /mal/indikatorer/${definition.slug}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
