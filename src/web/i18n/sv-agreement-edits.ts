import type { IssueContext } from './message-key.ts';

/**
 * Adding, changing, deleting and restoring agreements and focus areas (src/features/agreements,
 * agreement-edits.* and focus-area-edits.*), and their sections of the workspace.
 */
export const agreementEditsText = {
  createTitle: 'Lägg till ett avtal',
  editTitle: (title: string) => `Ändra ${title}`,
  /** The fields' names: on the form, in the history and beside a refused save. */
  fields: {
    kind: 'Typ av avtal',
    title: 'Titel',
    diarienummer: 'Diarienummer',
    signedOn: 'Undertecknat',
    validFrom: 'Gäller från och med',
    validTo: 'Gäller till och med',
    parties: 'Parter',
    focusAreas: 'Prioriterade utvecklingsområden',
    contacts: 'Kontaktpersoner',
    description: 'Beskrivning',
    visibility: 'Synlighet',
    internalReason: 'Skäl till att avtalet är internt',
  },
  hints: {
    title: 'Till exempel "Samverkansavtal mellan Huddinge kommun och Södertörns högskola".',
    diarienummer: 'Till exempel KS-2026/0123. Valfritt.',
    date: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-01-31. Valfritt.',
    parties:
      'Organisationerna som har skrivit under avtalet, oftast kommunen och ett lärosäte. Välj en part på varje rad; fler tomma rader visas när du har sparat.',
    partiesEditor:
      'Du kan välja din organisation och enheterna under den, och organisationer utanför kommunen. Samverkanssamordnaren lägger till andra förvaltningar.',
    focusAreas: 'De gemensamt prioriterade utvecklingsområden som avtalet tar upp.',
    contacts:
      'En person med konto i tjänsten och den part som hen företräder. Namnet visas på avtalets sida, e-postadressen visas inte.',
    visibility:
      'Ett internt avtal visas bara för dem som får ändra det, aldrig på de öppna sidorna eller i sökningen.',
    internalReason:
      'Till exempel "sekretess enligt OSL 19 kap." eller "arbetsmaterial". Krävs för ett internt avtal.',
  },
  partyLabel: (row: number) => `Part ${row}`,
  contactPersonLabel: (row: number) => `Kontaktperson ${row}`,
  contactPartyLabel: (row: number) => `Part som kontaktperson ${row} företräder`,
  contactRow: (row: number) => `Kontaktperson ${row}`,
  none: 'Ingen',
  noFocusAreas: 'Det finns inga prioriterade utvecklingsområden i registret ännu.',
  visibilities: { public: 'Offentligt', internal: 'Internt' },
  visibilityChoices: {
    public: 'Offentligt: visas på webbplatsen',
    internal: 'Internt: visas bara i arbetsytan',
  },
  /** After a save of an internal agreement, which has no public page to go back to. */
  savedInternal: 'Ändringen är sparad. Avtalet är internt och visas inte på de öppna sidorna.',
  createdInternal: 'Avtalet är tillagt. Det är internt och visas inte på de öppna sidorna.',
  publicPage: 'Avtalets sida',
  dateFormat: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-01-31.',
  noSuchDate: (issue: IssueContext) => `Datumet ${String(issue.input ?? '')} finns inte i kalendern.`,
  validToBeforeFrom: 'Slutdatumet kan inte vara före startdatumet. Kontrollera båda datumen.',
  partiesMissing: 'Välj minst en part.',
  partyTwice: 'Den här parten är redan vald på en rad ovanför. Välj en annan part eller Ingen.',
  partiesNotYours:
    'Minst en part måste vara din organisation eller en enhet under den; annars kan du inte ändra avtalet efteråt.',
  contactPersonMissing: 'Välj vem som är kontaktperson, eller välj Ingen part på raden.',
  contactPartyMissing: 'Välj vilken part kontaktpersonen företräder.',
  contactPartyNotParty:
    'Kontaktpersonen måste företräda en av avtalets parter. Välj den bland parterna ovan också.',
  contactTwice: 'Den här personen är redan kontaktperson på en rad ovanför.',
  internalReasonMissing:
    'Skriv varför avtalet är internt, till exempel "sekretess enligt OSL 19 kap." eller "arbetsmaterial".',
  partyGone:
    'Versionen kan inte återställas: en av dess parter är borttagen ur registret. Återställ parten först, eller ändra avtalet i stället.',
  contactGone:
    'Versionen kan inte återställas: en av dess kontaktpersoner har inte längre något konto. Ändra avtalet i stället.',
  workspace: {
    heading: 'Avtal du kan ändra',
    none: 'Du kan inte ändra några avtal.',
    internal: 'Internt',
    add: 'Lägg till ett avtal',
    deletedHeading: 'Borttagna avtal',
  },
  focusAreas: {
    createTitle: 'Lägg till ett prioriterat utvecklingsområde',
    editTitle: (name: string) => `Ändra ${name}`,
    fields: { name: 'Namn', description: 'Beskrivning' },
    hints: {
      name: 'Till exempel "Kompetensförsörjning".',
      description: 'Vad området omfattar. Valfritt.',
    },
    workspaceHeading: 'Prioriterade utvecklingsområden',
    workspaceIntro:
      'Områdena som avtal och aktiviteter kan prioritera. Bara samverkanssamordnaren ändrar dem.',
    none: 'Det finns inga områden ännu.',
    add: 'Lägg till ett område',
    deletedHeading: 'Borttagna utvecklingsområden',
  },
};
