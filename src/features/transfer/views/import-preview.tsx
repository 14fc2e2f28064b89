import { useT } from '../../../web/i18n/context.ts';
import type { ImportRow } from '../transfer.table.ts';

type Props = {
  id: string;
  fileName: string;
  rows: ImportRow[];
  state: 'previewed' | 'applied' | 'undone';
  notice?: string | undefined;
  /** A refusal to apply or undo (a record changed since), shown above the table. */
  problem?: string | undefined;
};

/**
 * What an import file would do (or did), row by row: the counts first, then a table with the file's line
 * number, the outcome, the record and what changes or what is wrong. The table scrolls inside its own
 * labelled region at 320 px, since its cells need their column headings.
 */
export function ImportPreview({ id, fileName, rows, state, notice, problem }: Props) {
  const t = useT();
  const text = t.transfer;
  const count = (outcome: ImportRow['outcome']) => rows.filter((row) => row.outcome === outcome).length;
  const errors = count('error');
  return (
    <>
      <h1>{text.previewTitle}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {problem ? (
        <div class="error-summary" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
      {state === 'previewed' ? <p>{text.previewIntro(fileName)}</p> : null}
      <p>{text.counts(count('created'), count('changed'), count('unchanged'), errors)}</p>
      {rows.length === 0 ? (
        <p>{text.noRows}</p>
      ) : (
        <section class="table-scroll" aria-labelledby="import-rader" tabindex={0}>
          <table>
            <caption id="import-rader">{text.previewCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.row}</th>
                <th scope="col">{text.outcome}</th>
                <th scope="col">{text.label}</th>
                <th scope="col">{text.what}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <td>{row.line}</td>
                  <td>{text.outcomes[row.outcome]}</td>
                  <th scope="row">{row.label}</th>
                  <td>
                    {row.errors && row.errors.length > 0 ? (
                      <ul class="error-message">
                        {row.errors.map((error) => (
                          <li>{error}</li>
                        ))}
                      </ul>
                    ) : row.changes && row.changes.length > 0 ? (
                      <ul>
                        {row.changes.map((change) => (
                          <li>{text.change(change.field, change.before, change.after)}</li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {state === 'previewed' ? (
        errors > 0 ? (
          <p class="error-message">{text.cannotApply}</p>
        ) : count('created') + count('changed') > 0 ? (
          <form method="post" action={`/arbetsyta/import/${id}/genomfor`}>
            <button type="submit">{text.apply}</button>
          </form>
        ) : null
      ) : null}
      {state === 'applied' ? (
        <form method="post" action={`/arbetsyta/import/${id}/angra`}>
          <button type="submit" class="secondary">
            {text.undo}
          </button>
        </form>
      ) : null}
      <p>
        <a href="/arbetsyta/export">{state === 'previewed' ? text.another : text.back}</a>
      </p>
    </>
  );
}
