import type { TestDatabase } from '../tests/database.ts';
import { createPerson, sessionCookieFor } from '../tests/people.ts';
import { E2E_NOW } from './app-server.ts';
import type { CrawlTarget } from './routes.ts';

/**
 * Placement capacity (src/features/placements/placement-offers.*) in each state: the capacity list
 * (default term, filtered, empty, a second page, bad filters), an offer's page (after saving, as a
 * placement coordinator), the forms for a new offer and a change with their errors (bad input, fewer places
 * than confirmed, a save from an old version), the delete page and its refusal, the history, and "copy
 * last term" with its result and its errors. The offers are written straight to the database; only the
 * copy saves (new offers in a term of their own, so every later visit shows them as copied already).
 */
export async function placementOfferTargets(
  database: TestDatabase,
  people: { admin: string; member: string },
): Promise<CrawlTarget[]> {
  const { pool } = database;
  const idOf = async (slug: string) => {
    const result = await pool.query<{ id: number }>('select id from organisations where slug = $1', [slug]);
    const id = result.rows[0]?.id;
    if (id === undefined) throw new Error(`organisation ${slug}`);
    return id;
  };
  const school = await idOf('ekdalsskolan');
  const gymnasium = await idOf('flemingsbergs-gymnasium');
  const coordinatorId = await createPerson(database.db, {
    name: 'Pia Praktiksamordnare',
    email: 'pia@example.se',
    roles: { 'sodertorns-hogskola': 'placement_coordinator' },
  });
  const placementCoordinator = await sessionCookieFor(database.db, coordinatorId, new Date(E2E_NOW));
  const offer = async (values: {
    unit: number;
    term: string;
    kind?: string;
    programme: string;
    places: number;
    confirmed?: number;
    startsOn?: string;
    endsOn?: string;
    area?: string;
  }) => {
    const snapshot = {
      organisationId: values.unit,
      term: values.term,
      kind: values.kind ?? 'vfu_teacher',
      programme: values.programme,
      studyLevel: 'termin 5',
      places: values.places,
      supervisors: 2,
      startsOn: values.startsOn ?? null,
      endsOn: values.endsOn ?? null,
      address: 'Skolvägen 1, 141 00 Huddinge',
      area: values.area ?? 'Flemingsberg',
      prerequisites: 'Utdrag ur belastningsregistret',
      description: 'Studenterna följer en lärare i årskurs 2 under hela perioden.',
    };
    const result = await pool.query<{ id: number }>(
      `insert into placement_offers (organisation_id, term, kind, programme, study_level, places, confirmed_places,
                                     supervisors, starts_on, ends_on, address, area, prerequisites, description)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning id`,
      [
        snapshot.organisationId,
        snapshot.term,
        snapshot.kind,
        snapshot.programme,
        snapshot.studyLevel,
        snapshot.places,
        values.confirmed ?? 0,
        snapshot.supervisors,
        snapshot.startsOn,
        snapshot.endsOn,
        snapshot.address,
        snapshot.area,
        snapshot.prerequisites,
        snapshot.description,
      ],
    );
    const id = result.rows[0]?.id as number;
    await pool.query(
      `insert into record_history (record_type, record_id, version, action, changes, snapshot)
       values ('placement_offer', $1, 1, 'created', '{}', $2)`,
      [id, JSON.stringify(snapshot)],
    );
    return { id, form: formOf(snapshot) };
  };
  const open = await offer({
    unit: school,
    term: 'VT2027',
    programme: 'Grundlärarprogrammet med inriktning mot förskoleklass och årskurs 1–3',
    places: 4,
    startsOn: '2027-01-25',
    endsOn: '2027-03-19',
  });
  const booked = await offer({
    unit: gymnasium,
    term: 'VT2027',
    kind: 'apl',
    programme: 'Vård- och omsorgsprogrammet',
    places: 3,
    confirmed: 2,
    area: 'Visättra',
  });
  await pool.query(
    `insert into placement_offers (organisation_id, term, kind, programme, places)
     select $1, 'HT2035', 'vfu_care', 'Sjuksköterskeprogrammet, grupp ' || n, 2 from generate_series(1, 60) n`,
    [school],
  );
  const asAdmin = (target: Omit<CrawlTarget, 'cookie'>): CrawlTarget => ({ ...target, cookie: people.admin });
  const list = '/praktik/platser';
  return [
    asAdmin({ name: 'capacity list', url: list, status: 200 }),
    asAdmin({
      name: 'capacity list, filtered',
      url: `${list}?termin=VT2027&typ=vfu&program=gr%C3%A4ns&omrade=Flemingsberg&fran=2027-01-01&till=2027-06-30&lediga=1`,
      status: 200,
    }),
    asAdmin({ name: 'capacity list, free places', url: `${list}?termin=VT2027&lediga=1`, status: 200 }),
    asAdmin({ name: 'capacity list, second page', url: `${list}?termin=HT2035&sida=2`, status: 200 }),
    asAdmin({
      name: 'capacity list, bad filters',
      url: `${list}?termin=XT2027&fran=2027-02-30&till=x`,
      status: 422,
    }),
    {
      name: 'capacity list, as a placement coordinator',
      url: `${list}?termin=HT2035`,
      status: 200,
      cookie: placementCoordinator,
    },
    { name: 'capacity list refused to a member', url: list, status: 403, cookie: people.member },
    asAdmin({ name: 'offer, just created', url: `${list}/${open.id}?klart=ny`, status: 200 }),
    asAdmin({ name: 'offer with confirmed places', url: `${list}/${booked.id}`, status: 200 }),
    {
      name: 'offer, as a placement coordinator',
      url: `${list}/${open.id}`,
      status: 200,
      cookie: placementCoordinator,
    },
    asAdmin({ name: 'offer, new', url: `${list}/ny`, status: 200 }),
    asAdmin({ name: 'offer, new for a unit', url: `${list}/ny?enhet=${school}`, status: 200 }),
    asAdmin({
      name: 'offer, new with errors',
      url: `${list}/ny`,
      status: 422,
      form: {
        action: `${list}/ny`,
        fields: {
          ...open.form,
          organisationId: '',
          term: 'VT27',
          kind: '',
          programme: '',
          places: 'fyra',
          supervisors: '-1',
          startsOn: '2027-13-01',
          endsOn: '2026-01-01',
        },
      },
    }),
    asAdmin({ name: 'offer, edit', url: `${list}/${open.id}/andra`, status: 200 }),
    asAdmin({
      name: 'offer, edit with dates outside the term',
      url: `${list}/${open.id}/andra`,
      status: 422,
      form: {
        action: `${list}/${open.id}/andra`,
        fields: { ...open.form, startsOn: '2027-10-01', endsOn: '2027-09-01', version: '1' },
      },
    }),
    asAdmin({
      name: 'offer, fewer places than confirmed',
      url: `${list}/${booked.id}/andra`,
      status: 422,
      form: { action: `${list}/${booked.id}/andra`, fields: { ...booked.form, places: '1', version: '1' } },
    }),
    asAdmin({
      name: 'offer, saved by someone else meanwhile',
      url: `${list}/${open.id}/andra`,
      status: 409,
      form: { action: `${list}/${open.id}/andra`, fields: { ...open.form, version: '999' } },
    }),
    asAdmin({ name: 'offer, delete', url: `${list}/${open.id}/ta-bort`, status: 200 }),
    asAdmin({
      name: 'offer, delete refused',
      url: `${list}/${booked.id}/ta-bort`,
      status: 409,
      form: { action: `${list}/${booked.id}/ta-bort`, fields: { version: '1' } },
    }),
    asAdmin({ name: 'offer, history', url: `${list}/${open.id}/historik`, status: 200 }),
    asAdmin({
      name: 'offer, history after a restore',
      url: `${list}/${open.id}/historik?klart=aterstalld`,
      status: 200,
    }),
    asAdmin({ name: 'copy offers', url: `${list}/kopiera`, status: 200 }),
    asAdmin({
      name: 'copy offers, copied',
      url: `${list}/kopiera`,
      status: 200,
      form: { action: `${list}/kopiera`, fields: { organisationId: '', from: 'HT2035', to: 'VT2036' } },
    }),
    asAdmin({
      name: 'copy offers, nothing to copy',
      url: `${list}/kopiera`,
      status: 200,
      form: {
        action: `${list}/kopiera`,
        fields: { organisationId: String(school), from: 'VT2041', to: 'HT2041' },
      },
    }),
    asAdmin({
      name: 'copy offers, with errors',
      url: `${list}/kopiera`,
      status: 422,
      form: { action: `${list}/kopiera`, fields: { organisationId: '', from: 'sommar', to: '' } },
    }),
    asAdmin({
      name: 'copy offers, to an earlier term',
      url: `${list}/kopiera`,
      status: 422,
      form: { action: `${list}/kopiera`, fields: { organisationId: '', from: 'VT2027', to: 'HT2026' } },
    }),
  ];
}

/** An offer's form as its edit page sends it. */
function formOf(values: Record<string, string | number | null>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([field, value]) => [field, value === null ? '' : String(value)]),
  );
}
