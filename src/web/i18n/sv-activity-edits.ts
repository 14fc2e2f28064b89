import type { IssueContext } from './message-key.ts';

/**
 * Editing activities and the public text pages (issue 8): src/features/activities/activity-edits.* and
 * src/features/pages/page-edits.*, and their sections of the workspace.
 */
export const activityEditsText = {
  editTitle: (title: string) => `Ändra ${title}`,
  createTitle: 'Lägg till en aktivitet',
  intro:
    'En samverkansaktivitet är till exempel ett forskningsprojekt, ett ULF-projekt, en praktikperiod, ett examensarbete, en kurs eller ett evenemang.',
  fields: {
    kind: 'Typ av aktivitet',
    title: 'Titel',
    startsOn: 'Startdatum',
    endsOn: 'Slutdatum',
    organisations: 'Organisationer',
    agreement: 'Avtal',
    focusAreas: 'Prioriterade utvecklingsområden',
    goals: 'Bidrar till målen',
    description: 'Beskrivning',
    outcomes: 'Vad det ledde till',
    outcomesUsedOn: 'Resultaten används i verksamheten sedan',
    visibility: 'Synlighet',
    internalReason: 'Skäl till att aktiviteten är intern',
  },
  organisationSlot: (slot: number) => `Organisation ${slot}`,
  hints: {
    period: 'Skriv datum som ÅÅÅÅ-MM-DD. Lämna slutdatum tomt om aktiviteten pågår tills vidare.',
    organisations:
      'Minst en. Välj kommunens förvaltningar och enheter och de lärosäten och andra som är med.',
    firstOrganisationEditor: 'Din organisation eller en enhet under den.',
    agreement: 'Avtalet som aktiviteten genomförs inom, om det finns ett. Valfritt.',
    outcomes: 'Resultat, rapporter och det som kommit till användning. Valfritt.',
    outcomesUsedOn:
      'För forsknings-, ULF- och examensarbetsprojekt: dagen kommunen började använda resultaten i sitt arbete. Räknas i målet om verksamhetsutveckling genom forskning. Skriv som ÅÅÅÅ-MM-DD. Valfritt.',
    internalReason: 'Till exempel ”sekretess enligt OSL 19 kap.” eller ”arbetsmaterial”.',
  },
  chooseKind: 'Välj typ',
  noOrganisation: 'Ingen',
  noAgreement: 'Inget avtal',
  noFocusAreas: 'Det finns inga prioriterade utvecklingsområden i registret.',
  visibilities: {
    public: 'Offentlig: visas på webbplatsen',
    internal: 'Intern: visas bara för inloggade som får ändra den',
  },
  /** The visibility as the history and the saved version show it. */
  visibilityWords: { public: 'Offentlig', internal: 'Intern' },
  deletedSuffix: ' (borttagen)',
  internalTag: 'Intern',
  savedInternal: 'Ändringen är sparad. Aktiviteten är intern och visas därför inte på webbplatsen, bara här.',
  createdInternal: 'Aktiviteten är tillagd. Den är intern och visas därför inte på webbplatsen.',
  dateInvalid: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-09-01.',
  endBeforeStart: 'Slutdatumet kan inte vara före startdatumet.',
  organisationMissing: 'Välj minst en organisation.',
  organisationTwice: 'Organisationen är redan vald ovan. Välj en annan eller ”Ingen”.',
  reasonMissing: 'Skriv varför aktiviteten är intern.',
  linkGone: (issue: IssueContext) =>
    `Versionen kan inte återställas: den länkar till sådant som har tagits bort sedan dess (${String(issue.params?.names ?? '')}). Återställ det först, eller ändra aktiviteten i stället.`,
  snapshotUnreadable: 'Versionen kan inte återställas: den sparades i en form som inte kan läsas in igen.',
  /** The workspace's section on activities. */
  workspace: {
    heading: 'Aktiviteter du kan ändra',
    none: 'Inga aktiviteter är kopplade till organisationer som du kan ändra ännu.',
    add: 'Lägg till aktivitet',
    deletedHeading: 'Borttagna aktiviteter',
  },
  pages: {
    editTitle: (title: string) => `Ändra sidan ${title}`,
    fields: { title: 'Rubrik', body: 'Text' },
    bodyHelpHeading: 'Så skriver du texten',
    bodyHelp: {
      paragraphs: 'En tom rad mellan stycken.',
      list: 'Rader som börjar med ”- ” (bindestreck och mellanslag) blir en punktlista.',
      heading: 'En rad som börjar med ”## ” blir en mellanrubrik.',
      link: 'En länk skrivs [texten som visas](adressen). Adressen börjar med https://, mailto:, tel: eller / för en sida på webbplatsen.',
    },
    updatedNote: 'Datumet ”Uppdaterad” på sidan blir dagens datum när du sparar en ändring.',
    workspaceHeading: 'Webbplatsens textsidor',
    workspaceIntro: 'Rubrik och text på de fasta sidorna. Sidorna kan ändras men inte tas bort.',
  },
};
