/**
 * The annual report (årsrapport) to Högskolerådet (issue 11, src/features/goals/annual-reports.*; decision
 * 016): the list, a report, its forms, the publishing step and the files.
 */
export const annualReportsText = {
  listTitle: 'Årsrapporter till Högskolerådet',
  listIntro:
    'Varje år rapporterar samverkanssamordnaren till Högskolerådet hur arbetet med målen för samverkan har gått. När en årsrapport publiceras fryses dess siffror: rapporten visar det som rådet fick, även om registret ändras senare.',
  publishedHeading: 'Publicerade årsrapporter',
  listEmpty: 'Ingen årsrapport är publicerad ännu.',
  draftsHeading: 'Utkast',
  draftsNote: 'Utkasten syns bara för samordnare.',
  newLink: 'Ny årsrapport',
  reportTitle: (year: number) => `Årsrapport ${year}`,
  publishedOn: (date: string) => `Publicerad ${date}`,
  draftLabel: 'Utkast',
  draftNote:
    'Det här är ett utkast. Siffrorna räknas ur registret just nu och kan ändras tills rapporten publiceras. Bara samordnare ser utkastet.',
  frozenOn: (date: string) => `Siffrorna frystes ${date}.`,
  backToList: 'Alla årsrapporter',
  toReport: 'Till årsrapporten',
  summaryHeading: 'Sammanfattning',
  noSummary: 'Ingen sammanfattning är skriven.',
  goalHeading: (position: number, title: string) => `Mål ${position}: ${title}`,
  goalStatement: (statement: string) => `Målet med samarbetet är att det ska ${statement}`,
  indicatorsHeading: 'Indikatorer',
  noIndicators: 'Målet har inga indikatorer ännu.',
  columns: {
    indicator: 'Indikator',
    value: (year: number) => `Värde ${year}`,
    previous: (year: number) => `Värde ${year}`,
    target: 'Målvärde',
    met: 'Nått målet?',
  },
  tableCaption: (goal: string, year: number) => `Indikatorerna för ${goal} år ${year}`,
  met: {
    met: 'Ja, målvärdet är nått',
    notMet: 'Nej, målvärdet är inte nått',
    noTarget: 'Inget målvärde satt',
    noValue: 'Inget värde för året',
    withheld: 'Kan inte visas (få personer)',
  },
  noValue: '–',
  sourceOf: (source: string, measuredOn: string) => `Källa: ${source}, mätt ${measuredOn}.`,
  activitiesHeading: 'Aktiviteter under året',
  activitiesCount: (count: number) =>
    count === 0
      ? 'Inga offentliga aktiviteter kopplade till målet pågick under året.'
      : count === 1
        ? '1 offentlig aktivitet kopplad till målet pågick under året.'
        : `${count} offentliga aktiviteter kopplade till målet pågick under året.`,
  activitiesShown: (shown: number) => `De ${shown} senaste:`,
  decisionsHeading: 'Beslut under året',
  noDecisions: 'Inga publicerade beslut kopplade till målet under året.',
  decisionOf: (group: string, date: string) => `${group}, ${date}`,
  councilHeading: 'Högskolerådets övriga beslut under året',
  noCouncilDecisions: 'Inga andra publicerade beslut av Högskolerådet under året.',
  commentHeading: 'Samordnarens kommentar',
  noComment: 'Ingen kommentar.',
  downloadsHeading: 'Ladda ner siffrorna',
  downloads: {
    xlsx: (year: number) => `Årsrapport ${year} som Excel-fil (XLSX)`,
    csv: (year: number) => `Årsrapport ${year} som CSV-fil`,
    pdf: (year: number) => `Årsrapport ${year} som PDF`,
  },
  actions: {
    edit: 'Ändra texterna',
    publish: 'Publicera årsrapporten',
  },
  form: {
    newTitle: 'Ny årsrapport',
    editTitle: (year: number) => `Ändra årsrapport ${year}`,
    intro:
      'Skriv en sammanfattning av året och en kommentar till varje mål. Siffrorna hämtas ur registret; de fryses först när rapporten publiceras.',
    year: 'År',
    yearHint: (from: number, to: number) => `Det kalenderår rapporten gäller, mellan ${from} och ${to}.`,
    summary: 'Sammanfattning',
    summaryHint: 'Några meningar om året som helhet: vad som gick bra, vad som återstår.',
    comment: (goal: string) => `Kommentar till målet ${goal}`,
    commentHint: 'Vad siffrorna betyder, vad som hände under året, vad som behöver göras.',
    create: 'Skapa utkastet',
    save: 'Spara',
    cancel: 'Avbryt',
  },
  errors: {
    yearInvalid: 'Skriv året med fyra siffror, till exempel 2025.',
    yearOutOfRange: (issue: { params?: Record<string, unknown> }) =>
      `Välj ett år mellan ${String(issue.params?.from ?? '')} och ${String(issue.params?.to ?? '')}.`,
    yearTaken: (issue: { params?: Record<string, unknown> }) =>
      `Det finns redan en årsrapport för ${String(issue.params?.year ?? 'året')}. Ändra den i stället.`,
    published:
      'Årsrapporten är publicerad och kan inte ändras. En publicerad rapport är det som Högskolerådet fick; ett fel rättas i nästa års rapport.',
    alreadyPublished: 'Årsrapporten är redan publicerad.',
    changedSinceOpened:
      'Utkastet har ändrats sedan du öppnade sidan. Läs igenom det som det ser ut nu innan du publicerar.',
    yearNotOver: (issue: { params?: Record<string, unknown> }) =>
      `Årsrapporten för ${String(issue.params?.year ?? '')} kan publiceras först när året är slut.`,
    yearTooOld: (issue: { params?: Record<string, unknown> }) =>
      `Årsrapporten för ${String(issue.params?.year ?? '')} kan inte längre publiceras: siffrorna för året visas inte längre i uppföljningen.`,
    publishedTitle: 'Årsrapporten kan inte ändras',
  },
  publish: {
    title: (year: number) => `Publicera årsrapport ${year}`,
    intro:
      'När du publicerar årsrapporten fryses siffrorna som de är i registret nu. Rapporten blir synlig för alla och kan sedan inte ändras, varken siffrorna eller texterna.',
    confirm: 'Publicera',
    cancel: 'Avbryt',
  },
  notices: {
    created: 'Utkastet är skapat.',
    saved: 'Ändringarna är sparade.',
    unchanged: 'Inget ändrades.',
    published: 'Årsrapporten är publicerad.',
  },
  history: {
    status: 'Status',
    summary: 'Sammanfattning',
    comment: (goal: string) => `Kommentar: ${goal}`,
    statuses: { draft: 'Utkast', published: 'Publicerad' },
    publishedNote: 'Publicerad; siffrorna frystes.',
  },
  sheet: {
    name: (year: number) => `Årsrapport ${year}`,
    columns: [
      'Mål',
      'Indikator',
      'Enhet',
      'År',
      'Värde',
      'Föregående år',
      'Värde föregående år',
      'Målvärde',
      'Nått målet',
      'Slag',
      'Källa',
      'Mätt den',
      'Exempeldata',
    ],
    yes: 'ja',
    no: 'nej',
  },
  pdf: {
    author: 'Samverkan med akademierna, Huddinge kommun',
    subject: (year: number) => `Årsrapport ${year} till Högskolerådet om målen för samverkan med akademierna`,
    demoNote: 'Exempeldata: rapporten är skapad av exempeldata och beskriver ingen verklig verksamhet.',
    page: (page: number) => `Sida ${page}`,
  },
};
