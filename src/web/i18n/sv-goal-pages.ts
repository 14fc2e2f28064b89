/**
 * The public pages of the goal follow-up (issue 11): the dashboard on /mal, a page per goal and per
 * indicator, what a figure counts, and every indicator's definition (also docs/indicators.md).
 */
const number = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

export const goalPagesText = {
  formatNumber: (value: number) => number.format(value),
  /** A figure with its unit: "12 praktikperioder", "74 procent". */
  figure: (value: number, unit: string) => `${number.format(value)} ${unit}`,
  indicatorsHeading: 'Så går det för målen',
  indicatorsIntro:
    'Siffrorna räknas fram ur registret, utom de som är markerade Inmatat värde: dem för samverkanssamordnaren in med källa och mätdatum. Varje siffra länkar till det den räknar.',
  definitionsLink: 'Så räknas indikatorerna',
  annualReportsLink: 'Årsrapporterna till Högskolerådet',
  backToGoals: 'Tillbaka till Mål med samarbetet',
  goalPageLink: (goal: string) => `Mer om målet ${goal}`,
  statement: (statement: string) => `Målet med samarbetet är att det ska ${statement}.`,
  thisYearSoFar: (year: number) => `${year}, hittills i år`,
  year: (year: number) => String(year),
  targetFor: (year: number) => `Mål för ${year}`,
  noTarget: 'Inget mål satt',
  status: 'Läge',
  trend: 'Utveckling',
  trendText: (values: string) => `Senaste åren: ${values}.`,
  /** Where an indicator has nothing counted or entered yet: said plainly, never a 0. */
  nothingYet: {
    computed: 'Det finns ännu inget i registret att räkna för den här indikatorn.',
    manual: 'Inget värde har förts in för den här indikatorn ännu.',
  },
  noValue: 'inget värde',
  entered: 'Inmatat värde',
  enteredFrom: (source: string, measuredOn: string) => `Källa: ${source}, mätt ${measuredOn}`,
  showRecords: 'Visa vad som räknas',
  showRecordsFor: (name: string, year: number) => `Visa vad som räknas: ${name} ${year}`,
  /** How a year's figure stands against its target, always in words (never colour alone). */
  onTrack: {
    reached: 'Målet är nått',
    onTrack: 'I fas med målet',
    behind: 'Efter målet',
    missed: 'Målet nåddes inte',
    notSet: 'Inget mål att jämföra med',
    unknown: 'Kan inte bedömas',
  },
  // The goal page.
  goalIndicatorsHeading: 'Indikatorer',
  indicatorPageLink: (name: string) => `Allt om indikatorn ${name}`,
  decisionsHeading: 'Beslut som gäller målet',
  noDecisions: 'Inga justerade beslut är kopplade till målet ännu.',
  decisionAt: (meeting: string, date: string) => `${meeting}, ${date}`,
  activitiesHeading: 'Aktiviteter',
  activities: (count: number) =>
    count === 1
      ? '1 aktivitet i registret bidrar till målet.'
      : `${count} aktiviteter i registret bidrar till målet.`,
  // Chart and table.
  chartTitle: (name: string) => `${name} per år`,
  tableCaption: (name: string) => `${name}: värde och mål per år`,
  yearColumn: 'År',
  valueColumn: 'Värde',
  targetColumn: 'Mål',
  legendValue: 'Värde (stapel)',
  legendTarget: 'Mål (streckad linje med romb)',
  chartTarget: (value: string) => `mål ${value}`,
  summary: {
    intro: (name: string, from: number, to: number) => `${name} ${from}–${to}.`,
    year: (year: string, value: string, target: string | null) =>
      target === null ? `${year}: ${value}.` : `${year}: ${value}, mål ${target}.`,
  },
  // The indicator page.
  definitionHeading: 'Definition',
  goal: 'Mål',
  kind: 'Typ',
  unit: 'Enhet',
  direction: 'Riktning',
  counts: 'Vad räknas',
  from: 'Ur vilka uppgifter',
  period: 'Period',
  figuresHeading: 'Värde och mål per år',
  futureTargetsHeading: 'Mål för kommande år',
  futureTargetsCaption: (name: string) => `${name}: mål för kommande år`,
  noFutureTargets: 'Inga mål är satta för kommande år.',
  enteredHeading: 'Inmatade värden',
  enteredCaption: (name: string) => `${name}: inmatade värden med källa`,
  sourceColumn: 'Källa',
  measuredColumn: 'Mätdatum',
  noEntered: 'Inga värden har förts in ännu.',
  breakdownsHeading: (year: number) => `Uppdelat för ${year}`,
  breakdownCaption: (breakdown: string, name: string, year: number) =>
    `${name} ${year}, ${breakdown.toLowerCase()}`,
  noBreakdown: (year: number) => `Inget räknades för ${year}.`,
  yearChooser: 'Välj år',
  yearLabel: 'År',
  show: 'Visa',
  coordinatorHeading: 'För samordnaren',
  editTargets: 'Ändra målvärden',
  enterValue: 'För in värde',
  history: 'Historik',
  // What a figure counts.
  recordsTitle: (name: string, year: number) => `Vad som räknas: ${name} ${year}`,
  recordsIntro: (total: string) => `Summan för året: ${total}.`,
  recordsCaption: (name: string, year: number) => `Det som räknas i ${name} ${year}`,
  recordColumn: 'Post',
  recordTypeColumn: 'Typ',
  addsColumn: 'Bidrar med',
  recordTypes: {
    activity: 'Aktivitet',
    brief: 'Behovsbanken',
    organisation: 'Företag',
    placement_offer: 'Praktikplats',
  },
  placementDetail: (programme: string, detail: string) => `${programme} (${detail})`,
  placementOverview: (term: string) => `Praktikplatserna ${term}`,
  noRecords: (year: number) => `Inget räknas för ${year}.`,
  withheldRow: 'Uppgifter om enskilda medarbetare visas inte',
  backToIndicator: (name: string) => `Tillbaka till ${name}`,
  // The definitions page.
  definitionsTitle: 'Så räknas indikatorerna',
  breakdownsLabel: 'Uppdelning',
  noBreakdowns: 'Ingen',
  pageLabel: 'Sida',
  definitionsIntro:
    'Här står varje indikator för de fyra målen: vad som räknas, ur vilka uppgifter och för vilken period. Indikatorer markerade Inmatat värde kan inte räknas ur registret; samverkanssamordnaren för in dem med källa och mätdatum.',
  /** `limit`: SMALL_COUNT_LIMIT (small-counts.ts), passed in so this file imports nothing from the features. */
  smallCounts: (limit: number) =>
    `Siffror som räknar medarbetare visas inte när de är mellan 1 och ${limit - 1}, så att ingen enskild person kan pekas ut; där står ”färre än ${limit}”. I en uppdelning visas då vid behov inte heller ytterligare en siffra (”visas inte”), så att den dolda inte kan räknas fram ur summan.`,
};
