import { eq } from 'drizzle-orm';
import type { Tx } from '../src/db/client.ts';
import { indicators, indicatorValues } from '../src/features/goals/goals.table.ts';
import type { IndicatorSlug } from '../src/features/goals/indicators/indicator-catalogue.ts';
import { seedMarks } from '../src/features/register/register.table.ts';
import { exampleAddress, namesFrom } from './demo-data.ts';
import type { SeedSet } from './seed-set.ts';

/**
 * Demo data for the goal follow-up (issue 11), labelled Exempeldata like the rest: five years of records
 * (2022–2026; the demo's today is late November 2026, as in demo-data.ts) so that every computed indicator
 * has figures in several years — research and ULF projects spanning years, some with results in use,
 * activities of näringslivssektionen with companies and an institution, staff signing up for competence
 * development, researchers taking up questions from the needs bank, placements carried out in earlier
 * terms — and targets for each indicator, and entered values with their sources for the two manual ones.
 *
 * The records are a seed set of their own (`demoGoalData`, applied and removed by apply-seed.ts with the
 * rest of the demo data); the targets and entered values are added once each here (seed_marks, kind
 * 'demo_indicator_value') and removed with demo data off. One small count is there on purpose: in 2026
 * two staff from one förvaltning signed up (demo-data.ts), which the public figures withhold.
 */

const nextName = namesFrom(2022);

type Brief = NonNullable<SeedSet['briefs']>[number];
type Response = NonNullable<SeedSet['briefResponses']>[number];
type Offer = NonNullable<SeedSet['placementOffers']>[number];
type Request = NonNullable<SeedSet['placementRequests']>[number];

/** Competence development the institutions offered, one a year, and the staff who signed up (by unit). */
const STAFF_COURSES: {
  brief: Omit<Brief, 'kind' | 'intendedUse'>;
  acceptedAt: string;
  staff: [unit: string, title: string][];
}[] = [
  {
    brief: {
      slug: 'kurs-digitala-verktyg-i-undervisningen',
      title: 'Digitala verktyg i undervisningen, 7,5 hp',
      organisation: 'sodertorns-hogskola',
      question: 'En kurs för lärare och förskollärare om digitala verktyg i undervisningen.',
      publishedAt: '2022-01-20T08:00:00Z',
    },
    acceptedAt: '2022-02-15T09:00:00Z',
    staff: [
      ['ekdalsskolan', 'Lärare i årskurs 4–6'],
      ['ekdalsskolan', 'Lärare i årskurs 7–9'],
      ['tallbackaskolan', 'Lärare i årskurs 1–3'],
      ['solbackens-forskola', 'Förskollärare'],
    ],
  },
  {
    brief: {
      slug: 'kurs-palliativ-vard',
      title: 'Palliativ vård i äldreomsorgen, 5 hp',
      organisation: 'karolinska-institutet',
      question: 'En kurs för undersköterskor och sjuksköterskor om vård i livets slutskede.',
      publishedAt: '2023-02-01T08:00:00Z',
    },
    acceptedAt: '2023-03-01T09:00:00Z',
    staff: [
      ['lindgardens-vard-och-omsorgsboende', 'Undersköterska'],
      ['lindgardens-vard-och-omsorgsboende', 'Sjuksköterska'],
      ['skogsglantans-vard-och-omsorgsboende', 'Undersköterska'],
      ['skogsglantans-vard-och-omsorgsboende', 'Undersköterska, natt'],
      ['hemtjansten-stuvsta', 'Undersköterska i hemtjänsten'],
    ],
  },
  {
    brief: {
      slug: 'kurs-motiverande-samtal',
      title: 'Motiverande samtal i socialtjänst och skola',
      organisation: 'sodertorns-hogskola',
      question: 'En kurs i motiverande samtal (MI) för socialsekreterare och elevhälsa.',
      publishedAt: '2024-01-15T08:00:00Z',
    },
    acceptedAt: '2024-02-10T09:00:00Z',
    staff: [
      ['socialtjanstens-mottagningsenhet', 'Socialsekreterare'],
      ['socialtjanstens-mottagningsenhet', 'Socialsekreterare, barn och unga'],
      ['socialtjanstens-mottagningsenhet', 'Enhetschef'],
      ['ekdalsskolan', 'Skolkurator'],
      ['tallbackaskolan', 'Specialpedagog'],
      ['bjorkangens-forskola', 'Förskollärare'],
    ],
  },
  {
    brief: {
      slug: 'kurs-handledning-apl',
      title: 'Handledning av elever på arbetsplatsförlagt lärande',
      organisation: 'kth-flemingsberg',
      question: 'En kurs för handledare av gymnasieelever på APL inom bygg och teknik.',
      publishedAt: '2025-01-20T08:00:00Z',
    },
    acceptedAt: '2025-02-20T09:00:00Z',
    staff: [
      ['flemingsbergs-gymnasium', 'Yrkeslärare, bygg'],
      ['flemingsbergs-gymnasium', 'Yrkeslärare, el'],
      ['flemingsbergs-gymnasium', 'APL-samordnare'],
      ['lindgardens-vard-och-omsorgsboende', 'Undersköterska'],
      ['skogsglantans-vard-och-omsorgsboende', 'Undersköterska'],
      ['hemtjansten-stuvsta', 'Samordnare'],
    ],
  },
];

/** Questions from the needs bank that a researcher took up, and when. */
const TAKEN_QUESTIONS: { brief: Omit<Brief, 'intendedUse'>; institution: string; acceptedAt: string }[] = [
  {
    brief: {
      slug: 'ensamhet-bland-aldre-i-hemtjansten',
      kind: 'research_question',
      title: 'Hur kan hemtjänsten minska ensamheten bland äldre?',
      organisation: 'vard-och-omsorgsforvaltningen',
      question: 'Vilka insatser i hemtjänsten minskar ofrivillig ensamhet bland äldre som bor hemma?',
      publishedAt: '2022-03-01T08:00:00Z',
    },
    institution: 'karolinska-institutet',
    acceptedAt: '2022-05-10T09:00:00Z',
  },
  {
    brief: {
      slug: 'skolval-och-elevsammansattning',
      kind: 'research_question',
      title: 'Hur påverkar skolvalet elevsammansättningen i Huddinges skolor?',
      organisation: 'barn-och-utbildningsforvaltningen',
      question: 'Hur har elevsammansättningen på kommunens skolor förändrats sedan 2015, och varför?',
      publishedAt: '2022-09-01T08:00:00Z',
    },
    institution: 'sodertorns-hogskola',
    acceptedAt: '2023-01-20T09:00:00Z',
  },
  {
    brief: {
      slug: 'energieffektiva-skollokaler',
      kind: 'research_question',
      title: 'Energieffektiva skollokaler utan sämre inomhusklimat',
      organisation: 'natur-och-byggnadsforvaltningen',
      question:
        'Hur kan energianvändningen i äldre skolbyggnader minska utan att inomhusklimatet blir sämre?',
      publishedAt: '2023-09-01T08:00:00Z',
    },
    institution: 'kth-flemingsberg',
    acceptedAt: '2024-02-01T09:00:00Z',
  },
  {
    brief: {
      slug: 'ungas-fritid-i-flemingsberg',
      kind: 'ulf_question',
      title: 'Ungas fritid i Flemingsberg: vem når fritidsgårdarna?',
      organisation: 'kultur-och-fritidsforvaltningen',
      question: 'Vilka unga besöker fritidsgårdarna i Flemingsberg, och vilka når de inte?',
      publishedAt: '2024-10-01T08:00:00Z',
    },
    institution: 'sodertorns-hogskola',
    acceptedAt: '2025-03-15T09:00:00Z',
  },
];

const BRIEFS: Brief[] = [
  ...STAFF_COURSES.map(
    ({ brief }): Brief => ({
      ...brief,
      kind: 'staff_development',
      intendedUse: 'Kompetensutveckling för kommunens medarbetare.',
      goals: ['attraktiv-arbetsgivare'],
    }),
  ),
  ...TAKEN_QUESTIONS.map(
    ({ brief }): Brief => ({
      ...brief,
      intendedUse: 'Underlag för förvaltningens utvecklingsarbete.',
      goals: ['verksamhetsutveckling-genom-forskning'],
    }),
  ),
];

function response(
  brief: string,
  key: string,
  fields: Pick<Response, 'role' | 'institution' | 'programme' | 'approach'> & { acceptedAt: string },
): Response {
  const name = nextName();
  return { key: `${brief}|${key}`, brief, name, email: exampleAddress(name), status: 'accepted', ...fields };
}

const RESPONSES: Response[] = [
  ...STAFF_COURSES.flatMap(({ brief, acceptedAt, staff }) =>
    staff.map(([unit, title], index) =>
      response(brief.slug, String(index + 1), {
        role: 'staff',
        institution: unit,
        programme: title,
        approach: 'Jag vill gå kursen för att utveckla mitt arbete.',
        acceptedAt,
      }),
    ),
  ),
  ...TAKEN_QUESTIONS.map(({ brief, institution, acceptedAt }) =>
    response(brief.slug, 'forskare', {
      role: 'researcher',
      institution,
      programme: 'Forskargrupp',
      approach: 'Intervjuer och en enkät, med återkoppling till förvaltningen.',
      acceptedAt,
    }),
  ),
];

/** Placements carried out in the terms before this one: one offer a term, requests from two institutions. */
const PLACEMENT_TERMS: [
  term: string,
  unit: string,
  kind: Offer['kind'],
  programme: string,
  from: [string, number][],
][] = [
  ['VT2022', 'ekdalsskolan', 'vfu_teacher', 'Grundlärarprogrammet F–3', [['sodertorns-hogskola', 3]]],
  [
    'HT2022',
    'lindgardens-vard-och-omsorgsboende',
    'vfu_care',
    'Sjuksköterskeprogrammet',
    [
      ['roda-korsets-hogskola', 2],
      ['karolinska-institutet', 2],
    ],
  ],
  ['VT2023', 'tallbackaskolan', 'vfu_teacher', 'Grundlärarprogrammet 4–6', [['sodertorns-hogskola', 4]]],
  [
    'HT2023',
    'skogsglantans-vard-och-omsorgsboende',
    'vfu_care',
    'Sjuksköterskeprogrammet',
    [['karolinska-institutet', 3]],
  ],
  ['VT2024', 'flemingsbergs-gymnasium', 'apl', 'Bygg- och anläggningsprogrammet', [['kth-flemingsberg', 2]]],
  ['HT2024', 'ekdalsskolan', 'vfu_teacher', 'Ämneslärarprogrammet 7–9', [['sodertorns-hogskola', 3]]],
  [
    'VT2025',
    'lindgardens-vard-och-omsorgsboende',
    'vfu_care',
    'Sjuksköterskeprogrammet',
    [
      ['roda-korsets-hogskola', 3],
      ['karolinska-institutet', 2],
    ],
  ],
  ['HT2025', 'solbackens-forskola', 'vfu_teacher', 'Förskollärarprogrammet', [['sodertorns-hogskola', 4]]],
];

const OFFERS: Offer[] = PLACEMENT_TERMS.map(([term, unit, kind, programme, from]) => ({
  key: `${term.toLowerCase()}-${unit}-mal`,
  unit,
  term,
  kind,
  programme,
  places: from.reduce((sum, [, places]) => sum + places, 0),
}));

const REQUESTS: Request[] = PLACEMENT_TERMS.flatMap(([term, unit, , , from]) =>
  from.map(([university, places]) => ({
    key: `${term.toLowerCase()}-${unit}-mal|${university}`,
    offer: `${term.toLowerCase()}-${unit}-mal`,
    university,
    places,
    status: 'completed' as const,
  })),
);

export const demoGoalData: SeedSet = {
  organisations: [
    {
      slug: 'medtek-syd',
      name: 'Medtek Syd AB',
      kind: 'company',
      description: 'Medicintekniskt företag i Flemingsberg.',
    },
    {
      slug: 'huddinge-byggkonsult',
      name: 'Huddinge Byggkonsult AB',
      kind: 'company',
      description: 'Konsultföretag inom hållbart byggande.',
    },
  ],
  focusAreas: [],
  agreements: [],
  goals: [],
  groups: [],
  members: [],
  activities: [
    // Research and ULF projects over several years, some with results the municipality uses.
    {
      slug: 'forskning-planering-i-hemtjansten',
      title: 'Planering av hemtjänstens besök med äldres önskemål i centrum',
      kind: 'research_project',
      description: 'Ett forskningsprojekt om hur hemtjänstens planering kan utgå från de äldres önskemål.',
      startsOn: '2022-02-01',
      endsOn: '2024-06-30',
      organisations: ['vard-och-omsorgsforvaltningen', 'hemtjansten-stuvsta', 'karolinska-institutet'],
      outcomesUsedOn: '2024-09-01',
    },
    {
      slug: 'ulf-matematik-i-mellanstadiet',
      title: 'ULF: problemlösning i matematik i årskurs 4–6',
      kind: 'ulf_project',
      description: 'Lärare och forskare prövar och utvärderar undervisning i problemlösning.',
      startsOn: '2022-08-15',
      endsOn: '2025-06-15',
      agreement: 'ulf-avtal-sodertorns-hogskola',
      organisations: ['barn-och-utbildningsforvaltningen', 'tallbackaskolan', 'sodertorns-hogskola'],
      outcomesUsedOn: '2025-08-18',
    },
    {
      slug: 'forskning-tidiga-insatser-socialtjansten',
      title: 'Tidiga insatser för familjer i socialtjänsten',
      kind: 'research_project',
      description: 'En uppföljning av socialtjänstens tidiga och frivilliga insatser för familjer.',
      startsOn: '2023-01-15',
      endsOn: '2025-12-31',
      organisations: ['socialforvaltningen', 'socialtjanstens-mottagningsenhet', 'sodertorns-hogskola'],
      outcomesUsedOn: '2026-02-01',
    },
    {
      slug: 'ulf-flersprakighet-i-forskolan',
      title: 'ULF: flerspråkighet i förskolans vardag',
      kind: 'ulf_project',
      description: 'Förskollärare och forskare utvecklar arbetet med barns flera språk.',
      startsOn: '2024-01-10',
      endsOn: '2026-06-30',
      agreement: 'ulf-avtal-sodertorns-hogskola',
      organisations: ['barn-och-utbildningsforvaltningen', 'bjorkangens-forskola', 'sodertorns-hogskola'],
      outcomesUsedOn: '2026-09-01',
    },
    {
      slug: 'forskning-grona-ytor-och-dagvatten',
      title: 'Gröna ytor som tar hand om dagvatten',
      kind: 'research_project',
      description: 'Mätningar av hur gröna ytor i nya kvarter tar hand om dagvatten.',
      startsOn: '2025-03-01',
      organisations: ['natur-och-byggnadsforvaltningen', 'kth-flemingsberg'],
    },
    {
      slug: 'examensarbete-larmtjanst-i-aldreomsorgen',
      title: 'Examensarbete: digitala larm i äldreomsorgen',
      kind: 'thesis_project',
      description: 'Ett examensarbete om hur de boende och personalen upplever digitala larm.',
      startsOn: '2023-01-20',
      endsOn: '2023-06-05',
      organisations: [
        'vard-och-omsorgsforvaltningen',
        'skogsglantans-vard-och-omsorgsboende',
        'karolinska-institutet',
      ],
      outcomesUsedOn: '2023-11-01',
    },
    // Näringslivssektionen, companies and the institutions.
    {
      slug: 'innovationsdag-flemingsberg-2022',
      title: 'Innovationsdag i Flemingsberg 2022',
      kind: 'event',
      startsOn: '2022-05-12',
      endsOn: '2022-05-12',
      organisations: ['naringslivssektionen', 'kth-flemingsberg', 'lokala-naringslivet'],
    },
    {
      slug: 'medicinteknik-mote-foretag-och-forskare',
      title: 'Medicinteknik: företag och forskare möts',
      kind: 'event',
      startsOn: '2023-10-05',
      endsOn: '2023-10-05',
      organisations: ['naringslivssektionen', 'karolinska-institutet', 'medtek-syd'],
    },
    {
      slug: 'kurs-hallbart-byggande-for-foretag',
      title: 'Hållbart byggande: kurs för lokala företag',
      kind: 'course',
      startsOn: '2024-02-01',
      endsOn: '2024-05-30',
      organisations: ['naringslivssektionen', 'kth-flemingsberg', 'huddinge-byggkonsult'],
    },
    {
      slug: 'studentprojekt-hos-lokala-foretag',
      title: 'Studentprojekt hos lokala företag',
      kind: 'event',
      startsOn: '2025-04-10',
      endsOn: '2025-04-10',
      organisations: ['naringslivssektionen', 'sodertorns-hogskola', 'lokala-naringslivet'],
    },
    {
      slug: 'mentorprogram-foretag-och-studenter',
      title: 'Mentorprogram för studenter och företagare',
      kind: 'course',
      startsOn: '2026-01-20',
      endsOn: '2026-05-31',
      organisations: ['naringslivssektionen', 'sodertorns-hogskola', 'medtek-syd', 'huddinge-byggkonsult'],
    },
  ],
  pages: [],
  placementOffers: OFFERS,
  placementRequests: REQUESTS,
  briefs: BRIEFS,
  briefResponses: RESPONSES,
};

/** The demo targets per indicator and year, and the two manual indicators' entered values. */
const TARGETS: Record<IndicatorSlug, [year: number, target: number][]> = {
  'genomforda-praktikperioder': [
    [2025, 3],
    [2026, 4],
    [2027, 5],
  ],
  'placerade-studenter': [
    [2025, 8],
    [2026, 10],
    [2027, 12],
  ],
  'anstallda-efter-praktik': [
    [2025, 12],
    [2026, 15],
    [2027, 18],
  ],
  'forsknings-och-ulf-projekt': [
    [2025, 5],
    [2026, 5],
    [2027, 6],
  ],
  'forskningsfragor-som-tagits-upp': [
    [2025, 2],
    [2026, 3],
    [2027, 3],
  ],
  'resultat-som-anvands': [
    [2025, 1],
    [2026, 2],
    [2027, 2],
  ],
  'aktiviteter-naringsliv-och-akademi': [
    [2025, 2],
    [2026, 2],
    [2027, 3],
  ],
  'foretag-i-samverkan': [
    [2025, 1],
    [2026, 2],
    [2027, 3],
  ],
  'medarbetare-i-kompetensutveckling': [
    [2025, 6],
    [2026, 8],
    [2027, 10],
  ],
  kompetensutvecklingsinsatser: [
    [2025, 1],
    [2026, 2],
    [2027, 2],
  ],
  'medarbetare-nojda-med-kompetensutveckling': [
    [2025, 68],
    [2026, 70],
    [2027, 75],
  ],
};

const ENTERED: Partial<
  Record<IndicatorSlug, [year: number, value: number, source: string, measuredOn: string][]>
> = {
  'anstallda-efter-praktik': [
    [2023, 9, 'Uppföljning av praktikanter som anställts 2023, HR-avdelningen', '2024-01-31'],
    [2024, 11, 'Uppföljning av praktikanter som anställts 2024, HR-avdelningen', '2025-01-31'],
    [2025, 14, 'Uppföljning av praktikanter som anställts 2025, HR-avdelningen', '2026-01-31'],
  ],
  'medarbetare-nojda-med-kompetensutveckling': [
    [2022, 61, 'Medarbetarenkäten 2022, HR-avdelningen', '2022-10-14'],
    [2024, 66, 'Medarbetarenkäten 2024, HR-avdelningen', '2024-10-18'],
    [2026, 72, 'Medarbetarenkäten 2026, HR-avdelningen', '2026-10-15'],
  ],
};

const MARK_KIND = 'demo_indicator_value';

/**
 * Adds each demo target and entered value once (a coordinator's own row for that year is left alone),
 * marked demo. Runs after the indicators are synced and the demo sets applied.
 */
export async function applyDemoGoals(tx: Tx): Promise<void> {
  const done = new Set(
    (await tx.select({ key: seedMarks.key }).from(seedMarks).where(eq(seedMarks.kind, MARK_KIND))).map(
      (row) => row.key,
    ),
  );
  const rows = await tx.select({ id: indicators.id, slug: indicators.slug }).from(indicators);
  const ids = new Map(rows.map((row) => [row.slug, row.id]));
  for (const [slug, targets] of Object.entries(TARGETS) as [IndicatorSlug, [number, number][]][]) {
    const indicatorId = ids.get(slug);
    if (indicatorId === undefined) continue;
    const entered = new Map((ENTERED[slug] ?? []).map((entry) => [entry[0], entry]));
    const years = [...new Set([...targets.map(([year]) => year), ...entered.keys()])].sort();
    for (const year of years) {
      const key = `${slug}|${year}`;
      if (done.has(key)) continue;
      const target = targets.find(([targetYear]) => targetYear === year)?.[1];
      const value = entered.get(year);
      const [row] = await tx
        .insert(indicatorValues)
        .values({
          indicatorId,
          year,
          target: target === undefined ? null : String(target),
          value: value ? String(value[1]) : null,
          source: value ? value[2] : null,
          measuredOn: value ? value[3] : null,
          isDemo: true,
        })
        .onConflictDoNothing()
        .returning({ id: indicatorValues.id });
      await tx.insert(seedMarks).values({ kind: MARK_KIND, key, recordId: row?.id ?? 0 });
    }
  }
}

/** Removes the demo targets and entered values and their marks (the records go with the demo sets). */
export async function removeDemoGoals(tx: Tx): Promise<void> {
  await tx.delete(indicatorValues).where(eq(indicatorValues.isDemo, true));
  await tx.delete(seedMarks).where(eq(seedMarks.kind, MARK_KIND));
}
