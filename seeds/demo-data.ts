import type { SeedSet } from './seed-set.ts';

/**
 * Example data: facts that are NOT in the source page, generated so that every part of the product has
 * something to show. Every row is marked `is_demo`, shown with an "Exempeldata" label, and removed when
 * DEMO_DATA=false. People's names are made up from common Swedish first and last names.
 */

/** Common Swedish names; the bench's generated people use them too. */
export const FIRST_NAMES = [
  'Anna',
  'Erik',
  'Maria',
  'Johan',
  'Sara',
  'Ahmed',
  'Elin',
  'Karl',
  'Fatima',
  'Lars',
  'Ida',
  'Mikael',
];
export const LAST_NAMES = [
  'Andersson',
  'Lindqvist',
  'Nilsson',
  'Hosseini',
  'Berg',
  'Karlsson',
  'Ek',
  'Johansson',
  'Holm',
  'Sandberg',
];

/** A deterministic pseudo-random sequence, so that the same demo data is generated every time. */
function namesFrom(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state;
  };
  return () => `${FIRST_NAMES[next() % FIRST_NAMES.length]} ${LAST_NAMES[next() % LAST_NAMES.length]}`;
}

const nextName = namesFrom(2023);

const DEMO_ADMINISTRATIONS = [
  ['socialforvaltningen', 'Socialförvaltningen'],
  ['vard-och-omsorgsforvaltningen', 'Vård- och omsorgsförvaltningen'],
  ['kultur-och-fritidsforvaltningen', 'Kultur- och fritidsförvaltningen'],
  ['natur-och-byggnadsforvaltningen', 'Natur- och byggnadsförvaltningen'],
  ['kommunstyrelsens-forvaltning', 'Kommunstyrelsens förvaltning'],
] as const;

export const demoData: SeedSet = {
  organisations: [
    ...DEMO_ADMINISTRATIONS.map(([slug, name]) => ({
      slug,
      name,
      kind: 'administration' as const,
      parent: 'huddinge-kommun',
    })),
    {
      slug: 'solbackens-forskola',
      name: 'Solbackens förskola',
      kind: 'unit',
      parent: 'barn-och-utbildningsforvaltningen',
      description: 'Förskola som deltar i praktiknära forskning.',
    },
    {
      slug: 'ekdalsskolan',
      name: 'Ekdalsskolan',
      kind: 'unit',
      parent: 'barn-och-utbildningsforvaltningen',
      description: 'Grundskola F–9 som tar emot lärarstudenter för verksamhetsförlagd utbildning.',
    },
    {
      slug: 'flemingsbergs-gymnasium',
      name: 'Flemingsbergs gymnasium',
      kind: 'unit',
      parent: 'gymnasie-och-arbetsmarknadsforvaltningen',
    },
    {
      slug: 'lindgardens-vard-och-omsorgsboende',
      name: 'Lindgårdens vård- och omsorgsboende',
      kind: 'unit',
      parent: 'vard-och-omsorgsforvaltningen',
      description: 'Vård- och omsorgsboende som tar emot sjuksköterskestudenter.',
    },
    {
      slug: 'sh-institutionen-for-kultur-och-larande',
      name: 'Institutionen för kultur och lärande',
      kind: 'department',
      parent: 'sodertorns-hogskola',
    },
    {
      slug: 'ki-institutionen-for-neurobiologi-vardvetenskap-och-samhalle',
      name: 'Institutionen för neurobiologi, vårdvetenskap och samhälle',
      kind: 'department',
      parent: 'karolinska-institutet',
    },
  ],
  focusAreas: [],
  agreements: [
    {
      slug: 'vfu-avtal-lararutbildningen-sh',
      title: 'VFU-avtal för lärarutbildningen',
      kind: 'placement',
      diarienummer: 'BUN-2023/0412',
      signedOn: '2023-11-20',
      validFrom: '2024-01-01',
      validTo: '2026-12-31',
      description: 'Verksamhetsförlagd utbildning för lärarstudenter i kommunens förskolor och skolor.',
      parties: ['barn-och-utbildningsforvaltningen', 'sodertorns-hogskola'],
      focusAreas: ['kompetensforsorjning'],
    },
    {
      slug: 'forskningsavtal-aldreomsorg-ki',
      title: 'Forskningsavtal om kunskapsbaserad äldreomsorg',
      kind: 'research',
      diarienummer: 'VON-2025/0188',
      signedOn: '2025-12-10',
      validFrom: '2026-01-01',
      validTo: '2028-12-31',
      description: 'Gemensam forskning om kvalitet och bemanning i äldreomsorgen.',
      parties: ['vard-och-omsorgsforvaltningen', 'karolinska-institutet'],
      focusAreas: ['tillgang-till-likvardig-vard'],
    },
    {
      slug: 'vil-avtal-roda-korsets-hogskola',
      title: 'Avtal om verksamhetsintegrerat lärande för sjuksköterskestudenter',
      kind: 'placement',
      diarienummer: 'VON-2026/0301',
      validFrom: '2027-01-01',
      validTo: '2029-12-31',
      description:
        'Utkast till avtal om platser för verksamhetsintegrerat lärande (VIL) inom vård och omsorg.',
      parties: ['vard-och-omsorgsforvaltningen', 'roda-korsets-hogskola'],
      focusAreas: ['kompetensforsorjning', 'tillgang-till-likvardig-vard'],
    },
  ],
  goals: [],
  groups: [],
  members: [
    ...['arbetsgrupp-sodertorns-hogskola', 'arbetsgrupp-karolinska-institutet'].flatMap((group) => [
      {
        group,
        organisation: 'kommunstyrelsens-forvaltning',
        role: 'chair' as const,
        person: nextName(),
        position: 1,
      },
      {
        group,
        organisation: 'barn-och-utbildningsforvaltningen',
        role: 'member' as const,
        person: nextName(),
        position: 2,
      },
      {
        group,
        organisation: 'gymnasie-och-arbetsmarknadsforvaltningen',
        role: 'member' as const,
        person: nextName(),
        position: 3,
      },
      {
        group,
        organisation: 'socialforvaltningen',
        role: 'member' as const,
        person: nextName(),
        position: 4,
      },
      {
        group,
        organisation: 'vard-och-omsorgsforvaltningen',
        role: 'member' as const,
        person: nextName(),
        position: 5,
      },
      {
        group,
        organisation: 'natur-och-byggnadsforvaltningen',
        role: 'member' as const,
        person: nextName(),
        position: 6,
      },
      {
        group,
        organisation: group.endsWith('sodertorns-hogskola') ? 'sodertorns-hogskola' : 'karolinska-institutet',
        role: 'member' as const,
        person: nextName(),
        position: 7,
      },
      {
        group,
        organisation: 'kommunstyrelsens-forvaltning',
        role: 'secretary' as const,
        person: nextName(),
        position: 8,
      },
    ]),
    {
      group: 'hogskoleradet',
      organisation: 'kommunstyrelsens-forvaltning',
      role: 'secretary',
      person: nextName(),
      position: 30,
    },
  ],
  activities: [
    {
      slug: 'ulf-lasundervisning-i-forskolan',
      title: 'Språkutvecklande arbetssätt i förskolan',
      kind: 'ulf_project',
      description:
        'Förskollärare och forskare prövar tillsammans arbetssätt som stärker barns språkutveckling.',
      startsOn: '2019-08-15',
      endsOn: '2021-06-30',
      agreement: 'ulf-avtal-sodertorns-hogskola',
      organisations: ['barn-och-utbildningsforvaltningen', 'solbackens-forskola', 'sodertorns-hogskola'],
      goals: ['verksamhetsutveckling-genom-forskning'],
    },
    {
      slug: 'ulf-bedomning-i-gymnasieskolan',
      title: 'Formativ bedömning i gymnasieskolans yrkesprogram',
      kind: 'ulf_project',
      description: 'Praktiknära forskning om hur lärare ger återkoppling som hjälper eleverna framåt.',
      startsOn: '2022-01-10',
      endsOn: '2025-06-30',
      agreement: 'ulf-avtal-sodertorns-hogskola',
      organisations: [
        'gymnasie-och-arbetsmarknadsforvaltningen',
        'flemingsbergs-gymnasium',
        'sodertorns-hogskola',
      ],
      goals: ['verksamhetsutveckling-genom-forskning'],
    },
    {
      slug: 'vfu-lararstudenter-ht-2026',
      title: 'VFU-period för lärarstudenter hösten 2026',
      kind: 'placement_period',
      description: 'Lärarstudenter gör sin verksamhetsförlagda utbildning på kommunens skolor.',
      startsOn: '2026-09-07',
      endsOn: '2026-10-30',
      agreement: 'vfu-avtal-lararutbildningen-sh',
      organisations: ['ekdalsskolan', 'sodertorns-hogskola'],
      focusAreas: ['kompetensforsorjning'],
      goals: ['rekrytering'],
    },
    {
      slug: 'forskning-bemanning-aldreomsorg',
      title: 'Kontinuitet i bemanningen inom äldreomsorgen',
      kind: 'research_project',
      description: 'Forskningsprojekt om hur kontinuitet i personalgruppen påverkar kvaliteten i omsorgen.',
      startsOn: '2026-02-01',
      endsOn: '2028-06-30',
      agreement: 'forskningsavtal-aldreomsorg-ki',
      organisations: [
        'vard-och-omsorgsforvaltningen',
        'karolinska-institutet',
        'lindgardens-vard-och-omsorgsboende',
      ],
      focusAreas: ['tillgang-till-likvardig-vard'],
      goals: ['verksamhetsutveckling-genom-forskning'],
    },
    {
      slug: 'examensarbete-socialtjanst-digitalisering',
      title: 'Examensarbete: digitala kontaktvägar i socialtjänsten',
      kind: 'thesis_project',
      description: 'En student skriver sitt examensarbete om hur invånare når socialtjänsten digitalt.',
      startsOn: '2026-01-19',
      endsOn: '2026-06-05',
      organisations: ['socialforvaltningen', 'sodertorns-hogskola'],
      goals: ['verksamhetsutveckling-genom-forskning', 'rekrytering'],
    },
    {
      slug: 'kurs-handledning-av-studenter',
      title: 'Kurs i handledning av studenter för kommunens medarbetare',
      kind: 'course',
      description: 'Högskolepoänggivande kurs för medarbetare som handleder studenter under praktik.',
      startsOn: '2026-09-01',
      endsOn: '2027-01-15',
      organisations: ['kommunstyrelsens-forvaltning', 'sodertorns-hogskola'],
      focusAreas: ['kompetensforsorjning'],
      goals: ['attraktiv-arbetsgivare'],
    },
    {
      slug: 'frukostmote-naringsliv-akademi',
      title: 'Frukostmöte: näringslivet möter akademierna i Flemingsberg',
      kind: 'event',
      description:
        'Näringslivssektionen bjuder in företag och forskare till samtal om samarbete i Flemingsberg.',
      startsOn: '2027-03-11',
      endsOn: '2027-03-11',
      organisations: [
        'naringslivssektionen',
        'karolinska-institutet',
        'kth-flemingsberg',
        'lokala-naringslivet',
      ],
      focusAreas: ['samhallsbyggnad'],
      goals: ['tillvaxt'],
    },
  ],
  pages: [],
};
