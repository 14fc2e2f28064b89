import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGREEMENTS_PER_PAGE } from '../src/features/agreements/agreements.service.ts';
import { agreementContacts } from '../src/features/agreements/agreements.table.ts';
import { createPageCache, withPublicChange } from '../src/web/page-cache.ts';
import { createPerson } from './people.ts';
import { OTHER_PAGE_STATES, PUBLIC_PAGES } from './public-pages.ts';
import { createTestApp, textOf } from './test-app.ts';

/**
 * Issue 8, item 5 and soft delete: a record that is internal or deleted never reaches a public page,
 * search, the start page's lists or the page cache, also where another record links to it (parties,
 * members, focus areas, an activity's agreement, working groups, goal counts). Every public route is
 * asked, with every register record's own page, before and after the records are hidden, fresh and from
 * the cache; before hiding, the same texts must show, so the test can fail.
 */

/** Each hidden record has a made-up word in its name, found nowhere else. */
const HIDDEN = [
  { kind: 'agreement', slug: 'vfu-avtal-lararutbildningen-sh', word: 'Zorblaxavtalet', how: 'internal' },
  { kind: 'agreement', slug: 'forskningsavtal-aldreomsorg-ki', word: 'Quibbeltrofavtalet', how: 'deleted' },
  { kind: 'group', slug: 'arbetsgrupp-karolinska-institutet', word: 'Vimsoplexgruppen', how: 'internal' },
  { kind: 'group', slug: 'arbetsgrupp-sodertorns-hogskola', word: 'Gnurfelhoppgruppen', how: 'deleted' },
  { kind: 'activity', slug: 'ulf-lasundervisning-i-forskolan', word: 'Plumbrokkprojektet', how: 'internal' },
  { kind: 'activity', slug: 'frukostmote-naringsliv-akademi', word: 'Snirkelfjantmötet', how: 'deleted' },
  { kind: 'focus_area', slug: 'samhallsbyggnad', word: 'Tromblefokus', how: 'deleted' },
  // A party of a public agreement, a seat in a public group, linked to a public activity, a contact's
  // party, and the parent of two units.
  {
    kind: 'organisation',
    slug: 'barn-och-utbildningsforvaltningen',
    word: 'Zwiebelförvaltningen',
    how: 'deleted',
  },
  // A university: on the start page and /larosaten, in the council and the foundation's network.
  { kind: 'organisation', slug: 'konstskolan-idun-loven', word: 'Flimmerdunkskolan', how: 'deleted' },
  // Published briefs of the demo data (the needs bank: its list, its feed, search).
  { kind: 'brief', slug: 'unga-som-inte-soker-hjalp', word: 'Snorkelbehovet', how: 'internal' },
  { kind: 'brief', slug: 'elevers-narvaro-hogstadiet', word: 'Trullebehovet', how: 'deleted' },
] as const;

/** A focus area that stays, but that only the internal agreement prioritises: it goes with the agreement. */
const ONLY_THROUGH_HIDDEN = 'Grumpelområdet';

/** The diarienummer of the two agreements: shown on their own pages, searchable. */
const DIARIENUMMER = ['ZRB-4711/0042', 'QBT-4711/0043'];

const TABLE = {
  agreement: 'agreements',
  group: 'groups',
  activity: 'activities',
  focus_area: 'focus_areas',
  organisation: 'organisations',
  brief: 'briefs',
} as const;
const NAME_COLUMN = {
  agreement: 'title',
  group: 'name',
  activity: 'title',
  focus_area: 'name',
  organisation: 'name',
  brief: 'title',
} as const;

/** A hidden record's own public page, if it has one (focus areas have none). */
function ownPage(record: (typeof HIDDEN)[number]): string | undefined {
  if (record.kind === 'agreement') return `/avtal/${record.slug}`;
  if (record.kind === 'group') return `/grupper/${record.slug}`;
  if (record.kind === 'activity') return `/aktiviteter/${record.slug}`;
  if (record.kind === 'brief') return `/behovsbanken/${record.slug}`;
  if (record.kind === 'organisation') {
    return record.slug === 'konstskolan-idun-loven'
      ? `/larosaten/${record.slug}`
      : `/organisationer/${record.slug}`;
  }
  return undefined;
}
const OWN_PAGES = HIDDEN.map(ownPage).filter((path) => path !== undefined);

/** Words a search finds in the register (focus areas are not searched). */
const SEARCHED = HIDDEN.filter((record) => record.kind !== 'focus_area').map((record) => record.word);

let subject: Awaited<ReturnType<typeof createTestApp>>;
const cache = createPageCache({ ttlMs: 600_000, maxBytes: 64 * 1024 * 1024 });
let addresses: string[] = [];

beforeAll(async () => {
  subject = await createTestApp({ demo: true, pageCache: cache });
  const { pool, db } = subject.database;
  for (const record of HIDDEN) {
    const name = `${record.word} ${record.kind === 'organisation' ? '' : 'i Huddinge'}`.trim();
    const result = await pool.query(
      `update ${TABLE[record.kind]} set ${NAME_COLUMN[record.kind]} = $1 where slug = $2`,
      [name, record.slug],
    );
    expect(result.rowCount, record.slug).toBe(1);
  }
  await pool.query("update agreements set diarienummer = $1 where slug = 'vfu-avtal-lararutbildningen-sh'", [
    DIARIENUMMER[0],
  ]);
  await pool.query("update agreements set diarienummer = $1 where slug = 'forskningsavtal-aldreomsorg-ki'", [
    DIARIENUMMER[1],
  ]);
  // Links from records that stay public to the organisation and the focus area that will be deleted,
  // where the seed has none.
  await pool.query(`
    insert into activity_organisations (activity_id, organisation_id)
      select a.id, o.id from activities a, organisations o
       where a.slug = 'kurs-handledning-av-studenter' and o.slug = 'barn-och-utbildningsforvaltningen'`);
  await pool.query(`
    insert into activity_focus_areas (activity_id, focus_area_id)
      select a.id, f.id from activities a, focus_areas f
       where a.slug = 'kurs-handledning-av-studenter' and f.slug = 'samhallsbyggnad'`);
  await pool.query(`
    insert into group_members (group_id, organisation_id, role, position)
      select g.id, o.id, 'member', 40 from groups g, organisations o
       where g.slug = 'hogskoleradet' and o.slug = 'barn-och-utbildningsforvaltningen'`);
  await pool.query(`insert into focus_areas (slug, name) values ('grumpelomradet', $1)`, [
    ONLY_THROUGH_HIDDEN,
  ]);
  await pool.query(`
    insert into agreement_focus_areas (agreement_id, focus_area_id)
      select a.id, f.id from agreements a, focus_areas f
       where a.slug = 'vfu-avtal-lararutbildningen-sh' and f.slug = 'grumpelomradet'`);
  const contact = await createPerson(db, { name: 'Kerstin Kontaktsson' });
  const ids = await pool.query<{ agreement: number; organisation: number }>(`
    select a.id as agreement, o.id as organisation from agreements a, organisations o
     where a.slug = 'ulf-avtal-sodertorns-hogskola' and o.slug = 'barn-och-utbildningsforvaltningen'`);
  await db.insert(agreementContacts).values({
    agreementId: ids.rows[0]!.agreement,
    personId: contact,
    organisationId: ids.rows[0]!.organisation,
  });

  // Every public route, and the own page of every record in the register (the hidden ones too).
  const slugs = async (query: string) =>
    (await pool.query<{ path: string }>(query)).rows.map((row) => row.path);
  const agreementCount = Number((await pool.query('select count(*) as n from agreements')).rows[0].n);
  const listPages = Math.ceil(agreementCount / AGREEMENTS_PER_PAGE);
  addresses = [
    ...new Set([
      ...Object.values(PUBLIC_PAGES),
      ...OTHER_PAGE_STATES,
      // /avtal is page 1 (the same page in the cache); the pages after it, and one past the last (a 404).
      ...Array.from({ length: listPages }, (_, index) => `/avtal?sida=${index + 2}`),
      ...(await slugs(`select case when kind = 'university' then '/larosaten/' else '/organisationer/' end
                        || slug as path from organisations`)),
      ...(await slugs(`select '/avtal/' || slug as path from agreements`)),
      ...(await slugs(`select '/grupper/' || slug as path from groups`)),
      ...(await slugs(`select '/aktiviteter/' || slug as path from activities`)),
      ...(await slugs(`select '/behovsbanken/' || slug as path from briefs`)),
      // The needs bank's feed (not a cached page, but public all the same) and a filtered list.
      '/behovsbanken/flode.atom',
      '/behovsbanken/flode.atom?typ=forskningsfraga',
      '/behovsbanken?typ=examensarbete',
      ...[...SEARCHED, ...DIARIENUMMER].map((word) => `/sok?q=${encodeURIComponent(word)}`),
    ]),
  ];
  cache.clear();
});
afterAll(() => subject.cleanup());

type Answer = { path: string; status: number; html: string; cache: string | null };

async function sweep(): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const path of addresses) {
    const response = await subject.request(path);
    answers.push({
      path,
      status: response.status,
      html: await response.text(),
      cache: response.headers.get('x-cache'),
    });
  }
  return answers;
}

/**
 * What an answer shows of the register: the whole page, but of a search only its list of hits (the page
 * repeats the words searched for: "Inga träffar för ”…”").
 */
function shown(answer: Answer): string {
  if (!answer.path.startsWith('/sok')) return answer.html;
  return answer.html.match(/<ol class="search-results"[\s\S]*?<\/ol>/)?.[0] ?? '';
}

/** Each hidden word or link, with the addresses whose answer shows it. */
function sightings(answers: Answer[]): Record<string, string[]> {
  const needles = [
    ...HIDDEN.map((record) => record.word),
    ONLY_THROUGH_HIDDEN,
    ...DIARIENUMMER,
    ...OWN_PAGES.map((path) => `href="${path}"`),
  ];
  return Object.fromEntries(
    needles.map((needle) => [
      needle,
      answers
        .filter((answer) => shown(answer).toLowerCase().includes(needle.toLowerCase()))
        .map((answer) => answer.path),
    ]),
  );
}

const statusOf = (answers: Answer[], path: string) => answers.find((answer) => answer.path === path)?.status;

/** "<strong>Tillväxt …:</strong> 1 aktivitet i registret bidrar till målet." → the count per goal on /mal. */
function goalCounts(answers: Answer[]): Record<string, number> {
  const html = answers.find((answer) => answer.path === '/mal')!.html;
  return Object.fromEntries(
    [...html.matchAll(/<strong>([^<]*):<\/strong>\s*(\d+) aktivitet(?:er)? i registret/g)].map((match) => [
      match[1]!,
      Number(match[2]),
    ]),
  );
}

describe('internal and deleted records on public pages', () => {
  let before: Answer[];
  let after: Answer[];
  /** The addresses the page cache keeps (every public page's; not an address no route has). */
  let cacheable: string[];

  it('shows every record, its links and its search hits while it is public (the control)', async () => {
    before = await sweep();
    const seen = sightings(before);
    for (const [needle, paths] of Object.entries(seen)) expect(paths, needle).not.toEqual([]);
    // Found through the links of other records, not only on their own pages.
    for (const record of HIDDEN) {
      const elsewhere = seen[record.word]!.filter(
        (path) => path !== ownPage(record) && !path.startsWith('/sok'),
      );
      expect(elsewhere, record.word).not.toEqual([]);
    }
    for (const word of SEARCHED) expect(seen[word], word).toContain(`/sok?q=${encodeURIComponent(word)}`);
    // A search by diarienummer finds the agreement (its hit shows the title, not the number).
    for (const [number, slug] of [
      [DIARIENUMMER[0], 'vfu-avtal-lararutbildningen-sh'],
      [DIARIENUMMER[1], 'forskningsavtal-aldreomsorg-ki'],
    ]) {
      expect(seen[`href="/avtal/${slug}"`], number).toContain(`/sok?q=${encodeURIComponent(number!)}`);
    }
    for (const path of OWN_PAGES) expect(statusOf(before, path), path).toBe(200);
    expect(
      textOf(before.find((answer) => answer.path === '/avtal/ulf-avtal-sodertorns-hogskola')!.html),
    ).toContain('Kerstin Kontaktsson, Zwiebelförvaltningen');
    // Every page is now in the cache: the second time each is a hit, still showing the records.
    const again = await sweep();
    cacheable = again.filter((answer) => answer.cache === 'hit').map((answer) => answer.path);
    for (const path of [...Object.values(PUBLIC_PAGES), ...OWN_PAGES]) expect(cacheable).toContain(path);
    expect(sightings(again)).toEqual(seen);
  });

  it('shows none of them after they are made internal or deleted through withPublicChange, fresh or cached', async () => {
    expect(cache.get('/')).toBeDefined();
    await withPublicChange(subject.deps, async (tx) => {
      for (const record of HIDDEN) {
        const table = sql.raw(TABLE[record.kind]);
        if (record.how === 'internal') {
          await tx.execute(
            sql`update ${table} set visibility = 'internal', internal_reason = 'Arbetsmaterial'
                 where slug = ${record.slug}`,
          );
        } else {
          await tx.execute(sql`update ${table} set deleted_at = now() where slug = ${record.slug}`);
        }
      }
    });

    const fresh = await sweep();
    const cached = await sweep();
    for (const [answers, expected] of [
      [fresh, null],
      [cached, 'hit'],
    ] as const) {
      const nowhere = Object.fromEntries(Object.keys(sightings(before)).map((needle) => [needle, []]));
      expect(sightings(answers)).toEqual(nowhere);
      for (const path of OWN_PAGES) expect(statusOf(answers, path), path).toBe(404);
      for (const word of [...SEARCHED, ...DIARIENUMMER]) {
        const search = answers.find((answer) => answer.path === `/sok?q=${encodeURIComponent(word)}`)!;
        expect(textOf(search.html)).toContain(`Inga träffar för ”${word}”`);
      }
      for (const answer of answers) {
        if (cacheable.includes(answer.path)) expect(answer.cache, answer.path).toBe(expected);
      }
      // The pages around them are still there.
      for (const path of Object.values(PUBLIC_PAGES)) {
        if (!OWN_PAGES.includes(path)) expect(statusOf(answers, path), path).toBe(200);
      }
    }
    after = fresh;
    const contacts = textOf(
      fresh.find((answer) => answer.path === '/avtal/ulf-avtal-sodertorns-hogskola')!.html,
    );
    expect(contacts).toContain('Kerstin Kontaktsson');
    expect(contacts).not.toContain('Kerstin Kontaktsson,');
  });

  it('counts only public, undeleted activities towards the goals', () => {
    // The internal activity counted towards research-based development, the deleted one towards growth.
    const [was, is] = [goalCounts(before), goalCounts(after)];
    expect(Object.keys(was)).toHaveLength(4);
    expect(is['Verksamhetsutveckling genom forskning']).toBe(
      was['Verksamhetsutveckling genom forskning']! - 1,
    );
    expect(was['Tillväxt genom kontakt med näringslivet']).toBe(1);
    expect(is['Tillväxt genom kontakt med näringslivet']).toBe(0);
  });
});
