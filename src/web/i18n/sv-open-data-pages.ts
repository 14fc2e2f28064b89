import type { ProblemStatus } from '../problem.ts';

/**
 * The open data's pages for people (issue 12): /oppna-data (what there is, the licence, every dataset),
 * the API guide /oppna-data/api, one page per dataset, and the words that describe the columns of the
 * bulk downloads. The API's own words (the OpenAPI document) are in sv-open-data.ts and sv-api-*.ts.
 */
export const openDataPagesText = {
  footerLink: 'Öppna data',
  overview: {
    title: 'Öppna data',
    intro:
      'Allt som är offentligt i registret över kommunens samverkan med universitet och högskolor finns också som öppna data: att ladda ner som CSV och JSON, och att hämta från ett API. Det är samma uppgifter som webbplatsen visar, och de uppdateras när registret ändras.',
    licenceHeading: 'Licens: CC0 1.0',
    licence:
      'Uppgifterna är fria att använda: kommunen avstår från upphovsrätt och liknande rättigheter enligt CC0 1.0 Universell. Vem som helst får kopiera, ändra, sprida och använda dem till vad som helst, även kommersiellt, utan att fråga och utan att ange källan (men det uppskattas).',
    licenceLink: 'CC0 1.0 Universell (Creative Commons)',
    personalData:
      'Personers namn finns bara där webbplatsen själv visar dem, till exempel namngivna kontaktpersoner för avtal, och aldrig e-postadresser. Tänk på att dataskyddsförordningen (GDPR) gäller för dig som behandlar personuppgifter, även när de är offentliga.',
    datasetsHeading: 'Datamängder',
    datasetsIntro:
      'Varje datamängd finns som CSV (öppnas direkt i Excel med svenska inställningar) och som JSON, med samma poster som API:et ger. Sidan om datamängden beskriver varje kolumn.',
    aboutDataset: 'Om datamängden',
    csv: 'CSV',
    json: 'JSON',
    api: 'API',
    /** Read by screen readers after each link, so the links of different datasets differ. */
    ofDataset: (title: string) => ` – ${title}`,
    apiHeading: 'API',
    apiText:
      'API:et ger samma uppgifter post för post, med filter och sidindelning, så att du kan hämta bara det som ändrats. Det följer DIGG:s REST-API-profil.',
    apiGuide: 'API-guiden',
    openApi: 'API-beskrivningen som OpenAPI 3.1',
    apiInfo: 'Om API:et (api-info)',
    catalogueHeading: 'Datakatalog',
    catalogueText:
      'Datamängderna beskrivs i en datakatalog enligt DCAT-AP-SE, som Sveriges dataportal (dataportal.se) hämtar.',
    catalogueRdf: 'Datakatalogen som RDF/XML',
    catalogueTurtle: 'Datakatalogen som Turtle',
    cataloguePortal: 'Så hämtar Sveriges dataportal katalogen',
    contactHeading: 'Kontakt',
    contact: 'Frågor om de öppna data, fel i dem eller önskemål:',
  },
  guide: {
    title: 'API-guide',
    intro:
      'API:et är öppet: ingen nyckel, ingen inloggning, bara läsning. Det ger allt som är offentligt på webbplatsen som JSON. Här står hur det fungerar; den fullständiga beskrivningen är OpenAPI-dokumentet, som sidan nedan är gjord från, så guiden och API:et säger samma sak.',
    contentsLabel: 'Innehåll',
    baseHeading: 'Adress',
    baseText: 'Alla anrop går till denna basadress, följd av resursens namn:',
    documentText: 'Beskrivningen av hela API:et (OpenAPI 3.1), och uppgifter om versionen (api-info):',
    conventionsHeading: 'Konventioner',
    conventions: [
      'Fältnamn i camelCase på engelska, till exempel updatedAt och validFrom; listor har namn i plural (parties).',
      'Tidpunkter enligt RFC 3339 i UTC, på sekunden: 2026-03-05T09:30:00Z.',
      'Datum utan tid som ÅÅÅÅ-MM-DD: 2026-01-01.',
      'Id är samma slug som i webbplatsens adresser: avtalet på /avtal/ulf-avtal-sodertorns-hogskola har id ulf-avtal-sodertorns-hogskola. Möten och beslut, vars adresser har ett nummer, har numret som id.',
      'Varje post har url (dess sida på webbplatsen), updatedAt (senaste ändring) och isExampleData (true för påhittade exempelposter).',
      'Kodvärden (slag, status) är engelska koder; varje fälts beskrivning förklarar dem.',
      'Ett fält utan värde är null, och finns alltid med.',
    ],
    pagingHeading: 'Sidor',
    paging: [
      'Listor kommer i sidor: limit är antal poster per sida (1–100, standard 20) och page är sidans nummer, från 1.',
      'Svaret har totalItems och totalPages, och links med self, first, last och, där de finns, prev och next. Samma länkar står i rubriken Link (RFC 8288).',
      'Följ next tills den saknas, så får du varje post en gång; ordningen är stabil.',
    ],
    filtersHeading: 'Filter och ändringar',
    filters:
      'Varje lista har filter som frågeparametrar (de står per resurs nedan). En okänd parameter eller ett ogiltigt värde ger 400 med parametern namngiven.',
    harvest:
      'Hämta bara det som ändrats: spara tiden när du började förra hämtningen och fråga med updatedSince=den tiden. Du får alla poster som ändrats vid eller efter den. En post som tagits bort eller gjorts intern försvinner ur listan; jämför id med din kopia, eller hämta allt igen ibland (nedladdningarna är ett sätt). updatedAt är postens egen ändringstid: ändras bara något den länkar till (t.ex. en organisation byter namn, ett uppdrag i en grupp tar slut) flyttas den inte, och det fångas också bara av en hel hämtning.',
    cachingHeading: 'Cachning',
    caching:
      'Varje svar har en ETag. Skicka den i If-None-Match nästa gång, så blir svaret 304 Not Modified utan innehåll om inget ändrats. Cache-Control tillåter att svar sparas i 60 sekunder; ändringar i registret syns i API:et inom några sekunder.',
    rateHeading: 'Begränsning',
    rate: (perMinute: number) =>
      `Högst ${perMinute} anrop per minut från samma adress. Därefter svarar API:et 429 med rubriken Retry-After: vänta så många sekunder och försök igen.`,
    errorsHeading: 'Fel',
    errorsIntro:
      'Fel kommer som application/problem+json (RFC 9457) med type, title, status, detail, instance och requestId; 400 har också invalidParams med varje parameter som inte godtogs och varför. Fältet type pekar på avsnittet nedan.',
    errorExplanations: {
      400: 'En parameter är okänd eller har ett värde som inte godtas. invalidParams säger vilken och varför. Rätta anropet; att försöka igen utan ändring hjälper inte.',
      403: 'Förfrågan är inte tillåten här, till exempel från en annan webbplats i ett formulär. API:et självt har inga skyddade delar.',
      404: 'Det finns ingen resurs med det namnet, eller ingen offentlig post med det id:t. En post som tagits bort eller gjorts intern ger också 404.',
      405: 'API:et kan bara läsas. Använd GET eller HEAD; rubriken Allow räknar upp metoderna.',
      413: 'Förfrågan var för stor. API:et tar inte emot innehåll.',
      415: 'Innehållstypen stöds inte. API:et tar inte emot innehåll.',
      421: 'Förfrågan gick till ett värdnamn som servern inte svarar för. Använd basadressen ovan.',
      429: 'För många anrop från din adress. Vänta så många sekunder som Retry-After anger.',
      500: 'Något gick fel hos oss. Försök igen senare, och ange requestId om du hör av dig.',
      503: 'Tjänsten är tillfälligt otillgänglig, till exempel vid underhåll. Försök igen om en stund.',
    } satisfies Record<ProblemStatus, string>,
    errorHeading: (status: number, title: string) => `${status} ${title}`,
    versionsHeading: 'Versioner',
    versions:
      'Huvudversionen står i adressen (v1). Version 1 ändras bara bakåtkompatibelt: nya resurser, nya fält och nya filter kan tillkomma, så läs inte in fält du inte känner som fel. En ändring som inte är bakåtkompatibel blir version 2 under /api/v2, och version 1 finns kvar minst tolv månader efter att version 2 publicerats. api-info anger versionen och om den är på väg att ersättas (apiStatus deprecated).',
    serviceHeading: 'Tjänstenivå och kända begränsningar',
    examplesHeading: 'Exempel',
    examples: [
      { text: 'Avtal som gäller i dag:', path: '/agreements?status=active' },
      { text: 'Andra sidan, 50 poster per sida:', path: '/agreements?limit=50&page=2' },
      { text: 'Bara det som ändrats sedan 1 januari 2026:', path: '/agreements?updatedSince=2026-01-01' },
    ],
    conditionalExample: 'Fråga om något ändrats sedan förra svaret (ersätt ETag-värdet):',
    resourcesHeading: 'Resurser',
    resourcesIntro:
      'Varje resurs har en lista och en post per id. Parametrar och fält nedan är hämtade ur OpenAPI-dokumentet.',
    listEndpoint: 'Lista',
    itemEndpoint: 'En post',
    parametersCaption: (path: string) => `Parametrar för ${path}`,
    parameter: 'Parameter',
    where: 'Var',
    description: 'Beskrivning',
    values: 'Värden',
    inQuery: 'i frågan',
    inPath: 'i adressen',
    fieldsLink: (title: string) => `Fälten i ${title}`,
  },
  dataset: {
    notFoundTitle: 'Datamängden finns inte',
    keywords: 'Nyckelord',
    frequency: 'Uppdateras',
    frequencies: {
      CONT: 'löpande',
      IRREG: 'oregelbundet, när registret ändras',
      ANNUAL: 'en gång om året',
      WEEKLY: 'varje vecka',
      MONTHLY: 'varje månad',
    },
    licence: 'Licens',
    licenceText: 'CC0 1.0 Universell: fri att använda till vad som helst, utan att ange källan.',
    downloadsHeading: 'Ladda ner',
    csvLink: 'Hela datamängden som CSV',
    jsonLink: 'Hela datamängden som JSON',
    downloadsText:
      'Filerna innehåller varje offentlig post, samma som API:et ger, och görs om när registret ändras.',
    apiHeading: 'I API:et',
    apiText: 'Samma poster, med filter och sidor:',
    apiGuide: 'Se API-guiden för parametrar och exempel.',
    fieldsHeading: 'Fält och kolumner',
    fieldsIntro:
      'Varje fält i JSON och API:et. CSV-filen har en kolumn per fält på översta nivån, i samma ordning och med fältets namn som rubrik; fält i en lista av poster (som parties[].name) finns bara i JSON.',
    fieldsCaption: (title: string) => `Fälten i ${title}`,
    field: 'Fält',
    type: 'Typ',
    description: 'Beskrivning',
    inCsv: 'I CSV-filen',
    csvHeading: 'Om CSV-filen',
    csvRules: [
      'UTF-8 med byte order mark, semikolon mellan fälten och CRLF mellan raderna, så att filen öppnas rätt i Excel med svenska inställningar (å, ä och ö hela).',
      'Datum och tidpunkter står som i API:et (ÅÅÅÅ-MM-DD och RFC 3339 i UTC). Sant och falskt står som true och false, som i API:et. Tal med decimaler har decimalkomma.',
      'En länk till en annan post står som namn (id). Flera värden i en lista skiljs med ” | ”; fält i en post i en lista skiljs med komma och har fältets namn framför.',
      'Text som börjar med =, +, - eller @ får en apostrof framför, så att Excel inte kör den som en formel.',
      'Ett tomt fält betyder att värdet saknas (null i JSON).',
    ],
  },
  /** What a parameter takes, in the guide's tables. */
  parameterValues: {
    integer: 'heltal',
    range: (minimum: number, maximum: number) => `${minimum}–${maximum}`,
    slug: 'id (små bokstäver a–z, siffror, bindestreck)',
    time: 'tidpunkt (RFC 3339) eller datum',
    text: 'text',
    default: (value: string) => `standard ${value}`,
  },
  /** How a field's type is written in the tables. */
  types: {
    text: 'text',
    date: 'datum (ÅÅÅÅ-MM-DD)',
    dateTime: 'tidpunkt (RFC 3339, UTC)',
    uri: 'adress (URL)',
    boolean: 'true eller false',
    integer: 'heltal',
    number: 'tal',
    object: 'post',
    reference: 'länk till post (id, namn, url)',
    listOf: (type: string) => `lista av ${type}`,
    oneOf: (type: string, values: string[]) => `${type}, ett av: ${values.join(', ')}`,
    nullable: (type: string) => `${type}, eller null`,
  },
  /** How a field is written in the CSV file. */
  csvForms: {
    same: 'som i JSON',
    boolean: 'true eller false',
    reference: 'namn (id)',
    references: 'namn (id), flera skilda med ” | ”',
    list: 'värdena skilda med ” | ”',
    objects: 'namn: värde, skilda med komma; flera poster skilda med ” | ”',
    object: 'namn: värde, skilda med komma',
    nested: 'bara i JSON',
  },
};
