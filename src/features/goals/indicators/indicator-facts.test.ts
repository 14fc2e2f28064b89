import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../../../seeds/apply-seed.ts';
import { createTestDatabase, type TestDatabase } from '../../../../tests/database.ts';
import { fixedClock } from '../../../lib/clock.ts';
import { activities, activityOrganisations } from '../../activities/activities.table.ts';
import { agreements } from '../../agreements/agreements.table.ts';
import { briefResponses, briefs } from '../../needs/needs.table.ts';
import { organisations } from '../../organisations/organisations.table.ts';
import { placementOffers, placementRequests } from '../../placements/placements.table.ts';
import { type Breakdown, findIndicatorDefinition } from './indicator-catalogue.ts';
import {
  type GoalFigures,
  loadBreakdowns,
  loadCountedRecords,
  loadGoalFigures,
  loadIndicatorFigures,
} from './indicator-figures.service.ts';

/**
 * Every computed indicator (issue 11, item 4) against a hand-made register where the right answer is known.
 * Today is 15 June 2026 in Stockholm, so the years shown are 2022–2026. Each record below is there for one
 * rule, named where it is made; the expected figures are worked out by hand from those rules.
 */

let database: TestDatabase;
const deps = () => ({ db: database.db, clock: fixedClock('2026-06-15T10:00:00Z') });
let beforeAnything: GoalFigures[];
const ids: Record<string, number> = {};

async function organisation(slug: string, kind: string, parent?: string, deleted = false) {
  const [row] = await database.db
    .insert(organisations)
    .values({
      slug,
      name: slug,
      kind: kind as 'unit',
      parentId: parent ? ids[parent] : null,
      deletedAt: deleted ? new Date('2026-01-01T00:00:00Z') : null,
    })
    .returning({ id: organisations.id });
  ids[slug] = row!.id;
}

type ActivityInput = {
  slug: string;
  kind: 'research_project' | 'ulf_project' | 'thesis_project' | 'course' | 'event';
  startsOn: string | null;
  endsOn?: string | null;
  with: string[];
  agreement?: string;
  outcomesUsedOn?: string;
  internal?: boolean;
  deleted?: boolean;
  demo?: boolean;
};

async function activity(input: ActivityInput) {
  const [row] = await database.db
    .insert(activities)
    .values({
      slug: input.slug,
      title: input.slug,
      kind: input.kind,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      agreementId: input.agreement ? ids[input.agreement] : null,
      outcomesUsedOn: input.outcomesUsedOn ?? null,
      visibility: input.internal ? 'internal' : 'public',
      deletedAt: input.deleted ? new Date('2026-02-01T00:00:00Z') : null,
      isDemo: input.demo ?? false,
    })
    .returning({ id: activities.id });
  ids[input.slug] = row!.id;
  for (const slug of input.with)
    await database.db
      .insert(activityOrganisations)
      .values({ activityId: row!.id, organisationId: ids[slug]! });
}

type BriefInput = {
  slug: string;
  kind: 'research_question' | 'thesis' | 'ulf_question' | 'staff_development';
  by: string;
  publishedAt: string | null;
  internal?: boolean;
  deleted?: boolean;
  demo?: boolean;
};

async function brief(input: BriefInput) {
  const [row] = await database.db
    .insert(briefs)
    .values({
      slug: input.slug,
      kind: input.kind,
      title: input.slug,
      organisationId: ids[input.by]!,
      question: 'Fråga',
      intendedUse: 'Användning',
      publishedAt: input.publishedAt ? new Date(input.publishedAt) : null,
      visibility: input.internal ? 'internal' : 'public',
      deletedAt: input.deleted ? new Date('2026-02-01T00:00:00Z') : null,
      isDemo: input.demo ?? false,
    })
    .returning({ id: briefs.id });
  ids[input.slug] = row!.id;
}

async function response(
  briefSlug: string,
  from: string,
  status: 'submitted' | 'accepted' | 'declined' | 'completed',
  acceptedAt: string | null,
  options: { role?: 'researcher' | 'student' | 'staff'; deleted?: boolean; count?: number } = {},
) {
  for (let i = 0; i < (options.count ?? 1); i++)
    await database.db.insert(briefResponses).values({
      briefId: ids[briefSlug]!,
      name: 'Svarande',
      email: 'svar@example.org',
      role: options.role ?? 'researcher',
      institutionId: ids[from]!,
      approach: 'Så här',
      status,
      acceptedAt: acceptedAt ? new Date(acceptedAt) : null,
      deletedAt: options.deleted ? new Date('2026-02-01T00:00:00Z') : null,
    });
}

async function offer(slug: string, unit: string, term: string, deleted = false) {
  const [row] = await database.db
    .insert(placementOffers)
    .values({
      organisationId: ids[unit]!,
      term,
      kind: 'vfu_teacher',
      programme: slug,
      places: 20,
      deletedAt: deleted ? new Date('2026-02-01T00:00:00Z') : null,
    })
    .returning({ id: placementOffers.id });
  ids[slug] = row!.id;
}

async function request(
  offerSlug: string,
  university: string,
  places: number,
  status: 'confirmed' | 'completed',
  deleted = false,
) {
  await database.db.insert(placementRequests).values({
    offerId: ids[offerSlug]!,
    universityId: ids[university]!,
    places,
    status,
    deletedAt: deleted ? new Date('2026-02-01T00:00:00Z') : null,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase(database.db, { demo: false });
  beforeAnything = await loadGoalFigures(deps());

  // The municipality: förvaltningar A and B; a unit straight under the municipality (no förvaltning); a
  // deleted sub-unit of A whose own unit is still shown (counts under A, the next shown one up).
  await organisation('t-kommun', 'municipality');
  await organisation('t-forv-a', 'administration', 't-kommun');
  await organisation('t-enhet-a1', 'unit', 't-forv-a');
  await organisation('t-borttagen', 'unit', 't-forv-a', true);
  await organisation('t-enhet-x1', 'unit', 't-borttagen');
  await organisation('t-forv-b', 'administration', 't-kommun');
  await organisation('t-enhet-b1', 'unit', 't-forv-b');
  await organisation('t-enhet-m1', 'unit', 't-kommun');
  // Two universities, the first with a department; three companies, one deleted.
  await organisation('t-larosate-1', 'university');
  await organisation('t-institution-1', 'department', 't-larosate-1');
  await organisation('t-larosate-2', 'university');
  await organisation('t-foretag-1', 'company');
  await organisation('t-foretag-2', 'company');
  await organisation('t-foretag-3', 'company', undefined, true);
  const [seededSection] = await database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, 'naringslivssektionen'));
  ids.naringslivssektionen = seededSection!.id;

  for (const [slug, visibility] of [
    ['t-avtal-1', 'public'],
    ['t-avtal-internt', 'internal'],
  ] as const) {
    const [row] = await database.db
      .insert(agreements)
      .values({ slug, title: slug, kind: 'research', visibility })
      .returning({ id: agreements.id });
    ids[slug] = row!.id;
  }

  // Research and ULF projects.
  // Spans 2024 and 2025; two institutions; results used from October 2025.
  await activity({
    slug: 'p-tva-ar',
    kind: 'research_project',
    startsOn: '2024-09-01',
    endsOn: '2025-05-31',
    with: ['t-larosate-1', 't-larosate-2', 't-enhet-a1'],
    agreement: 't-avtal-1',
    outcomesUsedOn: '2025-10-01',
  });
  // No end date: 2025 and 2026, not after; under an internal agreement (never a group).
  await activity({
    slug: 'p-utan-slut',
    kind: 'ulf_project',
    startsOn: '2025-03-01',
    with: ['t-institution-1', 't-enhet-m1'],
    agreement: 't-avtal-internt',
  });
  // Ends in 2028, counts only up to 2026; linked to a deleted unit of förvaltning A (counts under A).
  await activity({
    slug: 'p-till-2028',
    kind: 'research_project',
    startsOn: '2026-01-01',
    endsOn: '2028-12-31',
    with: ['t-borttagen'],
  });
  await activity({
    slug: 'p-borttagen',
    kind: 'research_project',
    startsOn: '2025-01-01',
    endsOn: '2025-12-31',
    with: ['t-larosate-1'],
    outcomesUsedOn: '2025-06-01',
    deleted: true,
  });
  await activity({
    slug: 'p-intern',
    kind: 'research_project',
    startsOn: '2025-01-01',
    endsOn: '2025-12-31',
    with: ['t-larosate-1', 't-foretag-1'],
    outcomesUsedOn: '2025-06-01',
    internal: true,
  });
  await activity({
    slug: 'p-kurs',
    kind: 'course',
    startsOn: '2025-01-01',
    endsOn: '2025-12-31',
    with: ['t-larosate-1'],
    outcomesUsedOn: '2025-06-01',
  });
  await activity({ slug: 'p-senare', kind: 'research_project', startsOn: '2026-09-01', with: [] });
  // Results reported as used after today: not yet counted.
  await activity({
    slug: 'p-resultat-senare',
    kind: 'thesis_project',
    startsOn: '2025-01-01',
    endsOn: '2025-06-30',
    with: [],
    outcomesUsedOn: '2026-07-01',
  });

  // Business and academy.
  await activity({
    slug: 'b-1',
    kind: 'event',
    startsOn: '2025-01-10',
    endsOn: '2025-01-10',
    with: ['t-foretag-1', 't-foretag-3', 't-larosate-1'],
  });
  await activity({
    slug: 'b-2',
    kind: 'course',
    startsOn: '2025-02-01',
    endsOn: '2026-03-31',
    with: ['t-foretag-1', 't-foretag-2', 't-larosate-2'],
    agreement: 't-avtal-1',
  });
  await activity({
    slug: 'b-sektionen',
    kind: 'event',
    startsOn: '2025-05-01',
    endsOn: '2025-05-01',
    with: ['naringslivssektionen', 't-larosate-1'],
  });
  await activity({
    slug: 'b-utan-larosate',
    kind: 'event',
    startsOn: '2025-05-01',
    endsOn: '2025-05-01',
    with: ['t-foretag-2', 't-enhet-a1'],
  });
  await activity({
    slug: 'b-borttagen',
    kind: 'event',
    startsOn: '2025-05-01',
    endsOn: '2025-05-01',
    with: ['t-foretag-2', 't-larosate-1'],
    deleted: true,
  });

  // Placements.
  await offer('o-ht2025', 't-enhet-a1', 'HT2025');
  await request('o-ht2025', 't-institution-1', 3, 'completed');
  await request('o-ht2025', 't-larosate-2', 2, 'completed');
  await request('o-ht2025', 't-larosate-1', 4, 'confirmed');
  await request('o-ht2025', 't-larosate-1', 7, 'completed', true);
  await offer('o-vt2026', 't-enhet-m1', 'VT2026');
  await request('o-vt2026', 't-larosate-2', 1, 'completed');
  await offer('o-borttagen', 't-enhet-a1', 'VT2026', true);
  await request('o-borttagen', 't-larosate-2', 6, 'completed');
  await offer('o-ht2026', 't-enhet-x1', 'HT2026');
  await request('o-ht2026', 't-larosate-1', 5, 'completed');
  await offer('o-ht2027', 't-enhet-a1', 'HT2027');
  await request('o-ht2027', 't-larosate-1', 9, 'completed');

  // Questions in the needs bank.
  // First accepted 23:30 UTC on New Year's Eve: 00:30 on 1 January 2026 in Stockholm.
  await brief({
    slug: 'q-nyar',
    kind: 'research_question',
    by: 't-enhet-a1',
    publishedAt: '2025-03-01T10:00:00Z',
  });
  await response('q-nyar', 't-larosate-1', 'accepted', '2025-12-31T23:30:00Z');
  await response('q-nyar', 't-larosate-2', 'completed', '2026-02-01T10:00:00Z');
  await brief({ slug: 'q-exjobb', kind: 'thesis', by: 't-enhet-m1', publishedAt: '2025-01-01T10:00:00Z' });
  await response('q-exjobb', 't-larosate-2', 'accepted', '2025-05-05T10:00:00Z', { role: 'student' });
  await brief({
    slug: 'q-intern',
    kind: 'ulf_question',
    by: 't-enhet-a1',
    publishedAt: '2025-01-01T10:00:00Z',
    internal: true,
  });
  await response('q-intern', 't-larosate-1', 'accepted', '2025-05-05T10:00:00Z');
  await brief({
    slug: 'q-inskickad',
    kind: 'research_question',
    by: 't-enhet-a1',
    publishedAt: '2025-01-01T10:00:00Z',
  });
  await response('q-inskickad', 't-larosate-1', 'submitted', null);
  await response('q-inskickad', 't-larosate-1', 'declined', null);
  await brief({
    slug: 'q-senare',
    kind: 'research_question',
    by: 't-enhet-a1',
    publishedAt: '2025-01-01T10:00:00Z',
  });
  await response('q-senare', 't-larosate-1', 'accepted', '2026-08-01T10:00:00Z');
  await brief({
    slug: 'q-borttagen',
    kind: 'research_question',
    by: 't-enhet-a1',
    publishedAt: '2025-01-01T10:00:00Z',
    deleted: true,
  });
  await response('q-borttagen', 't-larosate-1', 'accepted', '2025-05-05T10:00:00Z');
  await brief({
    slug: 'q-svar-borttaget',
    kind: 'research_question',
    by: 't-enhet-a1',
    publishedAt: '2025-01-01T10:00:00Z',
  });
  await response('q-svar-borttaget', 't-larosate-1', 'accepted', '2025-05-05T10:00:00Z', { deleted: true });

  // Competence development: offers and staff sign-ups.
  await brief({
    slug: 's-2025',
    kind: 'staff_development',
    by: 't-institution-1',
    publishedAt: '2025-01-15T10:00:00Z',
    demo: true,
  });
  const staff = { role: 'staff' as const };
  await response('s-2025', 't-enhet-a1', 'accepted', '2025-02-01T10:00:00Z', { ...staff, count: 3 });
  await response('s-2025', 't-enhet-x1', 'completed', '2025-02-01T10:00:00Z', staff);
  await response('s-2025', 't-borttagen', 'accepted', '2025-02-01T10:00:00Z', staff);
  await response('s-2025', 't-enhet-b1', 'accepted', '2025-02-01T10:00:00Z', { ...staff, count: 3 });
  await response('s-2025', 't-enhet-m1', 'accepted', '2025-02-01T10:00:00Z', staff);
  await response('s-2025', 't-enhet-a1', 'submitted', null, staff);
  await response('s-2025', 't-enhet-a1', 'declined', null, staff);
  await response('s-2025', 't-enhet-a1', 'accepted', '2025-02-01T10:00:00Z', { ...staff, deleted: true });
  // 2023: one from each of two förvaltningar. The total (2) is withheld, so two rows would each be exactly 1.
  await response('s-2025', 't-enhet-a1', 'accepted', '2023-05-01T10:00:00Z', staff);
  await response('s-2025', 't-enhet-b1', 'accepted', '2023-05-01T10:00:00Z', staff);
  await brief({
    slug: 's-2026',
    kind: 'staff_development',
    by: 't-larosate-2',
    publishedAt: '2026-03-01T10:00:00Z',
  });
  await response('s-2026', 't-enhet-a1', 'accepted', '2026-03-10T10:00:00Z', { ...staff, count: 2 });
  await brief({
    slug: 's-nyar',
    kind: 'staff_development',
    by: 't-larosate-1',
    publishedAt: '2025-12-31T23:30:00Z',
    demo: true,
  });
  await brief({
    slug: 's-intern',
    kind: 'staff_development',
    by: 't-larosate-1',
    publishedAt: '2025-04-01T10:00:00Z',
    internal: true,
  });
  await response('s-intern', 't-enhet-a1', 'accepted', '2025-04-02T10:00:00Z', { ...staff, count: 5 });
  await brief({ slug: 's-opublicerad', kind: 'staff_development', by: 't-larosate-1', publishedAt: null });
});

afterAll(async () => {
  await database?.cleanup();
});

/** The figure of each year shown, 2022–2026 (null: withheld). */
async function yearly(slug: string) {
  const figures = await loadIndicatorFigures(deps(), slug);
  return Object.fromEntries(figures.years.map((year) => [year.year, year.value]));
}

/** One year's breakdown as { group's slug (or "none"): value, or "withheld" }. */
async function split(slug: string, year: number, breakdown: Breakdown) {
  const definition = findIndicatorDefinition(slug)!;
  const result = await loadBreakdowns(deps(), definition, year);
  const rows = result.find((entry) => entry.breakdown === breakdown)!.rows;
  return Object.fromEntries(rows.map((row) => [row.slug ?? 'none', row.withheld ? 'withheld' : row.value]));
}

async function counted(slug: string, year: number) {
  const records = await loadCountedRecords(deps(), findIndicatorDefinition(slug)!, year);
  return records.map((record) => `${record.title}:${record.value}`).sort();
}

describe('Pågående forsknings- och ULF-projekt', () => {
  it('counts a project in every year it runs, one without an end date up to this year, not deleted, internal, other kinds or future ones', async () => {
    expect(await yearly('forsknings-och-ulf-projekt')).toEqual({
      2022: 0,
      2023: 0,
      2024: 1,
      2025: 2,
      2026: 2,
    });
    expect(await counted('forsknings-och-ulf-projekt', 2026)).toEqual(['p-till-2028:1', 'p-utan-slut:1']);
  });

  it('counts a project with two institutions once under each, and a department under its university', async () => {
    expect(await split('forsknings-och-ulf-projekt', 2025, 'institution')).toEqual({
      't-larosate-1': 2,
      't-larosate-2': 1,
    });
  });

  it('groups by förvaltning, a deleted unit with the förvaltning above it, a unit under none as none', async () => {
    expect(await split('forsknings-och-ulf-projekt', 2025, 'administration')).toEqual({
      't-forv-a': 1,
      none: 1,
    });
    expect(await split('forsknings-och-ulf-projekt', 2026, 'administration')).toEqual({
      't-forv-a': 1,
      none: 1,
    });
  });

  it('groups by agreement, never under an internal one', async () => {
    expect(await split('forsknings-och-ulf-projekt', 2025, 'agreement')).toEqual({ 't-avtal-1': 1, none: 1 });
  });
});

describe('Resultat som används i verksamheten', () => {
  it('counts research, ULF and thesis projects in the year their results were first used, up to today', async () => {
    expect(await yearly('resultat-som-anvands')).toEqual({ 2022: 0, 2023: 0, 2024: 0, 2025: 1, 2026: 0 });
    expect(await counted('resultat-som-anvands', 2025)).toEqual(['p-tva-ar:1']);
  });
});

describe('Aktiviteter med näringslivet och akademin', () => {
  it('counts activities with a company or näringslivssektionen and an institution, each year they run', async () => {
    expect(await yearly('aktiviteter-naringsliv-och-akademi')).toEqual({
      2022: 0,
      2023: 0,
      2024: 0,
      2025: 3,
      2026: 1,
    });
    expect(await counted('aktiviteter-naringsliv-och-akademi', 2025)).toEqual([
      'b-1:1',
      'b-2:1',
      'b-sektionen:1',
    ]);
    expect(await split('aktiviteter-naringsliv-och-akademi', 2025, 'institution')).toEqual({
      't-larosate-1': 2,
      't-larosate-2': 1,
    });
  });
});

describe('Företag i samverkan med akademin', () => {
  it('counts a company once a year however many activities, never a deleted company', async () => {
    expect(await yearly('foretag-i-samverkan')).toEqual({ 2022: 0, 2023: 0, 2024: 0, 2025: 2, 2026: 2 });
    expect(await counted('foretag-i-samverkan', 2025)).toEqual(['t-foretag-1:1', 't-foretag-2:1']);
    expect(await split('foretag-i-samverkan', 2025, 'institution')).toEqual({
      't-larosate-1': 1,
      't-larosate-2': 2,
    });
  });
});

describe('Genomförda praktikperioder and placerade studenter', () => {
  it('count completed requests by the year of the term, not other statuses, deleted ones or future terms', async () => {
    expect(await yearly('genomforda-praktikperioder')).toEqual({
      2022: 0,
      2023: 0,
      2024: 0,
      2025: 2,
      2026: 2,
    });
    expect(await yearly('placerade-studenter')).toEqual({ 2022: 0, 2023: 0, 2024: 0, 2025: 5, 2026: 6 });
  });

  it('split by the unit’s förvaltning (none without one) and the requesting university', async () => {
    expect(await split('genomforda-praktikperioder', 2025, 'institution')).toEqual({
      't-larosate-1': 1,
      't-larosate-2': 1,
    });
    expect(await split('genomforda-praktikperioder', 2026, 'administration')).toEqual({
      't-forv-a': 1,
      none: 1,
    });
    expect(await split('placerade-studenter', 2026, 'administration')).toEqual({ 't-forv-a': 5, none: 1 });
  });
});

describe('Frågor från behovsbanken som tagits upp', () => {
  it('counts a question once, in the Stockholm year its first answer was accepted, up to today', async () => {
    expect(await yearly('forskningsfragor-som-tagits-upp')).toEqual({
      2022: 0,
      2023: 0,
      2024: 0,
      2025: 1,
      2026: 1,
    });
    expect(await counted('forskningsfragor-som-tagits-upp', 2026)).toEqual(['q-nyar:1']);
    expect(await split('forskningsfragor-som-tagits-upp', 2026, 'institution')).toEqual({
      't-larosate-1': 1,
      't-larosate-2': 1,
    });
    expect(await split('forskningsfragor-som-tagits-upp', 2025, 'administration')).toEqual({ none: 1 });
  });
});

describe('Medarbetares platser i kompetensutveckling', () => {
  it('counts accepted staff sign-ups to public offers and withholds a year of 1–2', async () => {
    const figures = await loadIndicatorFigures(deps(), 'medarbetare-i-kompetensutveckling');
    const byYear = Object.fromEntries(figures.years.map((year) => [year.year, year]));
    expect(byYear[2025]).toMatchObject({ value: 9, withheld: false });
    expect(byYear[2026]).toMatchObject({ value: null, withheld: true });
    expect(byYear[2024]).toMatchObject({ value: 0, withheld: false });
  });

  it('shows no breakdown rows under a withheld total, where each row could be worked out (1 + 1 = 2)', async () => {
    const definition = findIndicatorDefinition('medarbetare-i-kompetensutveckling')!;
    const byYear = Object.fromEntries(
      (await loadIndicatorFigures(deps(), definition.slug)).years.map((y) => [y.year, y]),
    );
    expect(byYear[2023]).toMatchObject({ value: null, withheld: true });
    const breakdowns = await loadBreakdowns(deps(), definition, 2023);
    expect(
      breakdowns.map((breakdown) => [breakdown.breakdown, breakdown.rows.length, breakdown.withheld]),
    ).toEqual([
      ['administration', 0, true],
      // Both at one lärosäte: its one row says no more than the total does, so it stays.
      ['institution', 1, false],
    ]);
  });

  it('withholds a small cell and, with the total shown, the next smallest one too', async () => {
    expect(await split('medarbetare-i-kompetensutveckling', 2025, 'administration')).toEqual({
      't-forv-a': 5,
      't-forv-b': 'withheld',
      none: 'withheld',
    });
    expect(await split('medarbetare-i-kompetensutveckling', 2025, 'institution')).toEqual({
      't-larosate-1': 9,
    });
    const records = await loadCountedRecords(
      deps(),
      findIndicatorDefinition('medarbetare-i-kompetensutveckling')!,
      2026,
    );
    expect(records.map((record) => [record.title, record.withheld])).toEqual([['s-2026', true]]);
  });
});

describe('Kompetensutveckling som lärosätena erbjuder', () => {
  it('counts published public offers by the Stockholm year of publishing; demo only when all are demo', async () => {
    const figures = await loadIndicatorFigures(deps(), 'kompetensutvecklingsinsatser');
    const byYear = Object.fromEntries(figures.years.map((year) => [year.year, year]));
    expect(byYear[2025]).toMatchObject({ value: 1, demo: true });
    expect(byYear[2026]).toMatchObject({ value: 2, demo: false });
    expect(await counted('kompetensutvecklingsinsatser', 2026)).toEqual(['s-2026:1', 's-nyar:1']);
  });
});

describe('Stockholm years', () => {
  it('are the same whatever time zone the database session has', async () => {
    // The server's default time zone is the machine's: a UTC session puts 23:30 UTC on New Year's Eve in
    // the old year unless the query converts to Stockholm time itself.
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`set local timezone = 'UTC'`);
        const inUtc = { db: tx as unknown as typeof database.db, clock: deps().clock };
        const questions = await loadIndicatorFigures(inUtc, 'forskningsfragor-som-tagits-upp');
        expect(questions.years.map((year) => year.value)).toEqual([0, 0, 0, 1, 1]);
        const offers = await loadIndicatorFigures(inUtc, 'kompetensutvecklingsinsatser');
        expect(offers.years.map((year) => year.value)).toEqual([0, 0, 0, 1, 2]);
        throw new Error('rollback');
      })
      .catch((error: Error) => {
        if (error.message !== 'rollback') throw error;
      });
  });
});

describe('the dashboard', () => {
  it('says there is nothing yet (hasData false, zeros, not demo) before anything is recorded', () => {
    const all = beforeAnything.flatMap((goal) => goal.indicators);
    expect(all).toHaveLength(11);
    for (const figure of all) {
      expect(figure.hasData).toBe(false);
      expect(figure.years.every((year) => !year.demo)).toBe(true);
    }
  });

  it('has data for every computed indicator once the register has it, with the same figures', async () => {
    const figures = (await loadGoalFigures(deps())).flatMap((goal) => goal.indicators);
    const computed = figures.filter((figure) => figure.definition.kind === 'computed');
    expect(computed).toHaveLength(9);
    expect(computed.every((figure) => figure.hasData)).toBe(true);
    const research = figures.find((figure) => figure.definition.slug === 'forsknings-och-ulf-projekt')!;
    expect(research.years.map((year) => year.value)).toEqual([0, 0, 1, 2, 2]);
    // The dashboard counts all of them in one statement; each must match its own page's figures.
    for (const figure of computed)
      expect(figure.years).toEqual((await loadIndicatorFigures(deps(), figure.definition.slug)).years);
  });
});
