import type { Role } from '../../features/accounts/accounts.table.ts';

/** Typed as a complete record, so a role added without Swedish text is a type error. */
const roles: Record<Role, string> = {
  administrator: 'Administratör',
  coordinator: 'Samverkanssamordnare',
  editor: 'Redaktör',
  member: 'Medlem',
  placement_coordinator: 'Praktiksamordnare (lärosäte)',
};

/** Sign-in, sign-out, sessions, and the words for roles and ways in that every account page uses. */
export const authText = {
  roles,
  emailLinkMethod: 'E-postlänk',
  signIn: 'Logga in',
  signOut: 'Logga ut',
  signedInAs: (name: string) => `Inloggad som ${name}`,
  myDetails: 'Mina uppgifter',
  accountMenuLabel: 'Konto',
  feedbackViewer: 'Återkoppling',
  administration: 'Administration',
  signInTitle: 'Logga in',
  signInIntro:
    'Här loggar du in för att arbeta med samverkan. Allt som visas för invånare går att läsa utan att logga in.',
  withProviderHeading: 'Med konto från din organisation',
  withProvider: (name: string) => `Logga in med ${name}`,
  withLinkHeading: 'Med en länk i e-post',
  withLinkIntro:
    'Forskare, studenter och andra utan konto hos kommunen loggar in med en länk som vi skickar till din e-postadress. Länken gäller i 15 minuter och kan användas en gång.',
  emailLabel: 'E-postadress',
  emailHint: 'Till exempel namn@example.se',
  sendLink: 'Skicka inloggningslänk',
  emailMissing: 'Skriv din e-postadress.',
  emailInvalid: 'Skriv en e-postadress med @ och en domän, till exempel namn@example.se.',
  errorSummary: 'Det gick inte att skicka länken',
  linkSentTitle: 'Titta i din e-post',
  linkSentBody: (email: string) =>
    `Om ${email} kan användas för att logga in har vi skickat en länk dit. Den gäller i 15 minuter och kan användas en gång. Kommer inget mejl? Titta i skräpposten eller be om en ny länk.`,
  requestNewLink: 'Be om en ny länk',
  confirmTitle: 'Logga in med länken',
  confirmBody: 'Tryck på knappen för att logga in. Länken går inte att använda igen efteråt.',
  confirmButton: 'Logga in',
  linkDeadTitle: 'Länken går inte att använda',
  linkDeadBody:
    'Länken har redan använts, är äldre än 15 minuter eller är felaktig. Be om en ny länk så skickar vi en till.',
  disabledTitle: 'Kontot är avstängt',
  disabledBody:
    'Ditt konto är avstängt. Kontakta en administratör på Huddinge kommun om du tror att det är fel.',
  signedOutTitle: 'Du är utloggad',
  signedOutBody: 'Du har loggat ut. Din session är avslutad.',
  signedOutEverywhere: 'Du har loggats ut på alla enheter.',
  sessionEnded: 'Din session har tagit slut. Logga in igen för att fortsätta.',
  signInRequiredTitle: 'Logga in för att fortsätta',
  signInRequiredBody: 'Sidan är bara för inloggade. Logga in så kommer du tillbaka hit.',
  notAllowedTitle: 'Du har inte behörighet',
  notAllowedBody:
    'Ditt konto har inte behörighet till den här sidan. Kontakta en administratör om du behöver den.',
  tooManyLinksTitle: 'För många inloggningslänkar',
  tooManyLinksBody:
    'Vi har skickat många länkar på kort tid. Vänta en stund och försök igen, eller använd en länk du redan fått.',
  mail: {
    signInSubject: 'Din inloggningslänk till Samverkan',
    signInBody: (link: string) =>
      `Hej!\n\nNågon (förhoppningsvis du) bad om en inloggningslänk till Samverkan med akademierna, Huddinge kommun.\n\nLogga in här inom 15 minuter:\n${link}\n\nLänken kan användas en gång. Bad du inte om den kan du bortse från mejlet.\n`,
    invitationSubject: 'Inbjudan till Samverkan med akademierna',
    invitationBody: (link: string, inviter: string) =>
      `Hej!\n\n${inviter} har bjudit in dig till Samverkan med akademierna, Huddinge kommuns plattform för samverkan med lärosätena.\n\nLogga in första gången här (länken gäller i 7 dagar och kan användas en gång):\n${link}\n\nSenare loggar du in på samma webbplats med en ny länk till din e-post.\n`,
  },
  devMail: {
    title: 'Utskickade mejl (utveckling)',
    intro:
      'Den här sidan finns bara i utvecklingsläge utan SMTP-server. Här syns mejl som annars skulle ha skickats, senaste först.',
    empty: 'Inga mejl ännu.',
    to: 'Till',
    subject: 'Ämne',
    sentAt: 'Köad',
  },
};
