import pg from 'pg';
import { FIRST_NAMES, LAST_NAMES } from '../seeds/demo-data.ts';

/**
 * Generated volume on top of the seed, for the benchmark: a municipality that has used the register for
 * years. Plain SQL through `pg` (batched `unnest` inserts and `generate_series`). Every generated row is
 * `is_demo = true` (tables without that column hang off demo rows or are page feedback).
 *
 * Shape, chosen to be realistic rather than worst-case: most agreements are placement (VFU/VIL) and
 * research agreements; only a handful are collaboration or ULF agreements (those are listed in full on
 * the start page); a fifth of the groups are working groups (also listed in full on the start page and
 * on /avtal). About a third of the activities use the word "forskning", so /sok?q=forskning ranks
 * thousands of hits.
 */
export type DatasetSize = {
  administrations: number;
  units: number;
  agreements: number;
  groups: number;
  activities: number;
  feedback: number;
};

export const DEFAULT_SIZE: DatasetSize = {
  administrations: 20,
  units: 1980,
  agreements: 500,
  groups: 300,
  activities: 20_000,
  feedback: 50_000,
};

export type DatasetCounts = Record<string, number>;

/** Deterministic PRNG (mulberry32), so every run benchmarks the same data. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const chance = (p: number) => next() < p;
  const some = <T>(list: readonly T[], min: number, max: number): T[] => {
    const count = Math.min(list.length, min + int(max - min + 1));
    const chosen = new Set<T>();
    while (chosen.size < count) chosen.add(pick(list));
    return [...chosen];
  };
  return { next, int, pick, chance, some };
}

const ADMINISTRATION_STEMS = [
  'Förskole',
  'Grundskole',
  'Äldreomsorgs',
  'Funktionsstöds',
  'Miljö- och hälsoskydds',
  'Stadsbyggnads',
  'Fastighets',
  'Kultur',
  'Fritids',
  'Arbetsmarknads',
  'Individ- och familjeomsorgs',
  'Digitaliserings',
  'Ekonomi',
  'Personal',
  'Kommunikations',
  'Teknik',
  'Bibliotek',
  'Trafik',
  'Bygglovs',
  'Integrations',
  'Vuxenutbildnings',
  'Elevhälso',
];

const PLACES = [
  'Flemingsberg',
  'Segeltorp',
  'Skogås',
  'Trångsund',
  'Stuvsta',
  'Snättringe',
  'Vårby',
  'Sjödalen',
  'Fullersta',
  'Glömsta',
  'Vista',
  'Balingsnäs',
  'Länna',
  'Visättra',
  'Källbrink',
  'Myrängen',
  'Kungens kurva',
  'Storängen',
  'Solfagra',
  'Lissma',
];

const UNIT_KINDS = [
  ['förskola', 'Förskola som tar emot barn från ett till fem år.'],
  ['skolan', 'Grundskola som tar emot lärarstudenter för verksamhetsförlagd utbildning.'],
  ['gymnasium', 'Gymnasieskola med högskoleförberedande program och yrkesprogram.'],
  ['vård- och omsorgsboende', 'Boende för äldre med behov av vård och omsorg dygnet runt.'],
  ['hemtjänst', 'Hemtjänst som ger stöd i hemmet till äldre och personer med funktionsnedsättning.'],
  ['bibliotek', 'Folkbibliotek med läsfrämjande arbete för barn och unga.'],
  ['fritidsgård', 'Mötesplats för unga på kvällar och lov.'],
  ['LSS-boende', 'Bostad med särskild service enligt LSS.'],
  ['socialkontor', 'Socialtjänstens mottagning för barn, unga och familjer.'],
  ['vårdcentral', 'Kommunens samarbetspart i nära vård.'],
] as const;

const TOPICS = [
  'digital läsförståelse',
  'språkutveckling i förskolan',
  'matematikundervisning',
  'formativ bedömning',
  'elevhälsans arbete',
  'skolnärvaro',
  'nyanlända elevers lärande',
  'kunskapsbaserad äldreomsorg',
  'kontinuitet i hemtjänsten',
  'demensvård',
  'fallprevention',
  'psykisk hälsa bland unga',
  'våld i nära relationer',
  'ekonomiskt bistånd',
  'arbetsmarknadsinsatser',
  'hållbar stadsplanering',
  'klimatanpassning',
  'dagvattenhantering',
  'trygghet i offentliga miljöer',
  'cirkulär ekonomi',
  'digitala kontaktvägar',
  'tillitsbaserad styrning',
  'kompetensförsörjning inom vården',
  'rekrytering av lärare',
  'handledning av studenter',
  'lärande i arbetslivet',
  'integration och etablering',
  'folkhälsa och fysisk aktivitet',
  'läsfrämjande insatser',
  'innovation i offentlig sektor',
  'artificiell intelligens i handläggning',
  'vårdens digitalisering',
  'medborgardialog',
  'energieffektivisering i skolbyggnader',
  'barns delaktighet',
];

const ACTIVITY_PREFIX: Record<string, readonly string[]> = {
  research_project: ['Forskningsprojekt om', 'Studie av', 'Följeforskning kring', 'Utvärdering av'],
  ulf_project: ['ULF-projekt:', 'Praktiknära forskning om', 'Samverkansprojekt om'],
  placement_period: ['VFU-period:', 'Verksamhetsintegrerat lärande i', 'Praktikperiod inom'],
  thesis_project: ['Examensarbete:', 'Masteruppsats om', 'Kandidatuppsats om'],
  course: ['Kurs i', 'Uppdragsutbildning om', 'Fortbildning i'],
  event: ['Seminarium om', 'Frukostmöte:', 'Konferens om', 'Workshop om'],
};

const SENTENCES = [
  'Projektet bygger på forskning och beprövad erfarenhet från kommunens verksamheter.',
  'Forskare och medarbetare arbetar tillsammans med frågor som verksamheten själv har formulerat.',
  'Resultaten sprids till förvaltningarna genom seminarier och en gemensam rapport.',
  'Studenter gör sin praktik i verksamheten och får handledning av erfarna medarbetare.',
  'Arbetet följs upp varje termin i den gemensamma arbetsgruppen.',
  'Syftet är att stärka kompetensförsörjningen och göra kommunen till en attraktiv arbetsgivare.',
  'Invånarnas perspektiv tas tillvara genom intervjuer och medborgardialog.',
  'Projektet finansieras delvis av Vetenskapsrådet och delvis av kommunen.',
  'Samarbetet med högskolan ger medarbetarna tid för kunskapsutveckling och reflektion.',
  'Förskollärare, lärare och rektorer deltar i gemensamma lärgrupper.',
  'Sjuksköterskor och undersköterskor prövar nya arbetssätt i omsorgen.',
  'Socialsekreterare och forskare analyserar tillsammans hur insatserna påverkar barn och familjer.',
  'Kunskapen används i planeringen av nya bostadsområden i Flemingsberg.',
  'Aktiviteten är öppen för alla medarbetare i förvaltningen.',
  'Det finns ett nära samarbete med Region Stockholm och näringslivet i Flemingsberg.',
];

const FEEDBACK_PATHS = [
  '/',
  '/larosaten',
  '/avtal',
  '/mal',
  '/ulf',
  '/hogskoleradet',
  '/flemingsberg-science',
  '/tillganglighet',
];
const FEEDBACK_COMMENTS = [
  'Bra översikt, tack!',
  'Saknar kontaktuppgifter till arbetsgruppen.',
  'Svårt att hitta avtalet jag letade efter.',
  'Skulle vilja se fler exempel på projekt.',
  'Texten var lätt att förstå.',
];

function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function isoDate(year: number, dayOfYear: number): string {
  return new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

async function insertRows(
  client: pg.Client,
  table: string,
  columns: readonly (readonly [name: string, type: string])[],
  rows: unknown[][],
  returning?: string,
): Promise<number[]> {
  const ids: number[] = [];
  const batch = 2_000;
  for (let start = 0; start < rows.length; start += batch) {
    const chunk = rows.slice(start, start + batch);
    const arrays = columns.map((_, index) => chunk.map((row) => row[index]));
    const sql = `insert into ${table} (${columns.map(([name]) => name).join(', ')})
      select * from unnest(${columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ')})
      ${returning ? `returning ${returning}` : ''}`;
    const result = await client.query(sql, arrays);
    if (returning)
      for (const row of result.rows as Record<string, number>[]) ids.push(Object.values(row)[0] as number);
  }
  return ids;
}

/** Adds the volume to an app database that has been migrated and seeded. Returns the row counts. */
export async function generateDataset(url: string, size: DatasetSize = DEFAULT_SIZE): Promise<DatasetCounts> {
  const random = prng(20_260_101);
  const client = new pg.Client({ connectionString: url });
  // A lost connection (the run was interrupted and the server stopped) fails the running query instead.
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('begin');
    const ids = async (table: string, where = 'true') =>
      (
        await client.query<{ id: number; slug: string }>(
          `select id, slug from ${table} where ${where} order by id`,
        )
      ).rows;

    const municipality = (await ids('organisations', "kind = 'municipality'"))[0];
    if (!municipality) throw new Error('the seed has no municipality');
    const universities = (await ids('organisations', "kind = 'university'")).map((row) => row.id);
    const focusAreaIds = (await ids('focus_areas')).map((row) => row.id);
    const goalIds = (await ids('goals')).map((row) => row.id);

    // Organisations: administrations under the municipality, units under the administrations.
    const administrationRows = Array.from({ length: size.administrations }, (_, index) => {
      const name = `${ADMINISTRATION_STEMS[index % ADMINISTRATION_STEMS.length]}förvaltningen${index >= ADMINISTRATION_STEMS.length ? ` ${Math.floor(index / ADMINISTRATION_STEMS.length) + 1}` : ''}`;
      return [`bench-${slugify(name)}-${index}`, name, 'administration', municipality.id, '', true];
    });
    const orgColumns = [
      ['slug', 'text'],
      ['name', 'text'],
      ['kind', 'organisation_kind'],
      ['parent_id', 'int'],
      ['description', 'text'],
      ['is_demo', 'bool'],
    ] as const;
    const administrations = await insertRows(client, 'organisations', orgColumns, administrationRows, 'id');
    const unitRows = Array.from({ length: size.units }, (_, index) => {
      const [kind, description] = random.pick(UNIT_KINDS);
      const name = `${random.pick(PLACES)}s ${kind} ${index + 1}`;
      return [
        `bench-enhet-${index + 1}`,
        capitalise(name),
        'unit',
        random.pick(administrations),
        description,
        true,
      ];
    });
    const units = await insertRows(client, 'organisations', orgColumns, unitRows, 'id');
    const municipal = [...administrations, ...units];

    // Agreements: mostly placement and research; a few collaboration and ULF agreements.
    const agreementKind = (index: number) => {
      if (index < size.agreements * 0.03) return 'collaboration';
      if (index < size.agreements * 0.05) return 'ulf';
      return random.chance(0.72) ? 'placement' : 'research';
    };
    const agreementTitle: Record<string, string> = {
      collaboration: 'Samverkansavtal om',
      ulf: 'ULF-avtal om',
      placement: 'VFU-avtal för',
      research: 'Forskningsavtal om',
    };
    const agreementRows = Array.from({ length: size.agreements }, (_, index) => {
      const kind = agreementKind(index);
      const year = 2015 + random.int(12);
      const from = isoDate(year, random.int(360));
      const to = isoDate(year + 2 + random.int(4), random.int(360));
      const topic = random.pick(TOPICS);
      return [
        `bench-avtal-${index + 1}`,
        `${agreementTitle[kind]} ${topic} ${index + 1}`,
        kind,
        `KS-${year}/${String(random.int(9999)).padStart(4, '0')}`,
        from,
        from,
        to,
        `${capitalise(topic)}. ${random.some(SENTENCES, 2, 3).join(' ')}`,
        random.chance(0.05) ? 'internal' : 'public',
        true,
      ];
    });
    const agreements = await insertRows(
      client,
      'agreements',
      [
        ['slug', 'text'],
        ['title', 'text'],
        ['kind', 'agreement_kind'],
        ['diarienummer', 'text'],
        ['signed_on', 'date'],
        ['valid_from', 'date'],
        ['valid_to', 'date'],
        ['description', 'text'],
        ['visibility', 'visibility'],
        ['is_demo', 'bool'],
      ],
      agreementRows,
      'id',
    );
    const partyRows: unknown[][] = [];
    const agreementAreaRows: unknown[][] = [];
    for (const agreementId of agreements) {
      const parties = new Set([random.pick(universities), ...random.some(municipal, 1, 3)]);
      for (const organisationId of parties) partyRows.push([agreementId, organisationId]);
      if (focusAreaIds.length > 0) {
        for (const areaId of random.some(focusAreaIds, 0, 2)) agreementAreaRows.push([agreementId, areaId]);
      }
    }
    await insertRows(
      client,
      'agreement_parties',
      [
        ['agreement_id', 'int'],
        ['organisation_id', 'int'],
      ],
      partyRows,
    );
    await insertRows(
      client,
      'agreement_focus_areas',
      [
        ['agreement_id', 'int'],
        ['focus_area_id', 'int'],
      ],
      agreementAreaRows,
    );

    // Groups with members: a fifth are working groups.
    const groupKinds = ['working_group', 'network', 'network', 'council', 'board'] as const;
    const groupRows = Array.from({ length: size.groups }, (_, index) => {
      const kind = groupKinds[index % groupKinds.length] as string;
      const topic = random.pick(TOPICS);
      const label = {
        working_group: 'Arbetsgrupp för',
        network: 'Nätverk för',
        council: 'Råd för',
        board: 'Styrgrupp för',
      }[kind];
      return [
        `bench-grupp-${index + 1}`,
        `${label} ${topic} ${index + 1}`,
        kind,
        random.chance(0.5) ? random.pick(agreements) : null,
        random.pick(municipal),
        `${capitalise(topic)}. ${random.some(SENTENCES, 1, 2).join(' ')}`,
        true,
      ];
    });
    const groups = await insertRows(
      client,
      'groups',
      [
        ['slug', 'text'],
        ['name', 'text'],
        ['kind', 'group_kind'],
        ['agreement_id', 'int'],
        ['organisation_id', 'int'],
        ['description', 'text'],
        ['is_demo', 'bool'],
      ],
      groupRows,
      'id',
    );
    const memberRows: unknown[][] = [];
    for (const groupId of groups) {
      const seats = 3 + random.int(10);
      for (let position = 0; position < seats; position += 1) {
        const role =
          position === 0
            ? 'chair'
            : position === 1
              ? 'secretary'
              : random.chance(0.1)
                ? 'co_opted'
                : 'member';
        const organisationId = random.chance(0.3) ? random.pick(universities) : random.pick(municipal);
        const person = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)} ${position + 1}`;
        memberRows.push([groupId, organisationId, role, null, person, position, true]);
      }
    }
    await insertRows(
      client,
      'group_members',
      [
        ['group_id', 'int'],
        ['organisation_id', 'int'],
        ['role', 'member_role'],
        ['seat_description', 'text'],
        ['person_name', 'text'],
        ['position', 'int'],
        ['is_demo', 'bool'],
      ],
      memberRows,
    );

    // Activities with Swedish titles and descriptions; a third say "forskning".
    const activityKinds = Object.keys(ACTIVITY_PREFIX);
    const activityRows = Array.from({ length: size.activities }, (_, index) => {
      const kind = random.pick(activityKinds);
      const topic = random.pick(TOPICS);
      const place = random.pick(PLACES);
      const year = 2016 + random.int(12);
      const starts = isoDate(year, random.int(360));
      const ends = isoDate(year + random.int(3), random.int(360));
      const sentences = random.some(SENTENCES, 2, 4);
      if (random.chance(0.2))
        sentences.push(`Arbetet knyter an till aktuell forskning om ${random.pick(TOPICS)}.`);
      return [
        `bench-aktivitet-${index + 1}`,
        `${random.pick(ACTIVITY_PREFIX[kind] ?? [''])} ${topic} i ${place}`,
        kind,
        `${capitalise(topic)} i ${place}. ${sentences.join(' ')}`,
        starts,
        [starts, ends].sort()[1],
        random.chance(0.4) ? random.pick(agreements) : null,
        true,
      ];
    });
    const activities = await insertRows(
      client,
      'activities',
      [
        ['slug', 'text'],
        ['title', 'text'],
        ['kind', 'activity_kind'],
        ['description', 'text'],
        ['starts_on', 'date'],
        ['ends_on', 'date'],
        ['agreement_id', 'int'],
        ['is_demo', 'bool'],
      ],
      activityRows,
      'id',
    );
    const activityOrgRows: unknown[][] = [];
    const activityGoalRows: unknown[][] = [];
    const activityAreaRows: unknown[][] = [];
    for (const activityId of activities) {
      for (const organisationId of new Set([random.pick(universities), ...random.some(municipal, 1, 2)])) {
        activityOrgRows.push([activityId, organisationId]);
      }
      if (goalIds.length > 0)
        for (const goalId of random.some(goalIds, 0, 2)) activityGoalRows.push([activityId, goalId]);
      if (focusAreaIds.length > 0 && random.chance(0.5))
        activityAreaRows.push([activityId, random.pick(focusAreaIds)]);
    }
    const pair = (a: string, b: string) =>
      [
        [a, 'int'],
        [b, 'int'],
      ] as const;
    await insertRows(
      client,
      'activity_organisations',
      pair('activity_id', 'organisation_id'),
      activityOrgRows,
    );
    await insertRows(client, 'activity_goals', pair('activity_id', 'goal_id'), activityGoalRows);
    await insertRows(client, 'activity_focus_areas', pair('activity_id', 'focus_area_id'), activityAreaRows);

    // Page feedback: two years of answers, a fifth with a comment.
    await client.query(
      `insert into page_feedback (page_path, helpful, comment, created_at)
       select ($1::text[])[1 + (i % array_length($1::text[], 1))],
              (i * 7919) % 10 < 7,
              case when i % 5 = 0 then ($2::text[])[1 + (i % array_length($2::text[], 1))] end,
              now() - make_interval(secs => (i * 1237) % (730 * 86400))
         from generate_series(1, $3::int) as i`,
      [FEEDBACK_PATHS, FEEDBACK_COMMENTS, size.feedback],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
  try {
    // A register that has been in use for a while has statistics and a visibility map.
    await client.query('vacuum analyze');
    await client.query('checkpoint').catch(() => undefined);
    const counts: DatasetCounts = {};
    for (const table of [
      'organisations',
      'agreements',
      'agreement_parties',
      'groups',
      'group_members',
      'activities',
      'activity_organisations',
      'activity_goals',
      'page_feedback',
    ]) {
      counts[table] =
        (await client.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]?.n ?? 0;
    }
    return counts;
  } finally {
    await client.end();
  }
}
