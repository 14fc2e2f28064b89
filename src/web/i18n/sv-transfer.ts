import type { IssueContext } from './message-key.ts';

/** Import and export of the register (src/features/transfer). */
export const transferText = {
  title: 'Importera och exportera',
  intro:
    'Hämta registret som en fil att öppna i Excel, eller läs in organisationer från en fil. Filerna innehåller även interna poster: hantera dem därefter.',
  exportHeading: 'Exportera',
  exportCsv: (name: string) => `${name} (CSV för Excel)`,
  exportXlsx: (name: string) => `${name} (Excel)`,
  sheets: {
    organisations: 'Organisationer',
    agreements: 'Avtal',
    groups: 'Grupper',
    activities: 'Aktiviteter',
  },
  columns: {
    slug: 'Adress',
    name: 'Namn',
    title: 'Titel',
    shortName: 'Förkortning',
    kind: 'Typ',
    parentSlug: 'Ingår i (adress)',
    parentName: 'Ingår i',
    website: 'Webbplats',
    description: 'Beskrivning',
    outcomes: 'Resultat',
    outcomesUsedOn: 'Resultaten används sedan',
    diarienummer: 'Diarienummer',
    signedOn: 'Undertecknat',
    validFrom: 'Gäller från',
    validTo: 'Gäller till',
    startsOn: 'Startar',
    endsOn: 'Slutar',
    parties: 'Parter',
    organisations: 'Organisationer (adresser)',
    focusAreas: 'Prioriterade utvecklingsområden',
    agreement: 'Avtal',
    organisation: 'Organisation',
    seats: 'Antal platser',
    visibility: 'Synlighet',
    internalReason: 'Skäl till intern',
    updatedAt: 'Senast ändrad',
  },
  visibilities: { public: 'Offentlig', internal: 'Intern' },
  importHeading: 'Importera',
  importIntro:
    'Läs in en CSV- eller Excel-fil med samma kolumner som exporten av organisationer eller aktiviteter. En rad med en adress som finns ändrar den posten; en rad utan adress, eller med en ny, lägger till en. Du ser först vad som skulle hända, rad för rad, och bestämmer sedan.',
  importKind: 'Vad innehåller filen?',
  importKinds: { organisationer: 'Organisationer', aktiviteter: 'Aktiviteter' },
  kindWords: { organisationer: 'organisationer', aktiviteter: 'aktiviteter' },
  file: 'Fil (CSV eller Excel, högst 2 MB)',
  preview: 'Förhandsgranska',
  fileMissing: 'Välj en fil.',
  fileTooLarge: 'Filen är större än 2 MB.',
  fileUnreadable:
    'Filen kunde inte läsas som CSV eller Excel. Spara den som CSV (UTF-8) eller .xlsx och försök igen.',
  headersWrong: (issue: IssueContext) =>
    `Filen saknar kolumnerna ${String(issue.params?.missing ?? '')}. Utgå från en export av organisationer.`,
  tooManyRows: 'Filen har fler än 2 000 rader. Dela upp den.',
  previewTitle: 'Förhandsgranskning av importen',
  previewIntro: (file: string) => `Så här skulle ${file} ändra registret. Inget är sparat ännu.`,
  counts: (created: number, changed: number, unchanged: number, errors: number) =>
    `${created} nya, ${changed} ändrade, ${unchanged} oförändrade, ${errors} med fel.`,
  previewCaption: 'Raderna i filen',
  row: 'Rad',
  outcome: 'Resultat',
  what: 'Vad',
  outcomes: { created: 'Ny', changed: 'Ändras', unchanged: 'Oförändrad', error: 'Fel' },
  label: 'Namn eller adress',
  change: (field: string, before: string, after: string) =>
    `${field}: ${before || '(tomt)'} → ${after || '(tomt)'}`,
  noRows: 'Filen har inga rader under rubrikraden.',
  another: 'Läs in en annan fil',
  back: 'Till import och export',
  apply: 'Genomför importen',
  cannotApply:
    'Rätta raderna med fel i filen och läs in den igen. Ingenting importeras så länge någon rad har fel.',
  applied: (count: number, what: string) =>
    `Importen är genomförd: ${count} ${what} lades till eller ändrades.`,
  undo: 'Ångra importen',
  undone: 'Importen är ångrad.',
  changedSincePreview: (issue: IssueContext) =>
    `${String(issue.params?.name ?? '')} har ändrats i registret efter förhandsgranskningen. Ingenting importerades: läs in filen igen.`,
  alreadyApplied: 'Den här importen är redan genomförd eller ångrad.',
  undoChangedSince: (issue: IssueContext) =>
    `Importen kan inte ångras: ${String(issue.params?.names ?? '')} har ändrats efter importen. Återställ dem en och en från deras historik.`,
  note: (file: string) => `Importerad från ${file}`,
  undoNote: (file: string) => `Import från ${file} ångrad`,
  unknownParent: (issue: IssueContext) =>
    `Ingår i: det finns ingen organisation med adressen ${String(issue.params?.slug ?? '')}.`,
  unknownKind: 'Typ: skriv en av typerna i exporten, till exempel Förvaltning eller Enhet.',
  unknownActivityKind:
    'Typ: skriv en av typerna i exporten av aktiviteter, till exempel ULF-projekt eller Kurs.',
  unknownVisibility: 'Synlighet: skriv Offentlig eller Intern (tomt blir Offentlig).',
  unknownOrganisation: (issue: IssueContext) =>
    `Organisationer (adresser): det finns ingen organisation med adressen ${String(issue.params?.slug ?? '')}.`,
  unknownAgreement: (issue: IssueContext) =>
    `det finns inget avtal med adressen ${String(issue.params?.slug ?? '')}.`,
  tooManyOrganisations: (issue: IssueContext) =>
    `högst ${String(issue.params?.max ?? '')} organisationer per aktivitet.`,
  duplicateSlug: 'Adressen finns på mer än en rad.',
  deletedSlug: 'Organisationen med den adressen är borttagen. Återställ den först.',
};
