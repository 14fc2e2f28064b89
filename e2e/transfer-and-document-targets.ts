import type { TestDatabase } from '../tests/database.ts';
import { E2E_NOW } from './app-server.ts';
import type { CrawlTarget } from './routes.ts';

type Person = { personId: number; cookie: string };

const AGREEMENT = 'ulf-avtal-sodertorns-hogskola';

/** A small whole PDF: what the crawl's document holds. */
const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

/**
 * The import and export pages (src/features/transfer) and the document pages (src/features/documents) in
 * each of their states: the forms, their messages, a preview with a row of every outcome, an applied
 * import, the 409s of applying twice and undoing what was never applied, a document's form, delete
 * question, history and refusals. Every form state here is refused by the rules, so crawling it changes
 * nothing.
 */
export async function transferAndDocumentTargets(
  database: TestDatabase,
  people: { admin: Person; editor: Person },
): Promise<CrawlTarget[]> {
  const imports = await recordSomeImports(database, people.admin.personId);
  const documentId = await recordADocument(database, people.admin.personId);
  const asAdmin = (target: Omit<CrawlTarget, 'cookie'>): CrawlTarget => ({
    ...target,
    cookie: people.admin.cookie,
  });
  const documentForm = {
    title: 'Undertecknat ULF-avtal',
    kind: 'agreement',
    visibility: 'public',
    internalReason: '',
  };
  return [
    asAdmin({ name: 'import and export', url: '/arbetsyta/export', status: 200 }),
    asAdmin({
      name: 'import, no file chosen',
      url: '/arbetsyta/export',
      status: 422,
      form: { action: '/arbetsyta/import', fields: { vad: 'aktiviteter' }, multipart: true },
    }),
    asAdmin({
      name: 'import, preview with errors',
      url: `/arbetsyta/import/${imports.checked}`,
      status: 200,
    }),
    asAdmin({
      name: 'import, applied',
      url: `/arbetsyta/import/${imports.applied}?klart=genomford`,
      status: 200,
    }),
    asAdmin({
      name: 'import, applied twice',
      url: `/arbetsyta/import/${imports.applied}`,
      status: 409,
      form: { action: `/arbetsyta/import/${imports.applied}/genomfor`, fields: {} },
    }),
    asAdmin({
      name: 'import, undo before applying',
      url: `/arbetsyta/import/${imports.checked}`,
      status: 409,
      form: { action: `/arbetsyta/import/${imports.checked}/angra`, fields: {} },
    }),
    {
      name: 'import and export refused to an editor',
      url: '/arbetsyta/export',
      status: 403,
      cookie: people.editor.cookie,
    },
    asAdmin({ name: 'document, upload', url: `/avtal/${AGREEMENT}/dokument/ny`, status: 200 }),
    asAdmin({
      name: 'document, upload without a file or a reason',
      url: `/avtal/${AGREEMENT}/dokument/ny`,
      status: 422,
      form: {
        action: `/avtal/${AGREEMENT}/dokument/ny`,
        fields: { ...documentForm, visibility: 'internal' },
        multipart: true,
      },
    }),
    asAdmin({ name: 'document, edit', url: `/dokument/${documentId}/andra?sparat=ny`, status: 200 }),
    asAdmin({
      name: 'document, edit with errors',
      url: `/dokument/${documentId}/andra`,
      status: 422,
      form: {
        action: `/dokument/${documentId}/andra`,
        fields: { ...documentForm, title: '', visibility: 'internal', version: '1' },
      },
    }),
    asAdmin({
      name: 'document, saved by someone else meanwhile',
      url: `/dokument/${documentId}/andra`,
      status: 409,
      form: { action: `/dokument/${documentId}/andra`, fields: { ...documentForm, version: '999' } },
    }),
    asAdmin({ name: 'document, delete', url: `/dokument/${documentId}/ta-bort`, status: 200 }),
    asAdmin({
      name: 'document, delete from an old version',
      url: `/dokument/${documentId}/ta-bort`,
      status: 409,
      form: { action: `/dokument/${documentId}/ta-bort`, fields: { version: '999' } },
    }),
    asAdmin({ name: 'document, history', url: `/dokument/${documentId}/historik`, status: 200 }),
    asAdmin({
      name: 'document, restoring a version that does not exist',
      url: `/dokument/${documentId}/historik`,
      status: 404,
      form: { action: `/dokument/${documentId}/historik/999/aterstall`, fields: {} },
    }),
    {
      name: 'document upload refused to an editor of another organisation',
      url: `/avtal/${AGREEMENT}/dokument/ny`,
      status: 403,
      cookie: people.editor.cookie,
    },
  ];
}

/**
 * Two imports of organisations, so their pages are crawled in both states: one checked, with a row of
 * each outcome (and two messages on the wrong one), and one applied.
 */
async function recordSomeImports(
  database: TestDatabase,
  actorPersonId: number,
): Promise<{ checked: string; applied: string }> {
  const rows = [
    { line: 2, outcome: 'created', slug: null, label: 'Förskolan Solrosen', values: {} },
    {
      line: 3,
      outcome: 'changed',
      slug: 'ekdalsskolan',
      label: 'Ekdalsskolan',
      values: {},
      changes: [{ field: 'Webbplats', before: '', after: 'https://ekdalsskolan.example' }],
    },
    { line: 4, outcome: 'unchanged', slug: 'sodertorns-hogskola', label: 'Södertörns högskola', values: {} },
    {
      line: 5,
      outcome: 'error',
      slug: null,
      label: 'Barn- och ungdomsmottagningsverksamhetsområdet',
      errors: ['Typ: skriv en av typerna i exporten, till exempel Förvaltning eller Enhet.', 'Namn: Fyll i.'],
    },
  ];
  const insert = async (applied: boolean) => {
    const result = await database.pool.query<{ id: string }>(
      `insert into register_imports (kind, file_name, rows, created_by, applied_at, effects)
       values ('organisationer', 'organisationer-från-förvaltningen.csv', $1::jsonb, $2, $3, $4::jsonb)
       returning id`,
      [JSON.stringify(rows), actorPersonId, applied ? new Date(E2E_NOW) : null, applied ? '[]' : null],
    );
    return result.rows[0]!.id;
  };
  return { checked: await insert(false), applied: await insert(true) };
}

/** A public document on the ULF agreement, with its first history entry: its pages and the agreement's list. */
async function recordADocument(database: TestDatabase, actorPersonId: number): Promise<number> {
  const snapshot = {
    title: 'Undertecknat ULF-avtal',
    kind: 'agreement',
    visibility: 'public',
    internalReason: null,
    fileName: 'ulf-avtal-undertecknat.pdf',
    byteSize: PDF.length,
  };
  const { rows } = await database.pool.query<{ id: number }>(
    `insert into documents (agreement_id, title, kind, file_name, byte_size, sha256, uploaded_by)
     select id, $2, 'agreement', $3, $4, encode(sha256($5::bytea), 'hex'), $6 from agreements where slug = $1
     returning id`,
    [AGREEMENT, snapshot.title, snapshot.fileName, PDF.length, Buffer.from(PDF), actorPersonId],
  );
  const id = rows[0]!.id;
  await database.pool.query('insert into document_contents (document_id, bytes) values ($1, $2)', [
    id,
    Buffer.from(PDF),
  ]);
  await database.pool.query(
    `insert into record_history (record_type, record_id, version, action, actor_person_id, changes, snapshot)
     values ('document', $1, 1, 'created', $2, '{}'::jsonb, $3::jsonb)`,
    [id, actorPersonId, JSON.stringify(snapshot)],
  );
  return id;
}
