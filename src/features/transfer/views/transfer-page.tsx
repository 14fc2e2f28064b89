import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { ChoiceFieldset, Field, fieldAria } from '../../../web/components/field.tsx';
import { useT } from '../../../web/i18n/context.ts';
import type { ExportKind } from '../transfer.service.ts';
import { importKinds } from '../transfer-import.service.ts';

type Props = {
  kinds: readonly { kind: ExportKind; name: string }[];
  /** The message next to the file field after a refused upload. */
  error?: string | undefined;
  /** What the file holds, as chosen before a refused upload. */
  importKind?: string;
};

const FILE_ID = 'import-fil';

/**
 * The coordinator's page for moving the register in and out: a CSV and an XLSX link per kind of record,
 * and the import form (multipart, no JavaScript) that leads to a preview.
 */
export function TransferPage({ kinds, error, importKind }: Props) {
  const t = useT();
  const text = t.transfer;
  return (
    <>
      <h1>{text.title}</h1>
      <ErrorSummary
        title={t.register.errorSummary}
        errors={error ? [{ field: FILE_ID, message: error }] : []}
      />
      <p>{text.intro}</p>
      <section aria-labelledby="export-rubrik">
        <h2 id="export-rubrik">{text.exportHeading}</h2>
        <ul>
          {kinds.map(({ kind, name }) => (
            <li>
              <a href={`/arbetsyta/export/${kind}.xlsx`} download>
                {text.exportXlsx(name)}
              </a>
              {' · '}
              <a href={`/arbetsyta/export/${kind}.csv`} download>
                {text.exportCsv(name)}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="import-rubrik">
        <h2 id="import-rubrik">{text.importHeading}</h2>
        <p>{text.importIntro}</p>
        <form method="post" action="/arbetsyta/import" enctype="multipart/form-data" novalidate>
          <ChoiceFieldset id="import-vad" legend={text.importKind}>
            {importKinds.map((kind) => (
              <div class="choice">
                <input
                  type="radio"
                  id={`import-vad-${kind}`}
                  name="vad"
                  value={kind}
                  checked={(importKind || 'organisationer') === kind}
                />
                <label for={`import-vad-${kind}`}>{text.importKinds[kind]}</label>
              </div>
            ))}
          </ChoiceFieldset>
          <Field id={FILE_ID} label={text.file} error={error}>
            <input
              type="file"
              id={FILE_ID}
              name="fil"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              required
              {...fieldAria({ id: FILE_ID, error })}
            />
          </Field>
          <button type="submit">{text.preview}</button>
        </form>
      </section>
      <p>
        <a href="/arbetsyta">{t.workspace.title}</a>
      </p>
    </>
  );
}
