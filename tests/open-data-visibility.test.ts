import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_RESOURCES } from '../src/features/open-data/resources.ts';
import { createPageCache, withPublicChange } from '../src/web/page-cache.ts';
import { createPerson } from './people.ts';
import { createTestApp } from './test-app.ts';

/**
 * Issue 12, item 6: nothing internal ever leaves through the open data. An anonymous client walks every
 * endpoint of the API (every page of every list, every item), every download and the data catalogue;
 * made-up words put into records show up there while the records are public (the control), and nowhere
 * once they are internal, deleted, or (for minutes) not yet approved — fresh and after the cache was
 * cleared by the change. E-mail addresses of people and internal reasons never show at all.
 */

/** Records of the demo data that get a made-up word in their name, then are hidden. */
const HIDDEN = [
  {
    table: 'agreements',
    column: 'title',
    slug: 'vfu-avtal-lararutbildningen-sh',
    word: 'Zorblaxavtalet',
    how: 'internal',
  },
  {
    table: 'agreements',
    column: 'title',
    slug: 'forskningsavtal-aldreomsorg-ki',
    word: 'Quibbeltrofavtalet',
    how: 'deleted',
  },
  {
    table: 'groups',
    column: 'name',
    slug: 'arbetsgrupp-karolinska-institutet',
    word: 'Vimsoplexgruppen',
    how: 'internal',
  },
  {
    table: 'groups',
    column: 'name',
    slug: 'arbetsgrupp-sodertorns-hogskola',
    word: 'Gnurfelhoppgruppen',
    how: 'deleted',
  },
  {
    table: 'activities',
    column: 'title',
    slug: 'ulf-lasundervisning-i-forskolan',
    word: 'Plumbrokkprojektet',
    how: 'internal',
  },
  {
    table: 'activities',
    column: 'title',
    slug: 'frukostmote-naringsliv-akademi',
    word: 'Snirkelfjantmötet',
    how: 'deleted',
  },
  { table: 'focus_areas', column: 'name', slug: 'samhallsbyggnad', word: 'Tromblefokus', how: 'deleted' },
  {
    table: 'organisations',
    column: 'name',
    slug: 'barn-och-utbildningsforvaltningen',
    word: 'Zwiebelförvaltningen',
    how: 'deleted',
  },
  {
    table: 'organisations',
    column: 'name',
    slug: 'konstskolan-idun-loven',
    word: 'Flimmerdunkskolan',
    how: 'deleted',
  },
  {
    table: 'briefs',
    column: 'title',
    slug: 'unga-som-inte-soker-hjalp',
    word: 'Snorkelbehovet',
    how: 'internal',
  },
  {
    table: 'briefs',
    column: 'title',
    slug: 'elevers-narvaro-hogstadiet',
    word: 'Trullebehovet',
    how: 'deleted',
  },
] as const;

/** A meeting with approved minutes and one decision of it, hidden by id (they have no slug). */
const MEETING_WORD = 'Blubbersammanträdet';
const DECISION_WORD = 'Klonkbeslutet';
/** A decision written into minutes that are not approved: never public, not even before hiding. */
const DRAFT_DECISION_WORD = 'Fnissutkastbeslutet';
/** Put into the internal reason of a record that stays public: the field is never published. */
const INTERNAL_REASON_WORD = 'Hemlisgrundenord';
const CONTACT_NAME = 'Kerstin Kontaktsson';

let subject: Awaited<ReturnType<typeof createTestApp>>;
const cache = createPageCache({ ttlMs: 600_000, maxBytes: 64 * 1024 * 1024 });
let meetingId: number;
let decisionId: number;
let emails: string[] = [];

beforeAll(async () => {
  subject = await createTestApp({ demo: true, pageCache: cache, env: { API_RATE_LIMIT: '1000000' } });
  const { pool } = subject.database;
  for (const record of HIDDEN) {
    const result = await pool.query(`update ${record.table} set ${record.column} = $1 where slug = $2`, [
      `${record.word} i Huddinge`,
      record.slug,
    ]);
    expect(result.rowCount, record.slug).toBe(1);
  }
  // A public decision of approved minutes of a public group, and its meeting.
  const approved = await pool.query<{ meeting: number; item: number }>(`
    select m.id as meeting, ai.id as item from agenda_items ai
      join meetings m on m.id = ai.meeting_id join groups g on g.id = m.group_id
     where m.minutes_status = 'approved' and m.visibility = 'public' and m.deleted_at is null
       and ai.visibility = 'public' and ai.deleted_at is null and ai.decision <> ''
       and g.visibility = 'public' and g.deleted_at is null and g.slug not like 'arbetsgrupp-%'
     order by m.id, ai.position limit 1`);
  expect(approved.rows, 'the demo data has approved minutes with a decision').toHaveLength(1);
  meetingId = approved.rows[0]!.meeting;
  decisionId = approved.rows[0]!.item;
  await pool.query('update meetings set title = $1 where id = $2', [`${MEETING_WORD} i Huddinge`, meetingId]);
  await pool.query(`update agenda_items set decision = $1 where id = $2`, [
    `${DECISION_WORD}: kommunen beslutar.`,
    decisionId,
  ]);
  const draft = await pool.query(
    `update agenda_items set decision = $1
      where id = (select ai.id from agenda_items ai join meetings m on m.id = ai.meeting_id
                   where m.minutes_status <> 'approved' and ai.visibility = 'public' order by ai.id limit 1)`,
    [`${DRAFT_DECISION_WORD}: förslag.`],
  );
  expect(draft.rowCount, 'the demo data has minutes that are not approved').toBe(1);
  await pool.query(
    "update agreements set internal_reason = $1 where slug = 'samverkansavtal-sodertorns-hogskola'",
    [INTERNAL_REASON_WORD],
  );
  // A named contact of a public agreement: the name is published (as on the page), the address never.
  const contact = await createPerson(subject.database.db, {
    name: CONTACT_NAME,
    email: 'kerstin.kontaktsson@huddinge.se',
  });
  await pool.query(
    `insert into agreement_contacts (agreement_id, person_id, organisation_id)
       select a.id, $1, o.id from agreements a, organisations o
        where a.slug = 'samverkansavtal-sodertorns-hogskola' and o.slug = 'huddinge-kommun'`,
    [contact],
  );
  emails = (await pool.query<{ email: string }>('select email from people where email is not null')).rows.map(
    (row) => row.email.toLowerCase(),
  );
  expect(emails.length).toBeGreaterThan(0);
  cache.clear();
});
afterAll(() => subject.cleanup());

type Answer = { path: string; status: number; body: string };

async function fetchAnswer(path: string): Promise<Answer> {
  const response = await subject.request(path);
  return { path, status: response.status, body: await response.text() };
}

/** Every public answer of the open data: each list page, each item, each download, the catalogue. */
async function walk(): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const path of ['/api/v1/api-info', '/api/v1/openapi.json', '/datasets/dcat', '/datasets/dcat.ttl']) {
    answers.push(await fetchAnswer(path));
  }
  for (const resource of API_RESOURCES) {
    let next: string | undefined = `/api/v1/${resource.name}?limit=100`;
    while (next) {
      const answer = await fetchAnswer(next);
      expect(answer.status, next).toBe(200);
      answers.push(answer);
      const page = JSON.parse(answer.body) as { items: { id: string }[]; links: { next?: string } };
      for (const item of page.items) {
        answers.push(await fetchAnswer(`/api/v1/${resource.name}/${encodeURIComponent(item.id)}`));
      }
      next = page.links.next?.replace('http://localhost:3000', '');
    }
    for (const extension of ['csv', 'json']) {
      const download = await fetchAnswer(`/oppna-data/datamangder/${resource.name}.${extension}`);
      expect(download.status, download.path).toBe(200);
      answers.push(download);
    }
  }
  return answers;
}

function sightings(answers: Answer[], needles: string[]): Record<string, string[]> {
  return Object.fromEntries(
    needles.map((needle) => [
      needle,
      answers.filter((answer) => answer.body.toLowerCase().includes(needle.toLowerCase())).map((a) => a.path),
    ]),
  );
}

const WORDS = [...HIDDEN.map((record) => record.word), MEETING_WORD, DECISION_WORD];

describe('the open data walked as an anonymous client', () => {
  it('shows every record while it is public, in the API, the downloads and the catalogue’s words (the control)', async () => {
    const answers = await walk();
    for (const answer of answers) expect(answer.status, answer.path).toBe(200);
    const seen = sightings(answers, WORDS);
    for (const [word, paths] of Object.entries(seen)) {
      expect(
        paths.some((path) => path.startsWith('/api/v1/')),
        `${word} in the API`,
      ).toBe(true);
      expect(
        paths.some((path) => path.startsWith('/oppna-data/')),
        `${word} in a download`,
      ).toBe(true);
    }
  });

  it('never shows minutes not yet approved, internal reasons, or anyone’s e-mail address', async () => {
    const answers = await walk();
    expect(sightings(answers, [DRAFT_DECISION_WORD, INTERNAL_REASON_WORD])).toEqual({
      [DRAFT_DECISION_WORD]: [],
      [INTERNAL_REASON_WORD]: [],
    });
    expect(sightings(answers, [CONTACT_NAME])[CONTACT_NAME]).toContain(
      '/api/v1/agreements/samverkansavtal-sodertorns-hogskola',
    );
    const leaked = answers.filter((answer) =>
      emails.some((email) => answer.body.toLowerCase().includes(email)),
    );
    // The catalogue names the open-data contact address on purpose; it is nobody's own.
    expect(leaked.map((answer) => answer.path)).toEqual([]);
  });

  it('shows none of them once they are internal or deleted (changed through withPublicChange)', async () => {
    await walk(); // fills the cache
    await withPublicChange(subject.deps, async (tx) => {
      for (const record of HIDDEN) {
        const table = sql.raw(record.table);
        if (record.how === 'internal') {
          await tx.execute(
            sql`update ${table} set visibility = 'internal', internal_reason = 'Arbetsmaterial' where slug = ${record.slug}`,
          );
        } else {
          await tx.execute(sql`update ${table} set deleted_at = now() where slug = ${record.slug}`);
        }
      }
      await tx.execute(
        sql`update meetings set visibility = 'internal', internal_reason = 'Arbetsmaterial' where id = ${meetingId}`,
      );
    });
    const answers = await walk();
    expect(sightings(answers, WORDS)).toEqual(Object.fromEntries(WORDS.map((word) => [word, []])));
    for (const record of HIDDEN) {
      const resource = {
        agreements: 'agreements',
        groups: 'groups',
        activities: 'activities',
        focus_areas: 'focus-areas',
        organisations: 'organisations',
        briefs: 'briefs',
      }[record.table];
      const item = await fetchAnswer(`/api/v1/${resource}/${record.slug}`);
      expect(item.status, item.path).toBe(404);
    }
    expect((await fetchAnswer(`/api/v1/meetings/${meetingId}`)).status).toBe(404);
    expect((await fetchAnswer(`/api/v1/decisions/${decisionId}`)).status).toBe(404);
  });
});
