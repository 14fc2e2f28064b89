import { useT } from '../../../web/i18n/context.ts';

/** "Publicera årsrapport 2025": what publishing does (figures frozen, final), and the button. */
export function AnnualReportPublish({ year, version }: { year: number; version: number }) {
  const t = useT();
  const text = t.annualReports.publish;
  return (
    <>
      <h1>{text.title(year)}</h1>
      <p>{text.intro}</p>
      <form method="post" action={`/mal/arsrapporter/${year}/publicera`}>
        <input type="hidden" name="version" value={String(version)} />
        <div class="button-row">
          <button type="submit">{text.confirm}</button>{' '}
          <a href={`/mal/arsrapporter/${year}`}>{text.cancel}</a>
        </div>
      </form>
    </>
  );
}
