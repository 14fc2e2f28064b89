import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../seeds/apply-seed.ts';
import { demoData } from '../seeds/demo-data.ts';
import { INSTITUTION_SLUGS, sourceFacts } from '../seeds/source-facts.ts';
import {
  agreementFocusAreas,
  agreementParties,
  agreements,
  annualReports,
  briefResponses,
  briefs,
  focusAreas,
  goals,
  groupMembers,
  groups,
  indicatorValues,
  organisations,
  pages,
  placementNeeds,
  placementOffers,
  placementRequests,
} from '../src/db/schema.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { type Row, readAllRows } from './table-contents.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.cleanup());

describe('seeding', () => {
  it('changes nothing when run a second time', async () => {
    await seedDatabase(database.db, { demo: true });
    const before = await readAllRows(database.pool);
    await seedDatabase(database.db, { demo: true });
    expect(await readAllRows(database.pool)).toEqual(before);
  });

  it('adds every demo row, marked as demo, when demo data is on', async () => {
    await seedDatabase(database.db, { demo: true });
    const slugs = await slugsOf(organisations);
    for (const organisation of demoData.organisations) expect(slugs).toContain(organisation.slug);
    const demoAgreements = await database.db.select().from(agreements).where(eq(agreements.isDemo, true));
    expect(demoAgreements.map((row) => row.slug).sort()).toEqual(
      demoData.agreements.map((a) => a.slug).sort(),
    );
    const demoMembers = await database.db.select().from(groupMembers).where(eq(groupMembers.isDemo, true));
    expect(demoMembers).toHaveLength(demoData.members.length);
  });

  it('removes every demo row and keeps every source fact when demo data is turned off', async () => {
    await seedDatabase(database.db, { demo: true });
    const sourceRowsBefore = await readSourceRows();
    await seedDatabase(database.db, { demo: false });

    for (const table of [
      organisations,
      agreements,
      focusAreas,
      groups,
      groupMembers,
      placementOffers,
      placementNeeds,
      placementRequests,
      briefs,
      briefResponses,
      indicatorValues,
      annualReports,
    ]) {
      expect(await database.db.select().from(table).where(eq(table.isDemo, true))).toEqual([]);
    }
    const { rows } = await database.pool.query('select count(*) from activities');
    expect(rows[0].count).toBe(0);
    expect(await readSourceRows()).toEqual(sourceRowsBefore);
  });

  it('puts the demo data back when it is turned on again', async () => {
    await seedDatabase(database.db, { demo: false });
    await seedDatabase(database.db, { demo: true });
    const demoAgreements = await database.db.select().from(agreements).where(eq(agreements.isDemo, true));
    expect(demoAgreements).toHaveLength(demoData.agreements.length);
  });
});

describe('the source page in the data', () => {
  beforeAll(() => seedDatabase(database.db, { demo: false }));

  it('lists the six institutions with their descriptions', async () => {
    const rows = await database.db.select().from(organisations).where(eq(organisations.kind, 'university'));
    const bySlug = new Map(rows.map((row) => [row.slug, row]));
    expect([...bySlug.keys()].sort()).toEqual([...INSTITUTION_SLUGS].sort());
    expect(bySlug.get('sodertorns-hogskola')).toMatchObject({
      name: 'Södertörns högskola',
      shortName: 'SH',
      description: 'Här utbildas bland annat journalister, poliser och lärare.',
    });
    expect(bySlug.get('karolinska-institutet')).toMatchObject({
      name: 'Karolinska Institutet',
      shortName: 'KI',
      description: 'Här bedrivs medicinsk forskning och här finns bland annat en sjuksköterskeutbildning.',
    });
    expect(bySlug.get('kth-flemingsberg')).toMatchObject({
      name: 'Kungliga Tekniska Högskolan (KTH) Flemingsberg',
      description: 'Här bedrivs utbildning och forskning inom medicinsk teknik.',
    });
    expect(bySlug.get('roda-korsets-hogskola')).toMatchObject({
      shortName: 'RKH',
      description: 'Här utbildas nya sjuksköterskor.',
    });
    expect(bySlug.get('stockholms-musikpedagogiska-institut')).toMatchObject({
      name: 'Stockholms musikpedagogiska institut',
      shortName: 'SMI',
    });
    expect(bySlug.get('konstskolan-idun-loven')).toMatchObject({
      name: 'Konstskolan Idun Lovén',
      description: 'Utbildning inom skulptur och måleri.',
    });
  });

  it('has the two collaboration agreements, with Södertörns högskola and Karolinska Institutet', async () => {
    const rows = await database.db
      .select({ slug: agreements.slug, party: organisations.slug })
      .from(agreements)
      .innerJoin(agreementParties, eq(agreementParties.agreementId, agreements.id))
      .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId))
      .where(eq(agreements.kind, 'collaboration'));
    expect(partiesBySlug(rows)).toEqual({
      'samverkansavtal-karolinska-institutet': ['huddinge-kommun', 'karolinska-institutet'],
      'samverkansavtal-sodertorns-hogskola': ['huddinge-kommun', 'sodertorns-hogskola'],
    });
  });

  it('has the three focus areas of the collaboration agreements', async () => {
    const names = await database.db
      .select({ slug: agreements.slug, name: focusAreas.name })
      .from(agreementFocusAreas)
      .innerJoin(agreements, eq(agreements.id, agreementFocusAreas.agreementId))
      .innerJoin(focusAreas, eq(focusAreas.id, agreementFocusAreas.focusAreaId));
    const expected = ['Kompetensförsörjning', 'Samhällsbyggnad', 'Tillgång till likvärdig vård'];
    for (const agreement of [
      'samverkansavtal-sodertorns-hogskola',
      'samverkansavtal-karolinska-institutet',
    ]) {
      expect(
        names
          .filter((row) => row.slug === agreement)
          .map((row) => row.name)
          .sort(),
      ).toEqual(expected);
    }
  });

  it('has Högskolerådet, chaired by the chair of gymnasie- och arbetsmarknadsnämnden, with the student union', async () => {
    const members = await membersOf('hogskoleradet');
    expect(members).toContainEqual({
      organisation: 'gymnasie-och-arbetsmarknadsnamnden',
      role: 'chair',
      seat: 'Ordförande i gymnasie- och arbetsmarknadsnämnden',
    });
    expect(members).toContainEqual({
      organisation: 'studentkaren-i-flemingsberg',
      role: 'member',
      seat: null,
    });
    for (const institution of INSTITUTION_SLUGS) {
      expect(members).toContainEqual({ organisation: institution, role: 'member', seat: null });
    }
  });

  it('has the parties of Flemingsberg Science', async () => {
    const parties = (await membersOf('flemingsberg-science-parter')).map((member) => member.organisation);
    expect(parties.sort()).toEqual(
      [
        'huddinge-kommun',
        ...INSTITUTION_SLUGS,
        'region-stockholm',
        'botkyrka-kommun',
        'lokala-naringslivet',
      ].sort(),
    );
    const names = await database.db
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.kind, 'region'));
    expect(names).toEqual([{ name: 'Region Stockholm' }]);
    expect(await nameOf('botkyrka-kommun')).toBe('Botkyrka kommun');
    expect(await nameOf('lokala-naringslivet')).toBe('Det lokala näringslivet');
  });

  it('has the four goals in the source order', async () => {
    const rows = await database.db.select().from(goals).orderBy(goals.position);
    expect(rows.map((row) => row.statement)).toEqual([
      'underlätta Huddinge kommuns rekrytering',
      'bidra till Huddinge kommuns verksamhetsutveckling genom forskning',
      'gynna Huddinge kommuns tillväxt genom tätare kontakt mellan näringslivssektionen och akademierna',
      'bidra till att Huddinge kommun är en attraktiv arbetsgivare genom att erbjuda medarbetarna kompetensutveckling',
    ]);
  });

  it('has the ULF agreement for 2017–2025 between BUF, GAF and Södertörns högskola', async () => {
    const [ulf] = await database.db.select().from(agreements).where(eq(agreements.kind, 'ulf'));
    expect(ulf).toMatchObject({ validFrom: '2017-01-01', validTo: '2025-12-31', isDemo: false });
    const parties = await database.db
      .select({ slug: organisations.slug })
      .from(agreementParties)
      .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId))
      .where(eq(agreementParties.agreementId, ulf!.id));
    expect(parties.map((party) => party.slug).sort()).toEqual([
      'barn-och-utbildningsforvaltningen',
      'gymnasie-och-arbetsmarknadsforvaltningen',
      'sodertorns-hogskola',
    ]);
  });

  it('shows the start page as updated on 23 August 2023', async () => {
    const [start] = await database.db.select().from(pages).where(eq(pages.path, '/'));
    expect(start).toMatchObject({ title: 'Samverkan med akademierna', updatedOn: '2023-08-23' });
    expect(start?.body).toContain('Huddinge kommun har flera stora akademier inom kommungränserna.');
  });

  it('stores every page of the source facts', async () => {
    const rows = await database.db.select({ slug: pages.slug }).from(pages);
    expect(rows.map((row) => row.slug).sort()).toEqual(sourceFacts.pages.map((page) => page.slug).sort());
  });
});

async function slugsOf(table: typeof organisations | typeof agreements): Promise<string[]> {
  const rows = await database.db.select({ slug: table.slug }).from(table);
  return rows.map((row) => row.slug);
}

async function nameOf(slug: string): Promise<string | undefined> {
  const [row] = await database.db.select().from(organisations).where(eq(organisations.slug, slug));
  return row?.name;
}

async function membersOf(groupSlug: string) {
  return database.db
    .select({ organisation: organisations.slug, role: groupMembers.role, seat: groupMembers.seatDescription })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .innerJoin(organisations, eq(organisations.id, groupMembers.organisationId))
    .where(and(eq(groups.slug, groupSlug), eq(groupMembers.isDemo, false)));
}

function partiesBySlug(rows: { slug: string; party: string }[]): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const row of rows) result[row.slug] = [...(result[row.slug] ?? []), row.party].sort();
  return result;
}

/** Which table an id column points to, for telling which link rows belong to demo rows. */
const REFERENCES: Record<string, string> = {
  activity_id: 'activities',
  agreement_id: 'agreements',
  brief_id: 'briefs',
  focus_area_id: 'focus_areas',
  goal_id: 'goals',
  group_id: 'groups',
  organisation_id: 'organisations',
  owner_organisation_id: 'organisations',
  parent_id: 'organisations',
  offer_id: 'placement_offers',
  need_id: 'placement_needs',
  meeting_id: 'meetings',
  agenda_item_id: 'agenda_items',
  person_id: 'people',
};

/** Every row that is neither demo data nor a link to demo data. */
async function readSourceRows(): Promise<Record<string, Row[]>> {
  const all = await readAllRows(database.pool);
  const demoIds = new Map<string, Set<string | null>>();
  for (const [table, rows] of Object.entries(all)) {
    demoIds.set(table, new Set(rows.filter((row) => row.is_demo === 'true').map((row) => row.id ?? null)));
  }
  // The demo meetings' adjuster (seeds/demo-meetings.ts) is a person, and people have no is_demo: its mark says so.
  demoIds.set(
    'people',
    new Set(
      (all.seed_marks ?? []).filter((row) => row.kind === 'demo_person').map((row) => row.record_id ?? null),
    ),
  );
  const isSource = (row: Row, table: string) =>
    row.is_demo !== 'true' &&
    !(table === 'people' && demoIds.get('people')?.has(row.id ?? null)) &&
    Object.entries(REFERENCES).every(([column, table]) => !demoIds.get(table)?.has(row[column] ?? null));
  // A seed mark points at the record it became: a mark of a demo record is demo data too.
  const tableOfKind: Record<string, string> = {
    organisation: 'organisations',
    focus_area: 'focus_areas',
    agreement: 'agreements',
    group: 'groups',
    member: 'group_members',
    activity: 'activities',
    placement_offer: 'placement_offers',
    placement_need: 'placement_needs',
    placement_request: 'placement_requests',
    brief: 'briefs',
    brief_response: 'brief_responses',
    demo_meeting: 'meetings',
    demo_person: 'people',
    demo_indicator_value: 'indicator_values',
    demo_annual_report: 'annual_reports',
  };
  const isSourceMark = (row: Row) =>
    !demoIds.get(tableOfKind[row.kind ?? ''] ?? '')?.has(row.record_id ?? null);
  return Object.fromEntries(
    Object.entries(all).map(([table, rows]) => [
      table,
      rows.filter((row) => (table === 'seed_marks' ? isSourceMark(row) : isSource(row, table))),
    ]),
  );
}

describe('seeding after the register was edited', () => {
  it('never adds a renamed, re-slugged or deleted seed record again, and gives a lost site role back', async () => {
    await seedDatabase(database.db, { demo: false });
    await database.pool.query(
      `update groups set slug = 'radet', name = 'Rådet' where slug = 'hogskoleradet'`,
    );
    await database.pool.query(
      `update agreements set deleted_at = now() where slug = 'samverkansavtal-karolinska-institutet'`,
    );
    // As after restoring a backup from before the roles existed.
    await database.pool.query(`update groups set site_role = null`);
    await seedDatabase(database.db, { demo: false });
    const councils = await database.pool.query(`select slug, site_role from groups where kind = 'council'`);
    expect(councils.rows).toEqual([{ slug: 'radet', site_role: 'council' }]);
    const agreements = await database.pool.query(
      `select deleted_at from agreements where slug = 'samverkansavtal-karolinska-institutet'`,
    );
    expect(agreements.rows).toHaveLength(1);
    expect(agreements.rows[0].deleted_at).not.toBeNull();
    const network = await database.pool.query(
      `select site_role from groups where slug = 'flemingsberg-science-parter'`,
    );
    expect(network.rows[0].site_role).toBe('foundation_network');
  });
});
