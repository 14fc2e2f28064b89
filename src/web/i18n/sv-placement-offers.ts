import type { IssueContext } from './message-key.ts';
import { placementKinds, placementWords, termName } from './sv-placement-words.ts';

/** Placement capacity: offers, copying a term, the capacity list (src/features/placements/placement-offers.*). */
export const placementOffersText = {
  /** "VT2027" → "vårterminen 2027". */
  termName,
  kinds: placementKinds,
  fields: {
    organisationId: 'Enhet',
    term: placementWords.term,
    kind: placementWords.kind,
    programme: placementWords.programme,
    studyLevel: placementWords.studyLevel,
    places: 'Antal platser',
    supervisors: 'Handledare som kan ta emot',
    startsOn: 'Från',
    endsOn: 'Till',
    address: 'Adress',
    area: 'Kommundel',
    prerequisites: 'Krav på studenten',
    description: 'Kort beskrivning',
  },
  hints: {
    organisationId: 'Skolan, förskolan, boendet eller avdelningen som tar emot studenterna.',
    term: placementWords.termHint,
    programme: 'Till exempel ”Grundlärarprogrammet F–3” eller ”Sjuksköterskeprogrammet”.',
    studyLevel: 'Till exempel ”termin 5”. Valfritt.',
    places: 'Hur många studenter enheten kan ta emot under terminen.',
    supervisors: 'Antal handledare som finns. Valfritt.',
    period: 'Skriv datum som ÅÅÅÅ-MM-DD, inom terminen. Valfritt.',
    area: 'Till exempel ”Flemingsberg” eller ”Skogås”. Används för att föreslå platser nära lärosätet.',
    prerequisites: 'Till exempel ”Utdrag ur belastningsregistret” eller språkkrav. Valfritt.',
    description: 'Några meningar om vad studenten får göra. Valfritt.',
  },
  chooseUnit: 'Välj enhet',
  chooseKind: placementWords.chooseKind,
  periodLegend: 'Period',
  errorSummary: 'Erbjudandet kunde inte sparas',
  createTitle: 'Erbjud praktikplatser',
  createFor: (unit: string) => `Erbjud praktikplatser: ${unit}`,
  editTitle: (title: string) => `Ändra erbjudande: ${title}`,
  /** An offer as headings and history pages name it. */
  offerTitle: (offer: { unit: string; programme: string; term: string }) =>
    `${offer.programme}, ${offer.unit}, ${termName(offer.term)}`,
  created: 'Erbjudandet är sparat.',
  saved: 'Ändringen är sparad.',
  unchanged: 'Inget ändrades.',
  restored: 'Versionen är återställd.',
  deleted: 'Erbjudandet är borttaget.',
  page: {
    facts: 'Uppgifter om platserna',
    places: 'Platser',
    confirmed: 'Bekräftade',
    free: 'Lediga',
    unit: 'Enhet',
    administration: 'Förvaltning',
    term: 'Termin',
    copiedFrom: 'Kopierat från',
    edit: 'Ändra erbjudandet',
    delete: 'Ta bort erbjudandet',
    history: 'Historik',
    list: 'Alla lediga platser',
    deletedNotice: 'Erbjudandet är borttaget. Samverkanssamordnaren kan återställa det från historiken.',
    placesSummary: (places: number, confirmed: number) =>
      `${places} ${places === 1 ? 'plats' : 'platser'}, ${confirmed} ${confirmed === 1 ? 'bekräftad' : 'bekräftade'}, ${places - confirmed} ${places - confirmed === 1 ? 'ledig' : 'lediga'}`,
  },
  required: 'Fyll i fältet.',
  unitMissing: 'Välj enhet i listan.',
  kindMissing: placementWords.kindMissing,
  termInvalid: placementWords.termInvalid,
  placesInvalid: 'Skriv antalet platser som en siffra från 1 till 10 000.',
  supervisorsInvalid: 'Skriv antalet handledare som en siffra från 0 till 10 000, eller lämna tomt.',
  dateInvalid: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-09-01.',
  endBeforeStart: 'Till-datumet kan inte vara före från-datumet.',
  outsideTerm: (issue: IssueContext) =>
    `Datumet ligger långt utanför terminen. Välj ett datum mellan ${String(issue.params?.from ?? '')} och ${String(issue.params?.to ?? '')}.`,
  unitNotOfferable:
    'Enheten kan inte erbjuda praktikplatser här. Välj en enhet, förvaltning eller avdelning i kommunen.',
  placesBelowConfirmed: (issue: IssueContext) =>
    `Enheten har redan bekräftat ${String(issue.params?.confirmed ?? '')} platser. Antalet platser kan inte vara färre än så.`,
  deleteRefusedConfirmed: (issue: IssueContext) =>
    `Erbjudandet har ${String(issue.params?.confirmed ?? '')} bekräftade platser och kan inte tas bort. Ställ in förfrågningarna först.`,
  deleteRefusedOpen: (issue: IssueContext) =>
    `Erbjudandet har ${String(issue.params?.open ?? '')} obesvarade förfrågningar och kan inte tas bort. Svara på dem först.`,
  restoreBelowConfirmed: (issue: IssueContext) =>
    `Versionen har färre platser än de ${String(issue.params?.confirmed ?? '')} som redan är bekräftade och kan inte återställas.`,
  restoreUnitGone: 'Enheten som erbjudandet hör till är borttagen. Återställ enheten först.',
  /** "Kopiera förra terminens erbjudanden". */
  copy: {
    title: 'Kopiera erbjudanden till en ny termin',
    intro:
      'Alla erbjudanden från den ena terminen kopieras till den andra, med datumen flyttade lika mycket som terminerna skiljer. Ett erbjudande som redan har kopierats kopieras inte igen. Inga platser är bekräftade i kopiorna.',
    unit: 'Enhet',
    allUnits: 'Alla mina enheter',
    from: 'Från termin',
    to: 'Till termin',
    submit: 'Kopiera',
    errorSummary: 'Erbjudandena kunde inte kopieras',
    sameTerm: 'Välj en annan termin än den du kopierar från.',
    toBeforeFrom: 'Kopiera till en senare termin än den du kopierar från.',
    note: (term: string) => `Kopierad från ${termName(term)}`,
    resultHeading: 'Resultat',
    copied: (count: number) =>
      count === 0
        ? 'Inga nya erbjudanden kopierades.'
        : count === 1
          ? 'Ett erbjudande kopierades:'
          : `${count} erbjudanden kopierades:`,
    skipped: (count: number) =>
      count === 1
        ? 'Ett erbjudande fanns redan kopierat och kopierades inte igen.'
        : `${count} erbjudanden fanns redan kopierade och kopierades inte igen.`,
    nothingToCopy: (term: string) => `Det finns inga erbjudanden ${termName(term)} att kopiera.`,
  },
  /** The capacity list. */
  list: {
    title: 'Praktikplatser',
    titleFor: (term: string) => `Praktikplatser ${termName(term)}`,
    intro:
      'Alla platser som kommunens enheter erbjuder under terminen, för alla lärosäten. Filtrera på typ, utbildning, förvaltning, kommundel, datum och lediga platser.',
    filtersHeading: 'Filtrera',
    term: 'Termin',
    kind: placementWords.kind,
    allKinds: 'Alla typer',
    programme: placementWords.programme,
    programmeHint: 'En del av namnet räcker.',
    administration: 'Förvaltning',
    allAdministrations: 'Alla förvaltningar',
    area: 'Kommundel',
    allAreas: 'Alla kommundelar',
    from: 'Från',
    to: 'Till',
    dateHint: 'ÅÅÅÅ-MM-DD. Visar platser vars period överlappar.',
    onlyFree: 'Bara erbjudanden med lediga platser',
    show: 'Visa',
    clear: 'Rensa filtren',
    errorSummary: 'Filtren kunde inte användas',
    caption: (count: number, term: string) =>
      `${count} ${count === 1 ? 'erbjudande' : 'erbjudanden'} ${termName(term)}`,
    none: 'Inga erbjudanden motsvarar filtren.',
    pagination: 'Sidor i listan',
    columns: {
      unit: 'Enhet',
      administration: 'Förvaltning',
      kind: 'Typ',
      programme: placementWords.programmeShort,
      level: 'Nivå',
      places: 'Platser',
      free: 'Lediga',
      period: 'Period',
      area: 'Kommundel',
    },
    add: 'Erbjud platser',
    copy: 'Kopiera förra terminens erbjudanden',
    otherTerms: 'Andra terminer',
    termInvalid: placementWords.termInvalid,
    dateInvalid: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-09-01.',
    toBeforeFrom: 'Till-datumet kan inte vara före från-datumet.',
    tooLong: 'Texten är för lång. Skriv högst 100 tecken.',
  },
  workspace: {
    heading: 'Praktikplatser',
    intro: (current: string, next: string) => `Era erbjudanden ${termName(current)} och ${termName(next)}.`,
    none: 'Inga erbjudanden ännu.',
    add: 'Erbjud praktikplatser',
    copy: 'Kopiera förra terminens erbjudanden',
    list: 'Alla praktikplatser',
    places: (places: number, confirmed: number) =>
      `${places} ${places === 1 ? 'plats' : 'platser'}, ${confirmed} ${confirmed === 1 ? 'bekräftad' : 'bekräftade'}`,
  },
};
