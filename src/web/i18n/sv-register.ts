import type { IssueContext } from './message-key.ts';

/** The register workspace: editing, history, restoring (src/features/register and each record's feature). */
export const registerText = {
  edit: 'Ändra',
  history: 'Historik',
  save: 'Spara',
  cancel: 'Avbryt',
  delete: 'Ta bort',
  create: 'Lägg till',
  saved: 'Ändringen är sparad.',
  created: 'Posten är tillagd.',
  deleted: 'Posten är borttagen. Den finns kvar i historiken och kan återställas.',
  restored: 'Versionen är återställd.',
  unchanged: 'Inget ändrades.',
  errorSummary: 'Det gick inte att spara',
  required: 'Fyll i fältet.',
  tooLong: (issue: IssueContext) =>
    `Texten är för lång: ${String(issue.input ?? '').length} tecken. Korta den.`,
  controlCharacters: 'Texten innehåller tecken som inte kan sparas. Ta bort dem.',
  urlInvalid: 'Skriv en fullständig adress som börjar med https:// eller http://.',
  choiceMissing: 'Välj ett alternativ i listan.',
  staleVersion:
    'Någon annan sparade en ändring medan du skrev. Jämför med den sparade versionen nedan; det du skrev finns kvar. Spara igen för att skriva över.',
  savedVersionHeading: 'Så här ser den sparade versionen ut nu',
  historyTitle: (name: string) => `Historik: ${name}`,
  historyIntro: 'Varje ändring sparas med vem som gjorde den, när, och vad fälten var före och efter.',
  historyRestorable: 'Samverkanssamordnaren kan återställa en tidigare version.',
  historyCaption: 'Ändringar, senaste först',
  historyEmpty: 'Inga ändringar är sparade ännu.',
  version: 'Version',
  when: 'När',
  who: 'Vem',
  what: 'Vad',
  system: 'Systemet',
  noValue: '(tomt)',
  restore: 'Återställ den här versionen',
  restoreNote: (version: number) => `Återställd till version ${version}`,
  actions: {
    created: 'Skapad',
    changed: 'Ändrad',
    deleted: 'Borttagen',
    restored: 'Återställd',
    imported: 'Importerad',
  },
  deleteTitle: (name: string) => `Ta bort ${name}?`,
  deleteBody:
    'Posten försvinner från alla sidor. Den finns kvar i historiken, och samverkanssamordnaren kan återställa den.',
  deleteConfirm: 'Ja, ta bort',
  deletedNotice: 'Borttagen',
  organisation: {
    editTitle: (name: string) => `Ändra ${name}`,
    createTitle: 'Lägg till en organisation',
    createUnder: (name: string) => `Lägg till en organisation under ${name}`,
    addChild: 'Lägg till en organisation under den här',
    fields: {
      name: 'Namn',
      shortName: 'Förkortning',
      kind: 'Typ',
      parentId: 'Ingår i',
      website: 'Webbplats',
      description: 'Beskrivning',
    },
    hints: {
      shortName: 'Till exempel SH eller KI. Valfritt.',
      parent: 'Den organisation den här ingår i, till exempel förvaltningen en skola hör till.',
      website: 'Till exempel https://www.sh.se. Valfritt.',
    },
    noParent: 'Ingen (överst i trädet)',
    parentInOwnTree: 'En organisation kan inte ingå i sig själv eller i en organisation som ingår i den.',
    restoreIntoOwnTree:
      'Versionen kan inte återställas: organisationen den ingick i ingår nu själv i den här. Flytta först den andra organisationen.',
    parentNotAllowed: 'Du kan bara flytta organisationen in under en organisation som du får ändra.',
    parentGone:
      'Versionen kan inte återställas: organisationen den ingick i är borttagen. Återställ den först, eller ändra organisationen i stället.',
    deleteRefused: (issue: IssueContext) =>
      `Organisationen kan inte tas bort eftersom den används: ${String(issue.params?.uses ?? '')}. Ta bort eller ändra kopplingarna först.`,
    usedByAgreements: (names: string) => `part i avtalen ${names}`,
    usedByGroups: (names: string) => `företrädd i grupperna ${names}`,
    usedByActivities: (names: string) => `med i aktiviteterna ${names}`,
    usedByChildren: (names: string) => `har underorganisationerna ${names}`,
  },
};

/** The workspace start page (/arbetsyta). */
export const workspaceText = {
  title: 'Arbetsyta',
  introCoordinator:
    'Här håller du registret aktuellt: organisationer, avtal, grupper och aktiviteter. Varje ändring sparas med historik.',
  introEditor: 'Här håller du din organisations del av registret aktuell. Varje ändring sparas med historik.',
  /** For someone who edits no part of the register (a researcher, a student, a placement coordinator). */
  introMember: 'Här följer du dina svar på behov och de samarbeten du har registrerat.',
  introPlacementCoordinator:
    'Här följer du dina svar på behov, de samarbeten du har registrerat och lärosätets förfrågningar om praktikplatser.',
  canDo: 'Det här kan du göra:',
  answerBriefs: 'Svara på ett behov i behovsbanken',
  registerCollaboration: 'Registrera ett samarbete',
  requestPlaces: 'Be om praktikplatser hos kommunens enheter',
  organisationsHeading: 'Organisationer du kan ändra',
  nothingToEdit:
    'Organisationerna du är redaktör för finns inte längre i registret. Be en administratör om en ny roll.',
  deletedHeading: 'Borttagna organisationer',
};
