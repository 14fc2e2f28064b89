import type { IssueContext } from './message-key.ts';
/** Mina uppgifter: a person's own details, export and erasure (src/features/account). */
export const accountText = {
  title: 'Mina uppgifter',
  intro:
    'Här ser du vad Samverkan med akademierna har sparat om dig. Du kan ändra uppgifterna, ladda ner allt som finns om dig och be oss radera dina personuppgifter.',
  saved: 'Dina uppgifter är sparade.',
  unchanged: 'Du ändrade ingenting, så inget behövde sparas.',
  detailsHeading: 'Dina uppgifter',
  name: 'Namn',
  email: 'E-postadress',
  keywords: 'Kunskapsområden',
  language: 'Språk',
  lastSignIn: 'Senast inloggad',
  notGiven: 'Inte angivet',
  noKeywords: 'Inga angivna',
  languages: { sv: 'Svenska', en: 'English' } as Record<'sv' | 'en', string>,
  organisationsHeading: 'Organisationer och roller',
  organisationsCaption: 'Organisationer du är med i och din roll i var och en',
  organisation: 'Organisation',
  role: 'Roll',
  noOrganisations:
    'Du är inte med i någon organisation. En administratör lägger till organisationer och roller.',
  groupsHeading: 'Grupper',
  noGroups: 'Du är inte med i någon grupp.',
  identitiesHeading: 'Sätt att logga in',
  identitiesCaption: 'Sätt som du kan logga in på',
  method: 'Sätt',
  account: 'Konto',
  added: 'Tillagt',
  providerAccount: 'Konto hos organisationen',
  noIdentities: 'Inga sätt att logga in finns sparade.',
  editHeading: 'Ändra dina uppgifter',
  errorSummary: 'Uppgifterna kunde inte sparas',
  nameHint: 'Så som du vill att andra ser det, högst 100 tecken.',
  emailHint:
    'Adressen vi kontaktar dig på. Att ändra den här ändrar inte hur du loggar in: inloggningslänkar skickas fortfarande till adressen du loggar in med, och konton hos din organisation påverkas inte. Lämna tomt om du inte vill ange någon.',
  keywordsHint:
    'Ämnen du kan och vill samverka kring, åtskilda med kommatecken, till exempel: skolutveckling, folkhälsa, digitalisering. Högst 30 stycken, vart och ett högst 50 tecken.',
  save: 'Spara uppgifterna',
  nameMissing: 'Skriv ditt namn.',
  nameTooLong: (issue: IssueContext) =>
    `Namnet får vara högst 100 tecken. Du skrev ${String(issue.input ?? '').length}.`,
  emailInvalid:
    'Skriv en e-postadress med @ och en domän, till exempel namn@example.se, eller lämna fältet tomt.',
  keywordTooLong: (issue: IssueContext) =>
    `Varje kunskapsområde får vara högst 50 tecken. ”${String(issue.params?.keyword ?? '').slice(0, 20)}…” är för långt.`,
  tooManyKeywords: (issue: IssueContext) =>
    `Skriv högst 30 kunskapsområden. Du skrev ${String(issue.params?.count ?? '')}.`,
  languageMissing: 'Välj språk.',
  sessionsHeading: 'Inloggningar',
  activeSessions: (count: number) =>
    count === 1
      ? 'Du är inloggad på 1 ställe just nu (den här webbläsaren).'
      : `Du är inloggad på ${count} ställen just nu, den här webbläsaren medräknad.`,
  signOutEverywhereIntro:
    'Har du loggat in på en dator som andra använder, eller tappat bort en telefon? Logga ut överallt så avslutas alla dina inloggningar, också den här.',
  signOutEverywhere: 'Logga ut överallt',
  exportHeading: 'Ladda ner dina uppgifter',
  exportIntro:
    'Du kan ladda ner allt vi har sparat om dig som en fil i formatet JSON: dina uppgifter, sätt att logga in, roller, grupper, inloggningar, skickade inloggningslänkar och mejl, och loggen över vad som gjorts med ditt konto.',
  exportLink: 'Ladda ner mina uppgifter (JSON)',
  erasureHeading: 'Radera dina uppgifter',
  erasureLinkIntro:
    'Du kan be oss radera dina personuppgifter. Då loggas du ut och kan inte logga in på kontot igen.',
  erasureLink: 'Be om radering av mina uppgifter',
  export: {
    about:
      'Allt som Samverkan med akademierna, Huddinge kommun, har sparat om dig. Inloggningslänkarnas och sessionernas hemliga nycklar finns inte med.',
    removedToken: '[borttagen]',
    /** Replaces an erased person's name or address in the audit log. */
    scrubbed: '[raderad]',
  },
  erasure: {
    title: 'Radera mina uppgifter',
    intro: 'Om du ber om radering tar vi bort dina personuppgifter från Samverkan med akademierna:',
    removed: [
      'ditt namn och din e-postadress',
      'dina kunskapsområden och ditt språkval',
      'dina sätt att logga in, så att kontot inte går att logga in på igen',
      'dina roller i organisationer och ditt medlemskap i grupper',
      'dina inloggningar och inloggningslänkar, och mejl som skickats till dig härifrån',
    ],
    logNote:
      'Loggen över vad som gjorts med konton finns kvar, men ditt namn och din e-postadress tas bort ur den. Där står du bara som ett nummer.',
    publicRecordIntro: 'Du är namngiven kontaktperson i avtal:',
    publicRecordKept:
      'Avtalen är allmänna handlingar. Enligt offentlighetsprincipen (tryckfrihetsförordningen 2 kap.) har alla rätt att ta del av dem, och kommunen måste bevara dem. Därför raderas inte ditt namn och din e-postadress som kontaktperson i avtalen (dataskyddsförordningen artikel 17.3). Uppgifterna markeras så att de bara används för avtalen. Allt annat raderas.',
    confirmLegend: 'Bekräfta',
    confirmLabel: 'Jag vill att mina uppgifter raderas. Jag förstår att det inte går att ångra.',
    lastAdministrator:
      'Du är den enda administratören. Ge någon annan rollen administratör först, så att plattformen inte står utan administratör, och begär sedan radering.',
    confirmMissing: 'Kryssa i rutan för att bekräfta att du vill att dina uppgifter raderas.',
    errorSummary: 'Uppgifterna raderades inte',
    submit: 'Radera mina uppgifter',
    cancel: 'Avbryt och gå tillbaka till Mina uppgifter',
    doneTitle: 'Dina uppgifter är raderade',
    doneBody:
      'Vi har tagit bort dina personuppgifter och du är utloggad. Kontot går inte att logga in på igen. Vill du använda Samverkan med akademierna igen kan du logga in på nytt som en ny användare.',
    doneRemovedIntro: 'Det här har tagits bort:',
    keptTitle: 'Det mesta av dina uppgifter är raderat',
    keptBody:
      'Vi har tagit bort dina uppgifter och du är utloggad. Kontot går inte att logga in på igen. Ditt namn och din e-postadress finns kvar, men bara som kontaktperson i avtalen nedan.',
    keptRemoved: [
      'dina kunskapsområden och ditt språkval',
      'dina sätt att logga in',
      'dina roller i organisationer och ditt medlemskap i grupper',
      'dina inloggningar, oanvända inloggningslänkar och mejl som skickats till dig härifrån',
    ],
    keptWhyHeading: 'Varför finns ditt namn kvar?',
    keptAgreementsCaption: 'Avtal där du är namngiven kontaktperson',
    agreement: 'Avtal',
    diarienummer: 'Diarienummer',
    toStart: 'Till startsidan',
  },
};
