/**
 * The open data's own words (issue 12): the API's problem texts and parameter reasons, the descriptions
 * the OpenAPI document shares by all resources, and api-info. Each resource's words are in its own file
 * (sv-api-*.ts); the documentation pages' words in sv-open-data-pages.ts.
 */
export const openDataText = {
  api: {
    name: 'Samverkan med akademierna – öppet API',
    description:
      'Läsbart API för Huddinge kommuns register över samverkan med universitet och högskolor: organisationer, avtal och prioriterade områden, grupper, aktiviteter, mål och indikatorer, praktikplatser, behovsbanken, möten och beslut. Bara det som är offentligt på webbplatsen finns här. Fältnamn i camelCase, tider i UTC enligt RFC 3339, datum som ÅÅÅÅ-MM-DD, fel som application/problem+json (RFC 9457).',
    contactName: 'Huddinge kommun, samverkan med akademierna',
    licenceName: 'CC0 1.0 Universell (Public Domain Dedication)',
    serviceLevel:
      'Tjänstenivå: API:et drivs på samma server som webbplatsen och är tillgängligt när den är det; inga garantier om svarstid utöver det. Ändringar i registret syns inom några sekunder. Version 1 ändras bara bakåtkompatibelt (nya fält och resurser kan tillkomma); en ändring som inte är det blir version 2, och version 1 finns kvar minst tolv månader efter att den nya publicerats.',
    limits: (perMinute: number) =>
      `Kända begränsningar: högst ${perMinute} anrop per minut och klientadress (därefter 429 med Retry-After), högst 100 poster per sida, bara läsning (GET och HEAD). Svar får sparas i 60 sekunder (Cache-Control); fråga med If-None-Match för att slippa hämta det som inte ändrats. updatedSince ger poster vars egen ändringstid (updatedAt) är senare: en post som tagits bort eller gjorts intern försvinner bara ur listorna, och en ändring i något en post bara länkar till flyttar inte postens updatedAt — hämta allt ibland för att få med det.`,
    tagRegister: 'Registret',
    tagMeta: 'Om API:et',
    listSummary: (title: string) => `Lista: ${title}`,
    itemSummary: (title: string) => `En post: ${title}`,
    listDescription: (title: string) =>
      `Sidor om högst 100 poster (standard 20), i stabil ordning. Fältet links och rubriken Link ger nästa och föregående sida. Filtrera med parametrarna; updatedSince ger bara det som ändrats sedan en tidpunkt. Datamängd: ${title}.`,
    itemDescription:
      'Posten med detta id (samma som i webbplatsens adress). 404 om den inte finns eller inte är offentlig.',
    idParameter: 'Postens id: samma slug som i webbplatsens adress.',
    okList: 'En sida av listan.',
    okItem: 'Posten.',
    notModified: 'Inte ändrad sedan den version som If-None-Match anger (ingen kropp).',
    apiInfoSummary: 'Om API:et (VER.06)',
    apiInfoDescription: 'Namn, version, utgivningsdatum, status och var dokumentationen finns.',
    openApiSummary: 'Detta dokument (OpenAPI 3.1)',
    openApiDescription: 'API:ets beskrivning som OpenAPI 3.1, samma som ligger till grund för svaren.',
    etagHeader:
      'Svarets version: skicka den i If-None-Match nästa gång, så blir svaret 304 om inget ändrats.',
    cacheControlHeader: 'Hur länge svaret får sparas av klienten (60 sekunder).',
    linkHeader: 'Länkar till första, sista, föregående och nästa sida (RFC 8288).',
  },
  schemas: {
    reference: {
      description: 'En länk till en annan post: dess id, namn och sida på webbplatsen.',
      id: 'Postens id (slug, som i webbplatsens adress).',
      name: 'Postens namn.',
      url: 'Postens sida på webbplatsen.',
    },
    record: {
      id: 'Postens id: samma slug som i webbplatsens adress, och stabilt så länge posten finns.',
      url: 'Postens sida på webbplatsen.',
      updatedAt: 'När posten senast ändrades (UTC, RFC 3339).',
      isExampleData:
        'true för påhittade poster som visar hur tjänsten fungerar (på webbplatsen märkta som exempel). Inga verkliga avtal eller personer.',
    },
    list: {
      items: 'Posterna på denna sida.',
      page: 'Sidans nummer, från 1.',
      limit: 'Högsta antal poster per sida.',
      totalItems: 'Antal poster som matchar filtren, på alla sidor.',
      totalPages: 'Antal sidor.',
      links: 'Länkar till sidor i listan med samma filter.',
      self: 'Denna sida.',
      first: 'Första sidan.',
      last: 'Sista sidan.',
      prev: 'Föregående sida, om det finns någon.',
      next: 'Nästa sida, om det finns någon.',
    },
    problem: {
      type: 'Vilket slags fel: en adress i API-guiden som förklarar det.',
      title: 'Felets rubrik på svenska.',
      status: 'HTTP-statuskoden.',
      detail: 'Vad som gick fel i just detta anrop, på svenska.',
      instance: 'Adressen som efterfrågades.',
      requestId: 'Anropets id i serverns logg: ange det om du hör av dig.',
      invalidParams: 'Parametrarna som inte godtogs, var och en med skälet.',
      parameterName: 'Parameterns namn.',
      parameterReason: 'Varför värdet inte godtogs, på svenska.',
    },
    apiInfo: {
      apiName: 'API:ets namn.',
      apiVersion: 'API:ets version (semantisk versionering); huvudversionen står i adressen.',
      apiReleased: 'Datum då denna version publicerades.',
      apiDocumentation: 'Adress till den mänskliga dokumentationen.',
      apiStatus: 'active: i drift och stöds; deprecated: ersätts, tas bort senare.',
      openApiDocument: 'Adress till OpenAPI-dokumentet.',
      catalogue: 'Adress till datakatalogen (DCAT-AP-SE, RDF/XML).',
    },
  },
  parameters: {
    limit: 'Högsta antal poster per sida, 1–100. Standard 20.',
    page: 'Vilken sida, från 1. Standard 1.',
    updatedSince:
      'Bara poster som ändrats vid eller efter denna tidpunkt: RFC 3339 med tidszon (2026-01-01T08:00:00Z) eller ett datum (2026-01-01, midnatt svensk tid).',
  },
  problems: {
    byStatus: {
      400: { title: 'Felaktig förfrågan', detail: 'Förfrågan kunde inte tolkas.' },
      403: { title: 'Inte tillåtet', detail: 'Detta får inte göras här.' },
      404: { title: 'Finns inte', detail: 'Det finns ingen resurs eller post med denna adress.' },
      405: { title: 'Metoden stöds inte', detail: 'API:et kan bara läsas: använd GET eller HEAD.' },
      413: { title: 'För stor förfrågan', detail: 'Förfrågan var för stor.' },
      415: { title: 'Fel innehållstyp', detail: 'Innehållstypen stöds inte.' },
      421: { title: 'Fel värdnamn', detail: 'Denna server svarar inte för det värdnamnet.' },
      429: {
        title: 'För många anrop',
        detail: 'För många anrop från din adress. Vänta så många sekunder som Retry-After anger.',
      },
      500: {
        title: 'Serverfel',
        detail: 'Något gick fel hos oss. Försök igen senare; ange requestId om du hör av dig.',
      },
      503: {
        title: 'Tillfälligt otillgänglig',
        detail: 'Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.',
      },
    },
    badParameters: (names: string[]) =>
      names.length === 1
        ? `Parametern ${names[0]} har ett värde som inte godtas.`
        : `Parametrarna ${names.join(', ')} har värden som inte godtas.`,
    unknownId: (resource: string, id: string) => `Det finns ingen offentlig post med id ${id} i ${resource}.`,
  },
  /** Why a parameter's value was refused, by what was wrong. */
  reasons: {
    unknownParameter: 'Denna parameter finns inte för resursen. Se API-dokumentationen.',
    notInteger: 'Ska vara ett heltal.',
    atLeast: (minimum: string) => `Ska vara minst ${minimum}.`,
    atMost: (maximum: string) => `Ska vara högst ${maximum}.`,
    oneOf: (values: string[]) => `Ska vara ett av: ${values.join(', ')}.`,
    slug: 'Ska vara ett id som i webbplatsens adresser: små bokstäver a–z, siffror och bindestreck.',
    updatedSince:
      'Ska vara en tidpunkt som finns, enligt RFC 3339 med tidszon, t.ex. 2026-01-01T08:00:00Z, eller ett datum som 2026-01-01 (år 1900–9999).',
    day: 'Ska vara ett datum som finns, ÅÅÅÅ-MM-DD, t.ex. 2026-01-01 (år 1900–9999).',
    tooLong: (maximum: string) => `Får vara högst ${maximum} tecken.`,
    repeated: 'Parametern får bara anges en gång.',
    invalid: 'Värdet godtas inte. Se parameterns beskrivning i API-dokumentationen.',
  },
};
