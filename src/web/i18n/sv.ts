/**
 * Every interface string, in Swedish. English follows in a later issue as `en.ts` with the same shape
 * (`Messages`, messages.ts), so a missing translation is a type error. The signed-in features keep their
 * strings in files of their own (sv-*.ts), joined here. Nothing imports this to show text: the request's
 * dictionary is `c.var.t` in routes and `useT()` in views.
 */

import type { IssueContext } from './message-key.ts';
import { accountText } from './sv-account.ts';
import { activityEditsText } from './sv-activity-edits.ts';
import { adminText } from './sv-admin.ts';
import { agreementEditsText } from './sv-agreement-edits.ts';
import { annualReportsText } from './sv-annual-reports.ts';
import { apiActionsText } from './sv-api-actions.ts';
import { apiActivitiesText } from './sv-api-activities.ts';
import { apiGoalsText } from './sv-api-goals.ts';
import { apiMeetingsText } from './sv-api-meetings.ts';
import { apiOrganisationsText } from './sv-api-organisations.ts';
import { apiRegisterText } from './sv-api-register.ts';
import { authText } from './sv-auth.ts';
import { oidcText } from './sv-auth-oidc.ts';
import { briefResponsesText } from './sv-brief-responses.ts';
import { documentsText } from './sv-documents.ts';
import { feedbackViewerText } from './sv-feedback-viewer.ts';
import { goalPagesText } from './sv-goal-pages.ts';
import { groupEditsText } from './sv-group-edits.ts';
import { indicatorEditsText } from './sv-indicator-edits.ts';
import { indicatorsText } from './sv-indicators.ts';
import { meetingCalendarText } from './sv-meeting-calendar.ts';
import { meetingPagesText } from './sv-meeting-pages.ts';
import { meetingsText } from './sv-meetings.ts';
import { minutesText } from './sv-minutes.ts';
import { needsText } from './sv-needs.ts';
import { openDataText } from './sv-open-data.ts';
import { openDataCatalogueText } from './sv-open-data-catalogue.ts';
import { openDataPagesText } from './sv-open-data-pages.ts';
import { placementOffersText } from './sv-placement-offers.ts';
import { placementOverviewText } from './sv-placement-overview.ts';
import { placementRequestsText } from './sv-placement-requests.ts';
import { proposalsText } from './sv-proposals.ts';
import { registerText, workspaceText } from './sv-register.ts';
import { transferText } from './sv-transfer.ts';

export const sv = {
  auth: authText,
  oidc: oidcText,
  admin: adminText,
  account: accountText,
  feedbackViewer: feedbackViewerText,
  groupEdits: groupEditsText,
  register: registerText,
  workspace: workspaceText,
  agreementEdits: agreementEditsText,
  activityEdits: activityEditsText,
  transfer: transferText,
  documents: documentsText,
  proposals: proposalsText,
  placementOverview: placementOverviewText,
  needs: needsText,
  briefResponses: briefResponsesText,
  placementOffers: placementOffersText,
  placementRequests: placementRequestsText,
  meetingCalendar: meetingCalendarText,
  minutes: minutesText,
  meetingPages: meetingPagesText,
  indicators: indicatorsText,
  annualReports: annualReportsText,
  goalPages: goalPagesText,
  indicatorEdits: indicatorEditsText,
  meetings: meetingsText,
  openData: openDataText,
  openDataCatalogue: openDataCatalogueText,
  openDataPages: openDataPagesText,
  apiRegister: apiRegisterText,
  apiActivities: apiActivitiesText,
  apiMeetings: apiMeetingsText,
  apiActions: apiActionsText,
  apiGoals: apiGoalsText,
  apiOrganisations: apiOrganisationsText,
  site: {
    name: 'Samverkan med akademierna',
    owner: 'Huddinge kommun',
    skipLink: 'Hoppa till huvudinnehållet',
    mainNavLabel: 'Huvudmeny',
    footerNavLabel: 'Om webbplatsen',
    demoNotice:
      'Webbplatsen visar exempeldata vid sidan av fakta från kommunens webbsida. Exempeldata är märkt och beskriver inga verkliga personer eller avtal.',
  },
  nav: {
    start: 'Start',
    institutions: 'Lärosäten',
    agreements: 'Avtal',
    council: 'Högskolerådet',
    foundation: 'Flemingsberg Science',
    goals: 'Mål',
    ulf: 'ULF',
    needs: 'Behovsbanken',
    accessibility: 'Tillgänglighet',
    privacy: 'Personuppgifter och kakor',
  },
  common: {
    updated: 'Uppdaterad',
    demo: 'Exempeldata',
    readMore: 'Läs mer',
    none: 'Inga ännu.',
    notGiven: 'Uppgift saknas',
    untilFurtherNotice: 'tills vidare',
    period: 'Period',
    status: 'Status',
    parties: 'Parter',
    breadcrumbsLabel: 'Du är här',
  },
  /** Messages next to form fields that no schema gave a message of its own. */
  validation: {
    invalid: 'Kontrollera uppgiften här.',
  },
  pagination: {
    previous: 'Föregående sida',
    next: 'Nästa sida',
    page: (page: number, pages: number) => `Sida ${page} av ${pages}`,
  },
  organisationKinds: {
    municipality: 'Kommun',
    administration: 'Förvaltning',
    unit: 'Enhet',
    committee: 'Nämnd',
    university: 'Lärosäte',
    department: 'Institution',
    region: 'Region',
    company: 'Näringsliv',
    foundation: 'Stiftelse',
    student_union: 'Studentkår',
  },
  agreementKinds: {
    collaboration: 'Samverkansavtal',
    ulf: 'ULF-avtal',
    placement: 'Avtal om praktik och VFU',
    research: 'Forskningsavtal',
  },
  agreementStatuses: {
    draft: 'Ej i kraft ännu',
    active: 'Gällande',
    expiring: 'Löper ut inom 90 dagar',
    ended: 'Avslutat',
  },
  groupKinds: {
    working_group: 'Arbetsgrupp',
    council: 'Råd',
    board: 'Styrelse',
    network: 'Samverkansplattform',
  },
  memberRoles: {
    chair: 'Ordförande',
    vice_chair: 'Vice ordförande',
    secretary: 'Sekreterare',
    member: 'Ledamot',
    co_opted: 'Adjungerad',
    participant: 'Part',
  },
  activityKinds: {
    research_project: 'Forskningsprojekt',
    ulf_project: 'ULF-projekt',
    placement_period: 'Praktikperiod',
    thesis_project: 'Examensarbete',
    course: 'Kurs',
    event: 'Evenemang',
  },
  home: {
    institutionsHeading: 'Exempel på lärosäten',
    agreementsHeading: 'Samarbetsformer',
    focusAreasHeading: 'Gemensamt prioriterade utvecklingsområden',
    workingGroupsHeading: 'Arbetsgrupper',
    councilHeading: 'Högskolerådet',
    councilChair: 'Ordförande',
    foundationHeading: 'Stiftelsen Flemingsberg Science',
    goalsHeading: 'Mål med samarbetet',
    ulfHeading: 'Samverkan med Södertörns högskola',
    allInstitutions: 'Alla lärosäten',
    allAgreements: 'Alla avtal',
    aboutCouncil: 'Mer om Högskolerådet',
    aboutFoundation: 'Mer om Flemingsberg Science',
    aboutGoals: 'Mer om målen',
    aboutUlf: 'Mer om ULF',
  },
  organisation: {
    partOf: 'del av',
    children: 'Ingår',
    website: 'Webbplats',
  },
  institutions: {
    listHeading: 'Lärosäten',
    agreements: 'Avtal',
    groups: 'Grupper',
    activities: 'Aktiviteter',
    departments: 'Institutioner',
    noAgreements: 'Lärosätet är inte part i något avtal i registret.',
    noGroups: 'Lärosätet finns inte med i någon grupp i registret.',
    noActivities: 'Inga aktiviteter i registret.',
  },
  agreements: {
    listHeading: 'Avtal i registret',
    kind: 'Typ av avtal',
    diarienummer: 'Diarienummer',
    contacts: 'Kontaktpersoner',
    signedOn: 'Undertecknat',
    validity: 'Giltighetstid',
    validityUnknown: 'Giltighetstiden är inte registrerad.',
    focusAreas: 'Prioriterade utvecklingsområden',
    workingGroups: 'Arbetsgrupper',
    activities: 'Aktiviteter',
    noFocusAreas: 'Inga prioriterade utvecklingsområden registrerade.',
    noGroups: 'Inga arbetsgrupper registrerade.',
    noActivities: 'Inga aktiviteter registrerade.',
    tableCaption: 'Avtal med parter, typ, giltighetstid och status',
    pagination: 'Sidor med avtal',
    title: 'Avtal',
  },
  council: {
    members: 'Ledamöter',
    name: 'Namn eller uppdrag',
    role: 'Roll',
    represents: 'Företräder',
    membersCaption: 'Högskolerådets ledamöter',
  },
  groups: {
    members: 'Medlemmar',
    membersCaption: (group: string) => `Medlemmar i ${group}`,
    noMembers: 'Inga medlemmar registrerade.',
  },
  foundation: {
    parties: 'Parter',
    website: 'Stiftelsens webbplats',
    externalLink: '(extern webbplats)',
  },
  goals: {
    activitiesHeading: 'Aktiviteter i registret per mål',
    activitiesForGoal: (count: number) =>
      count === 1
        ? '1 aktivitet i registret bidrar till målet.'
        : `${count} aktiviteter i registret bidrar till målet.`,
  },
  activity: {
    kind: 'Typ av aktivitet',
    organisations: 'Organisationer',
    goals: 'Bidrar till målen',
  },
  ulf: {
    agreementHeading: 'ULF-avtalet',
    projectsHeading: 'ULF-projekt',
    noProjects: 'Inga ULF-projekt registrerade.',
  },
  search: {
    title: 'Sök',
    label: 'Sök på webbplatsen',
    button: 'Sök',
    resultsFor: (query: string, count: number) =>
      count === 1 ? `1 träff för ”${query}”` : `${count} träffar för ”${query}”`,
    noResults: (query: string) => `Inga träffar för ”${query}”. Pröva ett annat eller kortare ord.`,
    empty: 'Skriv ett eller flera ord, till exempel ”forskning” eller ”Södertörn”.',
    tooLong: 'Sökningen får vara högst 200 tecken.',
    errorSummary: 'Sökningen kunde inte göras',
    beyondLastPage: 'Det finns inga fler träffar.',
    firstPage: 'Till första sidan med träffar',
    pagination: 'Sidor med sökresultat',
    types: {
      organisation: 'Organisation',
      agreement: 'Avtal',
      group: 'Grupp',
      activity: 'Aktivitet',
      page: 'Sida',
      brief: 'Behov',
      decision: 'Beslut',
    },
  },
  feedback: {
    question: 'Var informationen till din hjälp?',
    yes: 'Ja',
    no: 'Nej',
    thanks: 'Tack för ditt svar!',
    whatWasMissing: 'Vad saknade du?',
    commentHint:
      'Skriv inga personuppgifter, till exempel namn, personnummer eller telefonnummer. Högst 1 000 tecken.',
    send: 'Skicka',
    commentTooLong: (issue: IssueContext) =>
      `Kommentaren får vara högst 1 000 tecken. Du har skrivit ${String(issue.input ?? '').length} tecken.`,
    commentThanks: 'Tack! Din kommentar hjälper oss att förbättra sidan.',
    missingAnswer: 'Välj Ja eller Nej.',
    errorSummary: 'Det finns ett fel i formuläret',
    honeypotLabel: 'Lämna det här fältet tomt',
    backToPage: 'Tillbaka till sidan',
    expired: 'Det går inte längre att lägga till en kommentar till det här svaret.',
  },
  errors: {
    notFoundTitle: 'Sidan finns inte',
    notFoundBody: 'Vi hittar inte sidan du söker. Den kan ha flyttats eller tagits bort.',
    serverTitle: 'Något gick fel',
    serverBody: 'Ett fel uppstod hos oss. Försök igen om en stund.',
    unavailableTitle: 'Tjänsten är tillfälligt otillgänglig',
    unavailableBody: 'Vi når inte databasen just nu. Försök igen om en liten stund.',
    forbiddenTitle: 'Åtgärden är inte tillåten',
    forbiddenBody: 'Begäran kom inte från den här webbplatsen och stoppades av säkerhetsskäl.',
    badRequestTitle: 'Felaktig begäran',
    badRequestBody: 'Begäran kunde inte tolkas.',
    tooLargeTitle: 'För mycket data',
    tooLargeBody: 'Det du skickade var för stort.',
    unsupportedTitle: 'Formatet stöds inte',
    unsupportedBody: 'Skicka formuläret från webbplatsen.',
    refusedTitle: 'Det går inte',
    conflictTitle: 'Någon annan har just ändrat det här',
    misdirectedTitle: 'Fel adress',
    misdirectedBody: 'Den här webbplatsen svarar inte på den adress som begäran angav.',
    rateLimitedTitle: 'För många försök',
    rateLimitedBody: 'Vänta en stund och försök igen.',
    requestId: 'Felkod att uppge om du kontaktar oss:',
    backHome: 'Till startsidan',
  },
};
