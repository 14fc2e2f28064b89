import type { TestDatabase } from '../tests/database.ts';
import type { CrawlTarget } from './routes.ts';

type Person = { personId: number; cookie: string };

/** The agreement whose pages are crawled in every state, and the focus area likewise. */
export const ULF = 'ulf-avtal-sodertorns-hogskola';
const FOCUS_AREA = 'samhallsbyggnad';

/**
 * The agreement and focus-area pages behind sign-in (src/features/agreements/*-edits.*), in each of their
 * states: the forms empty, with messages by the fields and after someone else saved; the delete question
 * and a delete from an old version; the histories; an internal agreement saved (it has no public page);
 * refusals. Every form state here is refused by the rules, so crawling it changes nothing.
 */
export async function agreementEditTargets(
  database: TestDatabase,
  people: { admin: Person; editor: Person; member: Person },
): Promise<CrawlTarget[]> {
  const internal = await addInternalAgreement(database, people.admin.personId);
  const ids = await organisationIds(database, ['huddinge-kommun', 'sodertorns-hogskola']);
  const asAdmin = (target: Omit<CrawlTarget, 'cookie'>): CrawlTarget => ({
    ...target,
    cookie: people.admin.cookie,
  });
  const agreementForm = {
    kind: 'ulf',
    title: 'ULF-avtal med Södertörns högskola',
    diarienummer: '',
    signedOn: '',
    validFrom: '',
    validTo: '',
    party1: String(ids['huddinge-kommun']),
    party2: String(ids['sodertorns-hogskola']),
    description: '',
    visibility: 'public',
    internalReason: '',
  };
  const focusAreaForm = { name: 'Samhällsbyggnad', description: '' };
  return [
    asAdmin({ name: 'agreement, signed in with edit links', url: `/avtal/${ULF}?sparat=1`, status: 200 }),
    asAdmin({ name: 'agreement, new', url: '/avtal/ny', status: 200 }),
    asAdmin({
      name: 'agreement, new with errors',
      url: '/avtal/ny',
      status: 422,
      form: {
        action: '/avtal/ny',
        fields: {
          ...agreementForm,
          title: '',
          validFrom: '2026-05-01',
          validTo: '2026-04-01',
          party2: agreementForm.party1,
          visibility: 'internal',
        },
      },
    }),
    asAdmin({ name: 'agreement, edit', url: `/avtal/${ULF}/andra`, status: 200 }),
    asAdmin({
      name: 'agreement, edit with errors',
      url: `/avtal/${ULF}/andra`,
      status: 422,
      form: {
        action: `/avtal/${ULF}/andra`,
        fields: { ...agreementForm, signedOn: '2026-02-30', diarienummer: 'x'.repeat(61), version: '1' },
      },
    }),
    asAdmin({
      name: 'agreement, saved by someone else meanwhile',
      url: `/avtal/${ULF}/andra`,
      status: 409,
      form: { action: `/avtal/${ULF}/andra`, fields: { ...agreementForm, version: '999' } },
    }),
    asAdmin({ name: 'agreement, delete', url: `/avtal/${ULF}/ta-bort`, status: 200 }),
    asAdmin({
      name: 'agreement, delete from an old version',
      url: `/avtal/${ULF}/ta-bort`,
      status: 409,
      form: { action: `/avtal/${ULF}/ta-bort`, fields: { version: '999' } },
    }),
    asAdmin({ name: 'agreement, history', url: `/avtal/${ULF}/historik`, status: 200 }),
    asAdmin({ name: 'agreement, internal, saved', url: `/avtal/${internal}/andra?sparat=1`, status: 200 }),
    asAdmin({ name: 'agreement, internal, history', url: `/avtal/${internal}/historik`, status: 200 }),
    {
      name: 'agreement edit refused to a member',
      url: `/avtal/${ULF}/andra`,
      status: 403,
      cookie: people.member.cookie,
    },
    asAdmin({ name: 'focus area, new', url: '/fokusomraden/ny', status: 200 }),
    asAdmin({
      name: 'focus area, new with errors',
      url: '/fokusomraden/ny',
      status: 422,
      form: { action: '/fokusomraden/ny', fields: { name: '', description: 'x'.repeat(2001) } },
    }),
    asAdmin({ name: 'focus area, edit', url: `/fokusomraden/${FOCUS_AREA}/andra?sparat=1`, status: 200 }),
    asAdmin({
      name: 'focus area, edit with errors',
      url: `/fokusomraden/${FOCUS_AREA}/andra`,
      status: 422,
      form: {
        action: `/fokusomraden/${FOCUS_AREA}/andra`,
        fields: { ...focusAreaForm, name: '', version: '1' },
      },
    }),
    asAdmin({
      name: 'focus area, saved by someone else meanwhile',
      url: `/fokusomraden/${FOCUS_AREA}/andra`,
      status: 409,
      form: { action: `/fokusomraden/${FOCUS_AREA}/andra`, fields: { ...focusAreaForm, version: '999' } },
    }),
    asAdmin({ name: 'focus area, delete', url: `/fokusomraden/${FOCUS_AREA}/ta-bort`, status: 200 }),
    asAdmin({
      name: 'focus area, delete from an old version',
      url: `/fokusomraden/${FOCUS_AREA}/ta-bort`,
      status: 409,
      form: { action: `/fokusomraden/${FOCUS_AREA}/ta-bort`, fields: { version: '999' } },
    }),
    asAdmin({ name: 'focus area, history', url: `/fokusomraden/${FOCUS_AREA}/historik`, status: 200 }),
    {
      name: 'focus area refused to an editor',
      url: '/fokusomraden/ny',
      status: 403,
      cookie: people.editor.cookie,
    },
  ];
}

async function organisationIds(database: TestDatabase, slugs: string[]): Promise<Record<string, number>> {
  const { rows } = await database.pool.query<{ slug: string; id: number }>(
    'select slug, id from organisations where slug = any($1)',
    [slugs],
  );
  return Object.fromEntries(rows.map((row) => [row.slug, row.id]));
}

/**
 * An internal agreement (a draft research agreement, with its reason), with its first history entry:
 * its edit page after a save, and its history, are crawled; it has no public page.
 */
async function addInternalAgreement(database: TestDatabase, actorPersonId: number): Promise<string> {
  const slug = 'internt-utkast-till-forskningsavtal';
  const { rows } = await database.pool.query<{ id: number }>(
    `insert into agreements (slug, title, kind, visibility, internal_reason)
     values ($1, 'Internt utkast till forskningsavtal om äldreomsorg', 'research', 'internal', 'arbetsmaterial')
     returning id`,
    [slug],
  );
  const id = rows[0]!.id;
  await database.pool.query(
    `insert into agreement_parties (agreement_id, organisation_id)
     select $1, id from organisations where slug in ('huddinge-kommun', 'karolinska-institutet')`,
    [id],
  );
  await database.pool.query(
    `insert into record_history (record_type, record_id, version, action, actor_person_id, changes, snapshot)
     values ('agreement', $1, 1, 'created', $2, '{"title": ["", "Internt utkast till forskningsavtal om äldreomsorg"]}'::jsonb, '{}'::jsonb)`,
    [id, actorPersonId],
  );
  return slug;
}
