import {
  offerSummary,
  placementKinds,
  placementNav,
  placementWords,
  placesText,
  termName,
} from './sv-placement-words.ts';

const signature = '\n\nHälsningar\nSamverkan med akademierna, Huddinge kommun';

/** A mail: "Hej!", the parts that have something in them, a blank line between each, the signature. */
const mail = (...parts: string[]) =>
  `Hej!\n\n${parts.filter((part) => part !== '').join('\n\n')}${signature}`;

/** Placement requests, needs lists, suggestions and the term proposal (src/features/placements/requests.*). */
export const placementRequestsText = {
  statuses: {
    submitted: 'Inskickad',
    in_review: 'Under behandling',
    confirmed: 'Bekräftad',
    declined: 'Avböjd',
    completed: 'Genomförd',
    cancelled: 'Inställd',
  },
  /** "VT2027" → "vårterminen 2027": the long form, for running text and headings. */
  termName,
  /** "Grundlärarprogrammet F–3 (VFU, lärarutbildning, vårterminen 2027)". */
  offerSummary,
  kinds: placementKinds,
  /** The navigation between the placement pages. */
  nav: placementNav,
  moves: {
    review: 'Ta under behandling',
    confirm: 'Bekräfta',
    decline: 'Avböj',
    complete: 'Markera som genomförd',
    cancel: 'Ställ in',
  },
  /** Why an offer fits, in words (suggestions.ts). */
  reasons: {
    programme: 'programmet stämmer',
    level: 'samma nivå i utbildningen',
    freePlaces: (count: number) =>
      count === 1 ? 'enheten har 1 ledig plats' : `enheten har ${count} lediga platser`,
    agreement: 'förvaltningen har ett avtal med lärosätet',
    area: 'resväg: samma område',
  },
  fields: {
    universityId: 'Lärosäte',
    places: 'Antal platser',
    preference: 'Prioritet',
    message: 'Meddelande till enheten',
    students: 'Studenter (valfritt)',
    reason: 'Skäl',
    proposedOfferId: 'Föreslå ett annat erbjudande (valfritt)',
    term: placementWords.term,
    kind: placementWords.kind,
    programme: placementWords.programme,
    studyLevel: placementWords.studyLevel,
    studentsCount: 'Antal studenter',
    weeks: 'Veckor',
    startsOn: 'Från',
    endsOn: 'Till',
    area: 'Område',
    description: 'Beskrivning',
    offerId: 'Erbjudande',
    answerMessage: 'Meddelande till lärosätet',
    status: 'Status',
  },
  hints: {
    preference: '1 betyder förstahandsval. Den automatiska fördelningen tar förfrågningar i den ordningen.',
    students:
      'En student per rad: förnamn, program. Bara förnamn och program, inget annat. Uppgifterna raderas automatiskt efter terminen.',
    term: placementWords.termHint,
    weeks: 'Som lärosätet skriver det, till exempel ”v. 36–43”.',
    date: 'Skriv datum som ÅÅÅÅ-MM-DD. Valfritt.',
    area: 'Varifrån studenterna reser, till exempel ”Flemingsberg”. Ger förslag med kort resväg.',
    reason: 'Den andra parten får skälet i sitt mejl. Krävs för att avböja och ställa in.',
    answerPlaces: 'Platserna bekräftas direkt. Lärosätet kan ställa in dem som inte behövs.',
  },
  chooseInstitution: 'Välj lärosäte',
  chooseKind: placementWords.chooseKind,
  chooseOffer: 'Välj erbjudande',
  noProposal: 'Inget annat erbjudande',
  anyTerm: 'Alla terminer',
  anyStatus: 'Alla statusar',
  filter: 'Visa',
  filtersLabel: 'Filtrera',
  // Messages next to fields.
  institutionMissing: 'Välj det lärosäte som begär platserna.',
  placesInvalid: 'Skriv antalet platser som en siffra, minst 1.',
  preferenceInvalid: 'Skriv prioriteten som en siffra från 1 till 99.',
  studentsInvalid:
    'Skriv en student per rad som ”Förnamn, program”: bara förnamnet (utan siffror eller e-postadress), högst 50 rader.',
  tooManyStudents: 'Du har angett fler studenter än platser.',
  termInvalid: placementWords.termInvalid,
  kindMissing: placementWords.kindMissing,
  studentsCountInvalid: 'Skriv antalet studenter som en siffra, minst 1.',
  dateInvalid: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-08-30.',
  endBeforeStart: 'Slutdatumet kan inte vara före startdatumet.',
  offerMissing: 'Välj ett av dina erbjudanden.',
  offerDoesNotFit: 'Erbjudandet gäller en annan typ av praktik eller en annan termin än behovet.',
  moreThanNeeded: 'Lärosätet behöver inte så många platser.',
  notEnoughFree: ({ params }: { params?: Record<string, unknown> }) =>
    `Erbjudandet har bara ${String(params?.free ?? 0)} lediga platser.`,
  reasonMissing: 'Skriv ett skäl. Den andra parten får det i sitt mejl.',
  proposalOnlyWithDecline: 'Ett annat erbjudande kan bara föreslås när förfrågan avböjs.',
  proposedOfferMissing: 'Välj ett annat erbjudande av samma typ och termin med lediga platser, eller inget.',
  needClosedTitle: 'Behovet är stängt',
  needClosed: 'Lärosätet har stängt behovet, så det kan inte besvaras längre.',
  // Refusals as pages.
  wrongStatusTitle: 'Förfrågan har redan ändrats',
  wrongStatus: ({ params }: { params?: Record<string, unknown> }) =>
    `Det går inte: förfrågan är ${String(params?.status ?? '')}. Ladda om sidan och se vad som gäller nu.`,
  backToRequest: 'Tillbaka till förfrågan',
  noPlacesLeftTitle: 'Platserna är redan tagna',
  noPlacesLeft: ({ params }: { params?: Record<string, unknown> }) =>
    `Erbjudandet har inte platser nog kvar (${String(params?.free ?? 0)} lediga). Förfrågan är inte bekräftad; föreslå gärna ett annat erbjudande.`,
  errorSummary: 'Det gick inte att spara',
  request: {
    title: (unit: string) => `Begär platser hos ${unit}`,
    intro:
      'Begär ett antal platser på erbjudandet. Enheten får ett mejl och svarar här; du får ett mejl vid varje steg.',
    offerHeading: 'Erbjudandet',
    free: (free: number, places: number) => `${free} av ${places} platser lediga`,
    noInstitution:
      'Du är inte praktiksamordnare för något lärosäte. Be en administratör om rollen för att kunna begära platser.',
    submit: 'Skicka förfrågan',
  },
  list: {
    title: 'Förfrågningar om praktikplatser',
    intro:
      'Förfrågningar från lärosätena och deras status. Du ser de som rör dina enheter eller ditt lärosäte.',
    none: 'Inga förfrågningar.',
    caption: 'Förfrågningar',
    number: 'Nr',
    institution: 'Lärosäte',
    unit: 'Enhet',
    programme: placementWords.programmeShort,
    term: placementWords.term,
    places: 'Platser',
    status: 'Status',
    sent: 'Skickad',
    allocationLink: 'Automatisk fördelning för en termin',
  },
  page: {
    title: (id: number) => `Förfrågan nr ${id}`,
    sent: 'Förfrågan är skickad. Enheten har fått ett mejl.',
    moved: 'Förfrågan är uppdaterad och den andra parten har fått ett mejl.',
    institution: 'Lärosäte',
    unit: 'Enhet',
    offer: 'Erbjudande',
    places: 'Platser',
    preference: 'Prioritet',
    message: 'Meddelande',
    reason: 'Skäl',
    proposedOffer: 'Föreslaget erbjudande',
    need: 'Svar på behov',
    requester: 'Begärd av',
    sentAt: 'Skickad',
    studentsHeading: 'Studenter',
    studentsRemoved: (date: string) => `Raderas automatiskt ${date}.`,
    noStudents: 'Inga studenter angivna.',
    actionsHeading: 'Vad du kan göra',
    noActions: 'Det finns inget att göra med förfrågan just nu.',
    historyHeading: 'Historik',
    historyCaption: 'Ändringar av förfrågan',
    when: 'När',
    who: 'Vem',
    what: 'Ändring',
    system: 'Systemet',
    suggestionsHeading: 'Andra erbjudanden som passar',
    suggestionsIntro: 'Bäst först. Om du avböjer kan du föreslå ett av dem.',
    backToList: 'Alla förfrågningar',
    historyFields: {
      status: 'Status',
      places: 'Platser',
      reason: 'Skäl',
      proposedOffer: 'Föreslaget erbjudande',
    },
  },
  suggestions: {
    none: 'Inga andra erbjudanden passar just nu.',
    score: (score: number) => `${score} poäng`,
    why: 'Varför',
    forOfferHeading: 'Förfrågningar och behov som passar',
    forOfferNone: 'Inga öppna förfrågningar eller behov passar erbjudandet just nu.',
    request: (name: string, places: number) => `Förfrågan från ${name}, ${placesText(places)}`,
    need: (name: string, places: number) => `Behov hos ${name}, ${placesText(places)} kvar`,
  },
  needs: {
    title: 'Behovslistor från lärosätena',
    intro:
      'Lärosätena lägger ut sina behov av platser, till exempel ”12 sjuksköterskestudenter, termin 5, v. 36–43”. Enheter svarar med platser på ett av sina erbjudanden.',
    none: 'Inga öppna behov.',
    add: 'Lägg ut ett behov',
    caption: 'Öppna behov',
    institution: 'Lärosäte',
    what: 'Behov',
    answered: 'Bekräftade platser',
    newTitle: 'Lägg ut ett behov av platser',
    newIntro: 'Beskriv vad lärosätet behöver. Enheterna ser behovet och kan svara med platser.',
    submit: 'Lägg ut behovet',
    saved: 'Behovet är utlagt.',
    answeredNotice: 'Ditt svar är skickat och platserna är bekräftade. Lärosätet har fått ett mejl.',
    pageTitle: (students: number, programme: string) => `${students} studenter, ${programme}`,
    answersHeading: 'Svar från enheter',
    noAnswers: 'Inga svar ännu.',
    answeredCount: (answered: number, students: number) => `${answered} av ${students} platser bekräftade`,
    suggestionsHeading: 'Erbjudanden som passar',
    answerHeading: 'Svara med platser',
    answerTitle: 'Svara på behovet',
    answerIntro:
      'Välj ett av dina erbjudanden och hur många platser du erbjuder. Platserna bekräftas direkt.',
    answerLink: 'Svara med platser',
    noOwnOffers: 'Du har inga erbjudanden av samma typ för terminen. Lägg först in ett erbjudande.',
    answerSubmit: 'Bekräfta platserna',
    backToNeeds: 'Alla behov',
    status: 'Status',
    open: 'Öppen',
    closed: 'Stängd',
    closedIntro: 'Behovet är stängt: det syns inte bland de öppna behoven och kan inte besvaras.',
    close: 'Stäng behovet',
    closeHint: 'Stäng behovet när lärosätet inte behöver fler platser. Det går att öppna igen.',
    reopen: 'Öppna behovet igen',
    closedNotice: 'Behovet är stängt. Enheterna kan inte längre svara på det.',
    reopenedNotice: 'Behovet är öppet igen.',
    summary: (students: number, programme: string, level: string, weeks: string) =>
      [`${students} studenter`, programme, level, weeks].filter((part) => part !== '').join(', '),
  },
  allocation: {
    title: 'Automatisk fördelning för en termin',
    intro:
      'Ett förslag på vilka förfrågningar som kan bekräftas, räknat från de öppna förfrågningarna (inskickade och under behandling). Inget bekräftas förrän du trycker på knappen.',
    ruleHeading: 'Så räknas förslaget',
    rule: [
      'Lärosätena turas om: varje lärosäte får en förfrågan prövad per varv, så inget lärosäte tar alla platser först. I varje varv börjar det lärosäte som hittills fått minst antal platser (vid lika: i bokstavsordning).',
      'Varje lärosätes förfrågningar tas i dess egen prioritetsordning (1 först), vid lika prioritet den äldsta först.',
      'En förfrågan föreslås bara om erbjudandet har lediga platser nog för hela förfrågan efter det som redan föreslagits. Inget erbjudande får fler bekräftade platser än det har.',
      'Förfrågningar som inte ryms ligger kvar som de är; enheten kan avböja dem eller föreslå ett annat erbjudande.',
    ],
    termLabel: 'Termin',
    show: 'Visa förslaget',
    chooseTerm: 'Välj en termin för att se förslaget.',
    none: 'Inga öppna förfrågningar för terminen.',
    caption: (term: string) => `Förslag för ${termName(term)}`,
    round: 'Varv',
    outcome: 'Förslag',
    granted: 'Bekräftas',
    notGranted: 'Ryms inte',
    count: (granted: number, total: number) => `${granted} av ${total} förfrågningar kan bekräftas.`,
    confirm: 'Bekräfta förslaget',
    confirmed: (count: number) =>
      count === 1 ? '1 förfrågan är bekräftad.' : `${count} förfrågningar är bekräftade.`,
    changedTitle: 'Förslaget har ändrats',
    changed:
      'Förfrågningarna eller platserna har ändrats sedan förslaget visades, så inget har bekräftats. Se det nya förslaget och bekräfta igen.',
    seeAgain: 'Se det nya förslaget',
  },
  offerSection: {
    heading: 'Förfrågningar om platserna',
    request: 'Begär platser på erbjudandet',
    none: 'Inga förfrågningar ännu.',
    line: (id: number, institution: string, places: number) =>
      `Nr ${id}: ${institution}, ${placesText(places)}`,
  },
  workspace: {
    toAnswerHeading: 'Förfrågningar att besvara',
    toAnswerNone: 'Inga förfrågningar väntar på svar.',
    mineHeading: 'Lärosätets förfrågningar',
    mineIntro: 'De senaste förfrågningarna från ditt lärosäte, också de som dina kolleger har skickat.',
    mineNone: 'Lärosätet har inte skickat några förfrågningar ännu.',
    line: (institution: string, places: number, unit: string, term: string) =>
      `${institution}: ${placesText(places)} hos ${unit}, ${termName(term)}`,
    allLink: 'Alla förfrågningar',
  },
  mail: {
    newSubject: (unit: string, term: string) =>
      `Ny förfrågan om praktikplatser hos ${unit}, ${termName(term)}`,
    newBody: (v: {
      institution: string;
      unit: string;
      places: number;
      programme: string;
      term: string;
      message: string;
      link: string;
    }) =>
      mail(
        `${v.institution} begär ${placesText(v.places)} hos ${v.unit} (${v.programme}, ${termName(v.term)}).`,
        v.message ? `Meddelande:\n${v.message}` : '',
        `Svara här (du behöver logga in):\n${v.link}`,
      ),
    /** Names the request, the unit and the term, so two requests' mails never share a subject. */
    movedSubject: (v: { id: number; status: string; unit: string; term: string }) =>
      `Förfrågan nr ${v.id} om praktikplatser hos ${v.unit}, ${termName(v.term)}: ${v.status}`,
    movedBody: (v: {
      id: number;
      status: string;
      institution: string;
      unit: string;
      places: number;
      programme: string;
      term: string;
      reason: string;
      proposed: string;
      link: string;
    }) =>
      mail(
        `Förfrågan nr ${v.id} från ${v.institution} om ${placesText(v.places)} hos ${v.unit} (${v.programme}, ${termName(v.term)}) är nu ${v.status}.`,
        v.reason ? `Skäl:\n${v.reason}` : '',
        v.proposed ? `Enheten föreslår i stället: ${v.proposed}` : '',
        `Se förfrågan (du behöver logga in):\n${v.link}`,
      ),
    answerSubject: (unit: string, term: string) =>
      `Svar från ${unit} på ert behov av praktikplatser, ${termName(term)}`,
    answerBody: (v: {
      unit: string;
      places: number;
      programme: string;
      term: string;
      message: string;
      link: string;
    }) =>
      mail(
        `${v.unit} har bekräftat ${placesText(v.places)} för ${v.programme}, ${termName(v.term)}, som svar på ert behov.`,
        v.message ? `Meddelande:\n${v.message}` : '',
        `Behöver ni inte platserna kan ni ställa in dem här (du behöver logga in):\n${v.link}`,
      ),
  },
};
