/**
 * The coordinator's edits of a goal indicator (issue 11, src/features/goals/indicator-edits.*): targets per
 * year, entered values with their source, and the indicator's history.
 */
export const indicatorEditsText = {
  targetTitle: (name: string) => `Målvärden för ${name}`,
  valueTitle: (name: string) => `För in värde för ${name}`,
  historyTitle: (name: string) => `Historik för indikatorn ${name}`,
  backToIndicator: 'Tillbaka till indikatorn',
  fields: {
    year: 'År',
    target: 'Målvärde',
    value: 'Värde',
    source: 'Källa',
    measuredOn: 'Mätt den',
  },
  hints: {
    year: 'Året målvärdet eller värdet gäller.',
    target: (unit: string) =>
      `Målet för året, i antal ${unit}, till exempel 40. Lämna tomt för att ta bort årets målvärde.`,
    targetPercent:
      'En andel i procent mellan 0 och 100, till exempel 72 eller 72,5. Lämna tomt för att ta bort årets målvärde.',
    value: (unit: string) =>
      `Årets värde, i antal ${unit}, till exempel 14. Lämna tomt för att ta bort det inmatade värdet för året.`,
    valuePercent:
      'En andel i procent mellan 0 och 100, till exempel 72 eller 72,5. Lämna tomt för att ta bort det inmatade värdet för året.',
    source: 'Var värdet kommer ifrån, till exempel "Medarbetarenkäten 2026, HR-avdelningen".',
    measuredOn: 'Dagen värdet mättes, till exempel enkätens sista svarsdag. Skriv som ÅÅÅÅ-MM-DD.',
  },
  /** History field names: one per year ("Målvärde 2027", "Värde 2026"). */
  targetOf: (year: number) => `Målvärde ${year}`,
  valueOf: (year: number) => `Värde ${year}`,
  /** An entered value as the history shows it: "72 % (Medarbetarenkäten 2026, mätt 15 oktober 2026)". */
  describedValue: (value: string, source: string, measuredOn: string) =>
    `${value} (${source}, mätt ${measuredOn})`,
  percentSuffix: ' %',
  targetsHeading: 'Målvärden som är satta',
  targetsEmpty: 'Inga målvärden är satta ännu.',
  valuesHeading: 'Inmatade värden',
  valuesEmpty: 'Inga värden är inmatade ännu.',
  manualNote: 'Indikatorn räknas inte ur registret: värdet förs in här, med källa och mätdatum.',
  columns: {
    year: 'År',
    target: 'Målvärde',
    value: 'Värde',
    source: 'Källa',
    measuredOn: 'Mätt den',
    /** "Målvärde (praktikperioder)": the unit in the heading, as the cells hold bare numbers. */
    withUnit: (column: string, unit: string) => `${column} (${unit})`,
  },
  savedTarget: 'Målvärdet är sparat.',
  savedValue: 'Värdet är sparat.',
  unchanged: 'Inget ändrades: uppgifterna var redan sparade så.',
  links: {
    target: 'Ändra målvärden',
    value: 'För in värde',
    history: 'Historik',
  },
  errors: {
    yearInvalid: 'Välj ett år i listan.',
    numberInvalid: 'Skriv ett tal, till exempel 40 eller 12,5.',
    negative: 'Talet får inte vara mindre än 0.',
    percentTooLarge: 'En andel i procent kan inte vara större än 100.',
    tooLarge: 'Talet är för stort.',
    sourceMissing: 'Skriv varifrån värdet kommer.',
    measuredOnMissing: 'Skriv dagen värdet mättes.',
    measuredOnInvalid: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-10-15.',
    measuredOnFuture: 'Dagen värdet mättes kan inte vara senare än i dag.',
  },
};
