import { useT } from '../../../web/i18n/context.ts';
import { documentPath } from '../document-path.ts';
import type { DocumentKind } from '../documents.table.ts';

type Listed = { id: number; title: string; kind: DocumentKind; fileName: string; byteSize: number };

/** An agreement's public documents on its public page: a link to each file, with its kind and size. */
export function PublicDocumentList({ documents }: { documents: Listed[] }) {
  const t = useT();
  if (documents.length === 0) return null;
  return (
    <section aria-labelledby="avtal-dokument">
      <h2 id="avtal-dokument">{t.documents.heading}</h2>
      <ul class="plain">
        {documents.map((document) => (
          <li>
            <a href={documentPath(document)}>{t.documents.link(document.title, document.byteSize)}</a>
            <span class="meta block">{t.documents.kinds[document.kind]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The documents on an agreement's edit page, internal ones too (marked): each opens its own form, and
 * "Lägg till dokument" the upload.
 */
export function AgreementDocuments({
  slug,
  documents,
}: {
  slug: string;
  documents: (Listed & { visibility: 'public' | 'internal'; deletedAt: Date | null })[];
}) {
  const t = useT();
  const live = documents.filter((document) => document.deletedAt === null);
  const deleted = documents.filter((document) => document.deletedAt !== null);
  return (
    <section aria-labelledby="avtal-dokument">
      <h2 id="avtal-dokument">{t.documents.heading}</h2>
      {live.length === 0 ? <p>{t.documents.noDocuments}</p> : null}
      <ul class="plain">
        {live.map((document) => (
          <li>
            <a href={`/dokument/${document.id}/andra`}>{document.title}</a>
            <span class="meta block">
              {t.documents.kinds[document.kind]}, {t.documents.size(document.byteSize)}
              {document.visibility === 'internal'
                ? `, ${t.documents.visibilities.internal.toLowerCase()}`
                : ''}
            </span>
          </li>
        ))}
      </ul>
      <p>
        <a href={`/avtal/${slug}/dokument/ny`}>{t.documents.add}</a>
      </p>
      {deleted.length > 0 ? (
        <>
          <h3>{t.documents.deletedHeading}</h3>
          <ul class="plain">
            {deleted.map((document) => (
              <li>
                <a href={`/dokument/${document.id}/historik`}>{document.title}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
