import type { IssueContext } from './message-key.ts';

/** Registrera ett samarbete, the review queue and "Mina förslag" (src/features/proposals). */
export const proposalsText = {
  register: 'Registrera ett samarbete',
  intro:
    'Berätta kort om ett samarbete med ett lärosäte som pågår eller har börjat. Det tar en minut. Samverkanssamordnaren granskar förslaget och lägger in det i registret, och du får ett mejl när det är klart.',
  fields: {
    title: 'Vad handlar samarbetet om?',
    description: 'Kort beskrivning',
    universityId: 'Lärosäte',
    otherUniversity: 'Namn på lärosätet',
    organisationId: 'Förvaltning eller enhet',
    contactName: 'Kontaktperson',
    contactEmail: 'Kontaktpersonens e-postadress',
    startsOn: 'Från',
    endsOn: 'Till',
    goalId: 'Bidrar till målet',
    match: 'Finns samarbetet redan?',
  },
  hints: {
    title: 'En rubrik, till exempel ”Läsfrämjande arbete i förskolan”.',
    description: 'Några meningar om vad ni gör tillsammans. Valfritt.',
    otherUniversity: 'Bara om du valde ”Annat lärosäte” i listan ovan.',
    organisationId: 'Den del av kommunen som är med.',
    contact: 'Den som kan svara på frågor om samarbetet. Visas bara för dig och samverkanssamordnaren.',
    period: 'Skriv datum som ÅÅÅÅ-MM-DD. Valfritt; lämna ”Till” tomt om samarbetet pågår tills vidare.',
  },
  chooseUniversity: 'Välj lärosäte',
  otherUniversity: 'Annat lärosäte',
  chooseOrganisation: 'Välj förvaltning eller enhet',
  noGoal: 'Inget särskilt mål',
  periodLegend: 'Period',
  submit: 'Skicka in',
  errorSummary: 'Förslaget kunde inte skickas in',
  /** The second step: likely duplicates. */
  matches: {
    heading: 'Finns samarbetet redan i registret?',
    intro: (count: number) =>
      count === 1
        ? 'Det finns ett samarbete i registret som liknar ditt.'
        : `Det finns ${count} samarbeten i registret som liknar ditt.`,
    how: 'Vi jämför titeln, lärosätet och förvaltningen med det som redan finns, utan hänsyn till stora och små bokstäver eller prickar och ringar (å, ä, ö).',
    why: 'Varför det visas:',
    similarTitle: 'liknande titel',
    sameParties: 'samma lärosäte och förvaltning',
    internal: 'Intern',
    join: 'Det här är samma samarbete – gå med i det',
    new: 'Det är ett nytt samarbete – skicka in',
    choose: 'Välj om ditt samarbete är ett av dem ovan, eller ett nytt, och skicka sedan in.',
  },
  required: 'Fyll i fältet.',
  universityMissing: 'Välj lärosäte i listan, eller ”Annat lärosäte”.',
  otherUniversityMissing: 'Skriv namnet på lärosätet.',
  otherUniversityNotChosen:
    'Du har valt ett lärosäte i listan. Töm fältet, eller välj ”Annat lärosäte” i listan.',
  organisationMissing: 'Välj förvaltning eller enhet i listan.',
  emailInvalid: 'Skriv en e-postadress, till exempel namn@huddinge.se.',
  dateInvalid: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-09-01.',
  endBeforeStart: 'Till-datumet kan inte vara före från-datumet.',
  goalMissing: 'Välj ett mål i listan, eller ”Inget särskilt mål”.',
  matchMissing: 'Välj om det är ett av samarbetena ovan eller ett nytt samarbete.',
  matchGone: 'Det samarbetet finns inte längre i registret. Välj ett annat, eller skicka in ett nytt.',
  statuses: {
    submitted: 'Inskickad',
    accepted: 'Antagen',
    merged: 'Sammanslagen',
    declined: 'Avböjd',
  },
  kinds: {
    new: 'Nytt samarbete',
    join: 'Vill gå med i ett samarbete',
  },
  /** A proposal's own page. */
  page: {
    title: (title: string) => `Förslag: ${title}`,
    submitted:
      'Tack! Förslaget är inskickat. Samverkanssamordnaren granskar det, och du får ett mejl när det är avgjort.',
    accepted: 'Förslaget är antaget och finns nu i registret. Den som föreslog det får ett mejl.',
    merged: 'Förslaget är sammanslaget med aktiviteten. Den som föreslog det får ett mejl.',
    declined: 'Förslaget är avböjt. Den som föreslog det får ett mejl med skälet.',
    status: 'Status',
    kind: 'Slag',
    joins: 'Samma som',
    proposer: 'Föreslaget av',
    submittedAt: 'Inskickat',
    decidedAt: 'Avgjort',
    decidedBy: 'Avgjort av',
    reason: 'Skäl',
    activity: 'Aktivitet',
    university: 'Lärosäte',
    notPublic: 'inte offentlig',
    hiddenActivity: 'En aktivitet som inte är offentlig',
    backToWorkspace: 'Till arbetsytan',
  },
  /** The coordinator's decision forms. */
  review: {
    heading: 'Granska förslaget',
    intro:
      'Anta förslaget som en ny aktivitet, slå ihop det med en aktivitet som redan finns, eller avböj det med ett skäl. Den som föreslog det får ett mejl om beslutet.',
    matchesHeading: 'Liknande aktiviteter i registret',
    noMatches: 'Inga liknande aktiviteter hittades.',
    acceptHeading: 'Anta som ny aktivitet',
    acceptIntro:
      'Förslaget blir en offentlig aktivitet med förslagets titel, beskrivning, period, parter och mål.',
    kind: 'Typ av aktivitet',
    chooseKind: 'Välj typ',
    accept: 'Anta',
    mergeHeading: 'Slå ihop med en aktivitet som finns',
    mergeIntro: 'Förvaltningen eller enheten och lärosätet i förslaget läggs till som parter i aktiviteten.',
    activity: 'Aktivitet',
    chooseActivity: 'Välj aktivitet',
    merge: 'Slå ihop',
    declineHeading: 'Avböj',
    reason: 'Skäl',
    reasonHint: 'Skälet skickas till den som föreslog samarbetet.',
    decline: 'Avböj förslaget',
    university: 'Lärosäte i registret',
    universityHint: (name: string) => `Förslaget nämner ”${name}”, som inte finns i registret.`,
    chooseUniversity: 'Välj lärosäte',
    addUniversity: (name: string) => `Lägg till ”${name}” som nytt lärosäte`,
    errorSummary: 'Beslutet kunde inte sparas',
    kindMissing: 'Välj typ av aktivitet.',
    activityMissing: 'Välj en aktivitet i listan.',
    activityGone: 'Aktiviteten finns inte längre i registret. Välj en annan.',
    universityChoiceMissing: 'Välj ett lärosäte i listan, eller lägg till det som nytt.',
    universityGone:
      'Lärosätet i förslaget har tagits bort ur registret. Återställ det först, eller avböj förslaget.',
    organisationGone:
      'Förvaltningen eller enheten i förslaget har tagits bort ur registret. Återställ den först, eller avböj förslaget.',
    reasonMissing: 'Skriv varför förslaget avböjs. Skälet skickas till den som föreslog det.',
    alreadyDecidedTitle: 'Förslaget är redan avgjort',
    alreadyDecided: (issue: IssueContext) =>
      `Någon annan avgjorde förslaget precis innan: det är nu ${String(issue.params?.status ?? '')}. Ditt beslut sparades inte.`,
    backToProposal: 'Till förslaget',
    historyNote: (id: number, proposer: string) => `Från förslag nr ${id} av ${proposer}`,
  },
  /** The mails to the proposer (through the outbox). */
  mail: {
    acceptedSubject: 'Ditt samarbete finns nu i registret',
    acceptedBody: (title: string, url: string) =>
      `Hej!\n\nSamverkanssamordnaren har antagit ditt förslag ”${title}”. Samarbetet finns nu i registret:\n\n${url}\n\nTack för att du registrerade det.\n\nHälsningar\nSamverkan med akademierna, Huddinge kommun`,
    mergedSubject: 'Ditt förslag har lagts till ett samarbete i registret',
    mergedBody: (title: string, activity: string, url: string) =>
      `Hej!\n\nDitt förslag ”${title}” gällde ett samarbete som redan finns i registret: ”${activity}”. Samverkanssamordnaren har lagt till er förvaltning eller enhet och ert lärosäte där:\n\n${url}\n\nTack för att du registrerade det.\n\nHälsningar\nSamverkan med akademierna, Huddinge kommun`,
    mergedInternalBody: (title: string, url: string) =>
      `Hej!\n\nDitt förslag ”${title}” gällde ett samarbete som redan finns i registret. Samverkanssamordnaren har lagt till er förvaltning eller enhet och ert lärosäte där. Samarbetet är inte offentligt och visas därför inte på webbplatsen.\n\nDitt förslag:\n${url}\n\nTack för att du registrerade det.\n\nHälsningar\nSamverkan med akademierna, Huddinge kommun`,
    declinedSubject: 'Ditt förslag har avböjts',
    declinedBody: (title: string, reason: string, url: string) =>
      `Hej!\n\nSamverkanssamordnaren har avböjt ditt förslag ”${title}”.\n\nSkäl:\n${reason}\n\nFörslaget finns kvar på din arbetsyta:\n${url}\n\nHälsningar\nSamverkan med akademierna, Huddinge kommun`,
  },
  /** The workspace's sections (src/features/workspace/views). */
  workspace: {
    reviewHeading: 'Att granska',
    reviewCounts: (waiting: number, accepted: number, merged: number, declined: number) =>
      `${waiting} väntar på granskning. Hittills antagna: ${accepted}, sammanslagna: ${merged}, avböjda: ${declined}.`,
    reviewEmpty: 'Inga förslag väntar på granskning.',
    reviewMore: (shown: number, total: number) => `Visar de ${shown} äldsta av ${total}.`,
    from: (proposer: string, organisation: string) =>
      proposer ? `Från ${proposer}, ${organisation}` : `Från ${organisation}`,
    mineHeading: 'Mina förslag',
    mineEmpty: 'Du har inte föreslagit några samarbeten ännu.',
    submittedAt: 'Inskickat',
  },
};
