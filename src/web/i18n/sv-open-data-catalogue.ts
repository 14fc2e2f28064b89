/**
 * The data catalogue's words (issue 12): what the DCAT-AP-SE catalogue at /datasets/dcat says about
 * itself, its distributions and the API, and the page that tells the municipality how to point Sveriges
 * dataportal at it (/oppna-data/dataportalen).
 */
export const openDataCatalogueText = {
  catalogue: {
    title: 'Samverkan med akademierna – öppna data',
    description:
      'Huddinge kommuns öppna data om samverkan med universitet och högskolor: avtal, organisationer, grupper, aktiviteter, mål och mer, som filer (CSV och JSON) och som ett öppet API. Bara det som är offentligt på webbplatsen finns med.',
  },
  dataService: {
    title: 'Samverkan med akademierna – öppet API',
    description:
      'Läsbart REST-API (JSON) för hela registret över samverkan med akademierna, med filter, sidor och ETag. Beskrivs av ett OpenAPI 3.1-dokument.',
  },
  distributions: {
    csvTitle: (dataset: string) => `${dataset} (CSV)`,
    csvDescription:
      'Hela datamängden som en CSV-fil i UTF-8 med byte order mark och semikolon, så att den öppnas rätt i svenska Excel.',
    jsonTitle: (dataset: string) => `${dataset} (JSON)`,
    jsonDescription: 'Hela datamängden som en JSON-fil, med samma fält som API:et.',
    apiTitle: (dataset: string) => `${dataset} (API)`,
    apiDescription: 'Datamängden genom det öppna API:et: sidor om högst 100 poster, med filter.',
  },
  /** The EU Publications Office's own Swedish labels of the data themes (skos:prefLabel). */
  themes: {
    scheme: 'Datateman',
    EDUC: 'Utbildning, kultur och sport',
    GOVE: 'Regeringen och den offentliga sektorn',
    SOCI: 'Befolkning och samhälle',
    TECH: 'Vetenskap och teknik',
    ECON: 'Ekonomi och finans',
    REGI: 'Regioner och städer',
    HEAL: 'Hälsa',
  },
  publisherType: 'Lokal myndighet',
  openApi: 'OpenAPI-specifikationen 3.1.0',
  page: {
    title: 'Öppna data på Sveriges dataportal',
    intro:
      'Sveriges dataportal (dataportal.se) samlar beskrivningar av offentliga datamängder. Portalen hämtar, skördar, beskrivningarna själv från varje organisation en gång per dygn. Den här webbplatsen har en färdig beskrivning av alla sina öppna data, en så kallad datakatalog enligt DCAT-AP-SE 3.0.1, som portalen kan skörda.',
    addressHeading: 'Skördningsadressen',
    addressText: 'Ange den här adressen som skördningskälla för Huddinge kommun på dataportalen:',
    turtleText: 'Samma katalog finns också i formatet Turtle, för den som vill läsa den:',
    stepsHeading: 'Så kopplar kommunen dataportalen hit',
    steps: [
      'Logga in i dataportalens administration för organisationer (den nås från dataportal.se). Offentliga organisationer är redan förregistrerade; saknas Huddinge kommun, registrera kommunen som organisation med organisationsnumret.',
      'Ändra kommunens skördningskälla till adressen ovan. Portalen väntar sig en katalog i RDF/XML på en adress som slutar på /datasets/dcat, och det är vad som finns här.',
      'Starta en skördning direkt i administrationen, eller vänta till nästa natt. En skördning man startar själv brukar vara klar inom tio minuter.',
      'Sök på Huddinge kommun på dataportal.se och kontrollera att datamängderna syns. Portalens verktygslåda kan också validera katalogen mot DCAT-AP-SE.',
    ],
    contentHeading: 'Vad katalogen innehåller',
    contentText: (count: number) =>
      `Katalogen beskriver ${count} ${count === 1 ? 'datamängd' : 'datamängder'}, en för varje slag av offentlig post i registret. Varje datamängd har titel, beskrivning, nyckelord, teman, kontaktuppgift, utgivare, tidsperiod, uppdateringsfrekvens och åtkomsträttighet, och tre distributioner: en CSV-fil, en JSON-fil och det öppna API:et. Allt är licensierat med CC0.`,
    datasetsHeading: 'Datamängderna',
    updatesHeading: 'Hur ofta den ändras',
    updatesText:
      'Katalogen byggs om av sig själv när något ändras i registret, så den stämmer alltid med webbplatsen. Dataportalen hämtar den en gång per dygn.',
    validationHeading: 'Kontroll',
    validationText:
      'Katalogen kontrolleras i webbplatsens automatiska tester mot EU:s profil DCAT-AP 3.0 (SEMIC:s SHACL-regler) och mot DCAT-AP-SE:s svenska krav: kontaktuppgift med namn och e-post, utgivare med typ, licens på varje distribution och inga blanka noder.',
    contactHeading: 'Kontakt',
    contactText: 'Frågor om öppna data och katalogen:',
  },
};
