import type { BriefResponseStatus as Status } from '../../features/needs/needs.table.ts';
import type { IssueContext } from './message-key.ts';

const signature = '\n\nHälsningar\nSamverkan med akademierna, Huddinge kommun';

/** A stage as it agrees with "svaret" (neuter): "svaret är antaget", never "svaret är antagen". */
const neuter: Record<Status, string> = {
  submitted: 'inskickat',
  in_review: 'under bedömning',
  accepted: 'antaget',
  declined: 'avböjt',
  completed: 'genomfört',
};

/** A stage code from a refusal's params, in its neuter form (an unknown one as it came). */
const neuterOf = (value: unknown) => neuter[String(value ?? '') as Status] ?? String(value ?? '');

/**
 * Answers to the needs bank's briefs (src/features/needs/brief-responses.*): the answer form, the sign-up
 * to competence development, an answer's page with its stages, the mails and the workspace's sections.
 */
export const briefResponsesText = {
  answerTitle: (brief: string) => `Svara på: ${brief}`,
  signUpTitle: (brief: string) => `Anmäl dig: ${brief}`,
  answerIntro:
    'Beskriv kort vem du är, var du finns och hur du skulle ta dig an frågan. Den som står bakom behovet läser ditt svar och hör av sig; du får ett mejl vid varje steg.',
  signUpIntro:
    'Anmäl dig till kompetensutvecklingen. Den som erbjuder den går igenom anmälningarna, och du får ett mejl vid varje steg.',
  aboutBrief: 'Om behovet',
  deadline: (date: string) => `Sista dag att svara: ${date}.`,
  fields: {
    name: 'Ditt namn',
    email: 'Din e-postadress',
    role: 'Du svarar som',
    institutionId: 'Lärosäte',
    otherInstitution: 'Namn på lärosätet',
    organisationId: 'Förvaltning eller enhet där du arbetar',
    programme: 'Program, ämne eller institution',
    approach: 'Hur skulle du ta dig an det?',
    motivation: 'Vad vill du få ut av det?',
    timing: 'När?',
    startsOn: 'Från',
    endsOn: 'Till',
  },
  hints: {
    /** Mails about the answer go to the account's own address, never the one typed (anyone's). */
    email: (accountAddress: string | null) =>
      accountAddress
        ? `Den som står bakom behovet ser adressen och kan svara dig på den. Beskeden om ditt svar skickas till ditt kontos adress, ${accountAddress}.`
        : 'Den som står bakom behovet ser adressen och kan svara dig på den. Ditt konto har ingen e-postadress, så beskeden om ditt svar syns bara på svarets sida och under Arbetsyta.',
    otherInstitution: 'Bara om du valde ”Annat lärosäte” i listan ovan.',
    programme: 'Till exempel ”Lärarprogrammet, termin 7” eller ”Institutionen för socialt arbete”.',
    approach:
      'Några meningar: metod, vilka som är med, vad du behöver av verksamheten och vad den får tillbaka.',
    motivation: 'Valfritt. Några ord om vad du hoppas lära dig.',
    timing: 'Med egna ord, till exempel ”vårterminen 2027” eller ”under ett examensarbete på 15 hp”.',
    period: 'Valfritt. Skriv datum som ÅÅÅÅ-MM-DD.',
  },
  roles: {
    researcher: 'Forskare',
    teacher: 'Lärare',
    student: 'Student',
    staff: 'Medarbetare i kommunen',
  },
  chooseInstitution: 'Välj lärosäte',
  otherInstitution: 'Annat lärosäte',
  chooseOrganisation: 'Välj förvaltning eller enhet',
  periodLegend: 'Datum',
  submit: 'Skicka svaret',
  submitSignUp: 'Anmäl mig',
  cancel: 'Tillbaka till behovet',
  errorSummary: 'Svaret kunde inte skickas',
  required: 'Fyll i fältet.',
  approachMissing: 'Beskriv hur du skulle ta dig an det.',
  roleMissing: 'Välj om du svarar som forskare, lärare eller student.',
  institutionMissing: 'Välj lärosäte i listan, eller ”Annat lärosäte”.',
  otherInstitutionMissing: 'Skriv namnet på lärosätet.',
  otherInstitutionNotChosen:
    'Du har valt ett lärosäte i listan. Töm fältet, eller välj ”Annat lärosäte” i listan.',
  organisationMissing: 'Välj förvaltningen eller enheten där du arbetar.',
  emailInvalid: 'Skriv en e-postadress, till exempel namn@example.se.',
  dateInvalid: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-01-15.',
  endBeforeStart: 'Till-datumet kan inte vara före från-datumet.',
  /** Why an answer cannot be sent (a page of its own). */
  refused: {
    title: 'Det går inte att svara på behovet',
    closed: 'Behovet är stängt och tar inte emot fler svar.',
    pastDeadline: (issue: IssueContext) =>
      `Sista dag att svara var ${String(issue.params?.deadline ?? '')}. Behovet tar inte emot fler svar.`,
    deleted: 'Behovet har tagits bort och tar inte emot svar.',
    unpublished: 'Behovet är inte publicerat ännu och tar inte emot svar.',
    internal:
      'Behovet är internt: bara den som arbetar i organisationen bakom det, och samverkanssamordnaren, kan svara.',
    backToBank: 'Till behovsbanken',
    duplicateTitle: 'Du har redan svarat',
    duplicate: 'Du har redan svarat på det här behovet. Du kan bara svara en gång, men du kan se ditt svar.',
    toYourAnswer: 'Till ditt svar',
  },
  statuses: {
    submitted: 'Inskickad',
    in_review: 'Under bedömning',
    accepted: 'Antagen',
    declined: 'Avböjd',
    completed: 'Genomförd',
  },
  /** One answer's page. */
  page: {
    title: (brief: string) => `Svar på: ${brief}`,
    signUpTitle: (brief: string) => `Anmälan till: ${brief}`,
    sent: 'Tack! Ditt svar är inskickat. Du får ett mejl när det har bedömts.',
    /** The owner's notice after a move, per stage the answer moved to. */
    moved: (status: Status) =>
      ({
        submitted: 'Svaret är inskickat.',
        in_review: 'Svaret är nu under bedömning. Den som svarade får ett mejl om det.',
        accepted:
          'Svaret är antaget, och samarbetet är inlagt som en aktivitet i registret. Den som svarade får ett mejl om det.',
        declined: 'Svaret är avböjt. Den som svarade får ett mejl med skälet.',
        completed: 'Svaret är markerat som genomfört. Den som svarade får ett mejl om det.',
      })[status],
    brief: 'Behov',
    status: 'Status',
    responder: 'Svarat av',
    role: 'Som',
    institution: 'Lärosäte',
    organisation: 'Arbetar i',
    programme: 'Program, ämne eller institution',
    approach: 'Upplägg',
    motivation: 'Vad hen vill få ut av det',
    timing: 'När',
    period: 'Datum',
    submittedAt: 'Inskickat',
    reason: 'Skäl',
    activity: 'Blev aktiviteten',
    hiddenActivity: 'En aktivitet som inte är offentlig',
    notPublic: 'inte offentlig',
    stagesHeading: 'Steg',
    backToWorkspace: 'Till arbetsytan',
    noMoves: 'Svaret är färdigbehandlat.',
    /** What the responder reads under their answer, per stage. */
    responderNote: (status: Status) =>
      ({
        submitted:
          'Den som står bakom behovet läser ditt svar och hör av sig. Vill du dra tillbaka det, skriv till kontaktpersonen för behovet, så avböjs det.',
        in_review:
          'Den som står bakom behovet bedömer ditt svar. Vill du dra tillbaka det, skriv till kontaktpersonen för behovet, så avböjs det.',
        accepted:
          'Ditt svar är antaget, och samarbetet finns nu i registret. Den som står bakom behovet hör av sig om hur ni går vidare.',
        declined: 'Ditt svar är avböjt. Du kan svara på andra behov i behovsbanken.',
        completed: 'Samarbetet som började med ditt svar är genomfört. Tack för att du var med!',
      })[status],
  },
  /** The owner's form that moves an answer on. */
  move: {
    heading: 'Nästa steg',
    intro: 'Flytta svaret till nästa steg. Den som svarade får ett mejl.',
    acceptedNote:
      '”Antagen” lägger in samarbetet som en aktivitet i registret, kopplad till behovets organisation, mål och områden.',
    status: 'Nytt steg',
    reason: 'Skäl',
    reasonHint: 'Krävs när svaret avböjs. Skälet skickas till den som svarade.',
    submit: 'Spara steget',
    errorSummary: 'Steget kunde inte sparas',
    statusMissing: 'Välj nästa steg.',
    reasonMissing: 'Skriv varför svaret avböjs. Skälet skickas till den som svarade.',
    notAllowedTitle: 'Steget går inte att ta',
    notAllowed: (issue: IssueContext) =>
      `Ett svar som är ${neuterOf(issue.params?.from)} kan inte bli ${neuterOf(issue.params?.to)}.`,
    staleTitle: 'Svaret har ändrats',
    stale: (issue: IssueContext) =>
      `Någon annan ändrade svaret medan du hade sidan öppen: det är nu ${neuterOf(issue.params?.status)}. Ditt steg sparades inte.`,
    backToAnswer: 'Till svaret',
    organisationGone:
      'Organisationen bakom behovet har tagits bort ur registret. Återställ den först, eller avböj svaret.',
    historyNote: (id: number, brief: string, responder: string) =>
      `Från svar nr ${id} på behovet ”${brief}” av ${responder}`,
  },
  /** What an accepted answer becomes in the register. */
  activity: {
    title: (brief: string, institution: string) => `${brief} – ${institution}`,
    description: (question: string, approach: string, timing: string) =>
      [question, approach ? `Upplägg: ${approach}` : '', timing ? `När: ${timing}` : '']
        .filter(Boolean)
        .join('\n\n'),
  },
  /** On the public brief page: the activities the brief has become. */
  outcomes: {
    heading: 'Det här blev',
    intro: 'Samarbeten i registret som började som svar på behovet:',
  },
  /** Mails through the outbox. */
  mail: {
    receivedSubject: (brief: string) => `Ditt svar på ”${brief}” har kommit fram`,
    receivedBody: (brief: string, url: string) =>
      `Hej!\n\nTack för ditt svar på behovet ”${brief}”. Den som står bakom behovet läser det och hör av sig. Du får ett mejl vid varje steg.\n\nDitt svar:\n${url}${signature}`,
    newAnswerSubject: (brief: string) => `Nytt svar på ”${brief}”`,
    newAnswerBody: (brief: string, name: string, url: string) =>
      `Hej!\n\n${name} har svarat på behovet ”${brief}” i behovsbanken. Läs svaret och ta det vidare här (du behöver logga in):\n\n${url}${signature}`,
    /** The subject of a move's mail, per stage the answer moved to. */
    movedSubject: (brief: string, status: Status) =>
      ({
        submitted: `Ditt svar på ”${brief}” är inskickat`,
        in_review: `Ditt svar på ”${brief}” bedöms nu`,
        accepted: `Ditt svar på ”${brief}” är antaget`,
        declined: `Ditt svar på ”${brief}” är avböjt`,
        completed: `Ditt svar på ”${brief}”: samarbetet är genomfört`,
      })[status],
    inReviewBody: (brief: string, url: string) =>
      `Hej!\n\nDitt svar på behovet ”${brief}” bedöms nu av den som står bakom behovet.\n\nDitt svar:\n${url}${signature}`,
    acceptedBody: (brief: string, activityUrl: string, url: string) =>
      `Hej!\n\nDitt svar på behovet ”${brief}” är antaget. Samarbetet finns nu i registret:\n\n${activityUrl}\n\nDitt svar:\n${url}${signature}`,
    acceptedInternalBody: (brief: string, url: string) =>
      `Hej!\n\nDitt svar på behovet ”${brief}” är antaget och samarbetet är inlagt i registret (internt, så det visas inte på webbplatsen).\n\nDitt svar:\n${url}${signature}`,
    declinedBody: (brief: string, reason: string, url: string) =>
      `Hej!\n\nDitt svar på behovet ”${brief}” har avböjts.\n\nSkäl:\n${reason}\n\nDitt svar:\n${url}${signature}`,
    completedBody: (brief: string, url: string) =>
      `Hej!\n\nSamarbetet som började med ditt svar på behovet ”${brief}” är markerat som genomfört. Tack för att du var med!\n\nDitt svar:\n${url}${signature}`,
  },
  /** The workspace's sections. */
  workspace: {
    mineHeading: 'Mina svar',
    mineEmpty: 'Du har inte svarat på något behov ännu.',
    reviewHeading: 'Svar att bedöma',
    reviewEmpty: 'Inga svar väntar på bedömning.',
    reviewCounts: (waiting: number) =>
      waiting === 1 ? '1 svar väntar på bedömning.' : `${waiting} svar väntar på bedömning.`,
    reviewMore: (shown: number, total: number) => `Visar de ${shown} äldsta av ${total}.`,
    from: (name: string, institution: string) =>
      institution ? `Från ${name}, ${institution}` : `Från ${name}`,
    submittedAt: 'Inskickat',
  },
};
