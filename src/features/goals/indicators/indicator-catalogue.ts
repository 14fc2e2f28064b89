import type { IndicatorDirection, IndicatorKind } from '../goals.table.ts';

/**
 * Every indicator of the four goals (issue 11), in the order the pages show them. What each one counts is
 * said in plain Swedish in the strings (`t.indicators.definitions[slug]`, sv-indicators.ts) and, for a
 * computed one, done by its query in indicator-facts.queries.ts: change the two together. The `indicators`
 * table holds one row per entry here (seeded), for targets and entered values to refer to.
 */

export const goalSlugs = [
  'rekrytering',
  'verksamhetsutveckling-genom-forskning',
  'tillvaxt',
  'attraktiv-arbetsgivare',
] as const;
export type GoalSlug = (typeof goalSlugs)[number];

/** The ways a computed figure can be split: by förvaltning, by institution (lärosäte), by agreement. */
export const breakdowns = ['administration', 'institution', 'agreement'] as const;
export type Breakdown = (typeof breakdowns)[number];

/** How a figure is read: a number of things, a number of people, or a percentage (entered). */
export type IndicatorUnit = 'count' | 'people' | 'percent';

/** What the list behind a figure links to ("Visa vad som räknas"). */
export type CountedRecordType = 'activity' | 'placement_offer' | 'brief' | 'organisation';

export type IndicatorDefinition = {
  slug: string;
  goal: GoalSlug;
  kind: IndicatorKind;
  direction: IndicatorDirection;
  unit: IndicatorUnit;
  breakdowns: readonly Breakdown[];
  /**
   * Counts people from records that are never published (staff signing up for competence development):
   * a public figure below SMALL_COUNT_LIMIT is withheld, also in breakdowns (small-counts.ts, decision 015).
   */
  countsPeople: boolean;
};

export const indicatorCatalogue = [
  // Mål 1: underlätta kommunens rekrytering.
  {
    slug: 'genomforda-praktikperioder',
    goal: 'rekrytering',
    kind: 'computed',
    direction: 'higher',
    unit: 'count',
    breakdowns: ['administration', 'institution'],
    countsPeople: false,
  },
  {
    slug: 'placerade-studenter',
    goal: 'rekrytering',
    kind: 'computed',
    direction: 'higher',
    unit: 'people',
    breakdowns: ['administration', 'institution'],
    countsPeople: false,
  },
  {
    slug: 'anstallda-efter-praktik',
    goal: 'rekrytering',
    kind: 'manual',
    direction: 'higher',
    unit: 'people',
    breakdowns: [],
    countsPeople: false,
  },
  // Mål 2: verksamhetsutveckling genom forskning.
  {
    slug: 'forsknings-och-ulf-projekt',
    goal: 'verksamhetsutveckling-genom-forskning',
    kind: 'computed',
    direction: 'higher',
    unit: 'count',
    breakdowns: ['administration', 'institution', 'agreement'],
    countsPeople: false,
  },
  {
    slug: 'forskningsfragor-som-tagits-upp',
    goal: 'verksamhetsutveckling-genom-forskning',
    kind: 'computed',
    direction: 'higher',
    unit: 'count',
    breakdowns: ['administration', 'institution'],
    countsPeople: false,
  },
  {
    slug: 'resultat-som-anvands',
    goal: 'verksamhetsutveckling-genom-forskning',
    kind: 'computed',
    direction: 'higher',
    unit: 'count',
    breakdowns: ['administration', 'institution', 'agreement'],
    countsPeople: false,
  },
  // Mål 3: tillväxt genom tätare kontakt mellan näringslivssektionen och akademierna.
  {
    slug: 'aktiviteter-naringsliv-och-akademi',
    goal: 'tillvaxt',
    kind: 'computed',
    direction: 'higher',
    unit: 'count',
    breakdowns: ['institution', 'agreement'],
    countsPeople: false,
  },
  {
    slug: 'foretag-i-samverkan',
    goal: 'tillvaxt',
    kind: 'computed',
    direction: 'higher',
    unit: 'count',
    breakdowns: ['institution'],
    countsPeople: false,
  },
  // Mål 4: attraktiv arbetsgivare genom kompetensutveckling.
  {
    slug: 'medarbetare-i-kompetensutveckling',
    goal: 'attraktiv-arbetsgivare',
    kind: 'computed',
    direction: 'higher',
    unit: 'people',
    breakdowns: ['administration', 'institution'],
    countsPeople: true,
  },
  {
    slug: 'kompetensutvecklingsinsatser',
    goal: 'attraktiv-arbetsgivare',
    kind: 'computed',
    direction: 'higher',
    unit: 'count',
    breakdowns: ['institution'],
    countsPeople: false,
  },
  {
    slug: 'medarbetare-nojda-med-kompetensutveckling',
    goal: 'attraktiv-arbetsgivare',
    kind: 'manual',
    direction: 'higher',
    unit: 'percent',
    breakdowns: [],
    countsPeople: false,
  },
] as const satisfies readonly IndicatorDefinition[];

export type IndicatorSlug = (typeof indicatorCatalogue)[number]['slug'];
export type ComputedIndicatorSlug = Extract<
  (typeof indicatorCatalogue)[number],
  { kind: 'computed' }
>['slug'];

export function findIndicatorDefinition(slug: string): IndicatorDefinition | undefined {
  return indicatorCatalogue.find((definition) => definition.slug === slug);
}

export function indicatorsOfGoal(goal: string): IndicatorDefinition[] {
  return indicatorCatalogue.filter((definition) => definition.goal === goal);
}
