import { useT } from '../../../web/i18n/context.ts';

/**
 * After a refused save (someone else saved first): the record as it is saved now, beside the form that
 * keeps what this person typed, so both versions are in view and nothing is lost.
 */
export function SavedVersion({
  described,
  labels,
}: {
  described: Record<string, string>;
  labels: Record<string, string>;
}) {
  const t = useT();
  return (
    <section class="saved-version" aria-labelledby="sparad-version">
      <h2 id="sparad-version">{t.register.savedVersionHeading}</h2>
      <dl class="facts">
        {Object.entries(labels).map(([field, label]) => (
          <>
            <dt>{label}</dt>
            <dd>{described[field] || t.register.noValue}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}
