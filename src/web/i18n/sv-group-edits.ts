import type { IssueContext } from './message-key.ts';

/** Editing groups and their seats (src/features/groups/group-edits.*), and the workspace's group section. */
export const groupEditsText = {
  editTitle: (name: string) => `Ändra ${name}`,
  createTitle: 'Lägg till en grupp',
  fields: {
    kind: 'Typ av grupp',
    name: 'Namn',
    description: 'Syfte',
    agreementId: 'Avtal som gruppen genomför',
    organisationId: 'Organisation som gruppen hör till',
    visibility: 'Synlighet',
    internalReason: 'Skäl till att gruppen är intern',
    siteRole: 'Visas på webbplatsen som',
    /** A seat's line in the history and beside a refused save. */
    seat: 'Ledamot',
  },
  hints: {
    description: 'Vad gruppen gör, i en eller ett par meningar. Visas på gruppens sida.',
    agreement: 'Valfritt. Det avtal gruppen arbetar med att genomföra.',
    organisation: 'Den organisation som ansvarar för gruppen.',
    visibility:
      'En intern grupp visas inte på webbplatsen, i sökningen eller i listor. Dess medlemmar ser den ändå på gruppens interna sida.',
    internalReason:
      'Till exempel ”arbetsmaterial” eller ”sekretess enligt OSL 19 kap.”. Krävs för en intern grupp.',
    siteRole:
      'Bara samverkanssamordnaren väljer detta. Väljer du en roll som en annan grupp har flyttas rollen hit, och ändringen sparas i båda gruppernas historik.',
  },
  noAgreement: 'Inget avtal',
  noOrganisation: 'Ingen organisation',
  noSiteRole: 'Ingen egen sida (gruppens vanliga sida)',
  visibilities: {
    public: 'Öppen: visas på webbplatsen',
    internal: 'Intern: visas bara för behöriga',
  },
  siteRoles: {
    council: 'Högskolerådet (sidan /hogskoleradet)',
    foundation_network: 'Stiftelsens nätverk (sidan /flemingsberg-science)',
  },
  internalReasonMissing: 'Skriv varför gruppen är intern.',
  organisationRequired: 'Välj den organisation gruppen hör till.',
  agreementGone: 'Avtalet finns inte längre i registret. Välj ett annat avtal i listan.',
  organisationGone: 'Organisationen finns inte längre i registret. Välj en annan i listan.',
  siteRoleMoved: (role: string, to: string) => `Rollen ”${role}” flyttades till ${to}`,
  siteRoleKept:
    'En roll på webbplatsen tas inte bort, den flyttas: välj rollen för en annan grupp i stället, så flyttas den dit.',
  deleteRefusedSiteRole: (issue: IssueContext) =>
    `Gruppen kan inte tas bort eftersom den visas som ${String(issue.params?.role ?? '')}. Ge rollen till en annan grupp först.`,
  restoreOrganisationGone:
    'Versionen kan inte återställas: organisationen som gruppen hörde till är borttagen. Återställ den först, eller ändra gruppen i stället.',
  restoreAgreementGone:
    'Versionen kan inte återställas: avtalet som gruppen genomförde är borttaget. Återställ det först, eller ändra gruppen i stället.',
  members: {
    heading: 'Ledamöter',
    intro:
      'Platserna i gruppen: en namngiven person eller ett uppdrag, till exempel ”ordförande i gymnasie- och arbetsmarknadsnämnden”. En ledamot vars period har tagit slut visas inte längre på den öppna sidan men finns kvar här och i historiken.',
    none: 'Gruppen har inga ledamöter registrerade.',
    add: 'Lägg till en ledamot',
    addTitle: (group: string) => `Lägg till en ledamot i ${group}`,
    editTitle: (group: string) => `Ändra en ledamot i ${group}`,
    change: 'Ändra',
    remove: 'Ta bort',
    changeLabel: (seat: string) => `Ändra ${seat}`,
    removeLabel: (seat: string) => `Ta bort ${seat}`,
    removeTitle: (seat: string) => `Ta bort ${seat} ur gruppen?`,
    ended: 'Perioden har tagit slut',
    notStarted: 'Perioden har inte börjat',
    back: (group: string) => `Tillbaka till ${group}`,
    fields: {
      personName: 'Namn',
      seatDescription: 'Uppdrag',
      role: 'Roll',
      organisationId: 'Företräder',
      fromOn: 'Från och med',
      toOn: 'Till och med',
      position: 'Ordning i listan',
    },
    hints: {
      personName: 'Personens namn, om platsen har en namngiven person.',
      seatDescription:
        'Om platsen följer ett uppdrag, till exempel ”ordförande i gymnasie- och arbetsmarknadsnämnden”. Fyll i namn, uppdrag eller båda.',
      organisation: 'Den organisation ledamoten företräder. Valfritt.',
      dates: 'Valfritt. Lämna tomt om perioden inte är känd eller gäller tills vidare.',
      position: 'Ett heltal; lägre tal visas först. Lämna tomt för att lägga ledamoten sist.',
    },
    noOrganisation: 'Ingen organisation',
    personOrSeatMissing: 'Skriv ett namn, ett uppdrag eller båda.',
    dateInvalid: 'Skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2026-01-31.',
    toBeforeFrom: 'Slutdatumet ligger före startdatumet. Ändra ett av dem.',
    positionInvalid: 'Skriv ett heltal mellan 0 och 9999.',
    seatTwice: 'Gruppen har redan en likadan ledamot (samma namn, uppdrag, roll och organisation).',
    /** One seat as one readable line (the history, the list on the edit page). */
    line: (seat: { who: string; role: string; organisation: string; period: string; position: number }) =>
      [seat.who, seat.role, seat.organisation, seat.period, `ordning ${seat.position}`]
        .filter(Boolean)
        .join(' · '),
    period: (from: string | null, to: string | null) =>
      from || to ? `${from ?? '…'}–${to ?? 'tills vidare'}` : '',
  },
  /** On the council's and the network's pages, beside the page text's own "Ändra". */
  publicLinks: {
    edit: 'Ändra gruppen och dess ledamöter',
    history: 'Gruppens historik',
  },
  workspace: {
    heading: 'Grupper du kan ändra',
    nothing: 'Inga grupper hör till din organisation ännu.',
    internal: '(intern)',
    add: 'Lägg till en grupp',
    deletedHeading: 'Borttagna grupper',
  },
};
