import type { SeedSet } from './seed-set.ts';

/**
 * Every fact of the source page "Samverkan med akademierna" (shared/seed/000_3bab4c6e5032064e.txt),
 * as register data. Nothing here is invented: names of people, other administrations and example
 * activities belong in demo-data.ts.
 */

/** The source page says: "Uppdaterad 23 augusti 2023". */
export const SOURCE_PAGE_UPDATED_ON = '2023-08-23';
/** When the product's own pages (accessibility statement, personal data) were last reviewed. */
export const PRODUCT_PAGES_UPDATED_ON = '2026-11-27';

/** "Lärosätena" as the source page lists them, in its order. */
export const INSTITUTION_SLUGS = [
  'sodertorns-hogskola',
  'karolinska-institutet',
  'kth-flemingsberg',
  'roda-korsets-hogskola',
  'stockholms-musikpedagogiska-institut',
  'konstskolan-idun-loven',
] as const;

export const sourceFacts: SeedSet = {
  organisations: [
    { slug: 'huddinge-kommun', name: 'Huddinge kommun', kind: 'municipality' },
    {
      slug: 'barn-och-utbildningsforvaltningen',
      name: 'Barn- och utbildningsförvaltningen',
      kind: 'administration',
      parent: 'huddinge-kommun',
      description:
        'Samverkar genom ULF-avtal med Södertörns högskola i gemensamma satsningar på praktiknära forskning i förskola och skola.',
    },
    {
      slug: 'gymnasie-och-arbetsmarknadsforvaltningen',
      name: 'Gymnasie- och arbetsmarknadsförvaltningen',
      kind: 'administration',
      parent: 'huddinge-kommun',
      description:
        'Samverkar genom ULF-avtal med Södertörns högskola i gemensamma satsningar på praktiknära forskning i förskola och skola.',
    },
    {
      slug: 'gymnasie-och-arbetsmarknadsnamnden',
      name: 'Gymnasie- och arbetsmarknadsnämnden',
      kind: 'committee',
      parent: 'huddinge-kommun',
      description: 'Nämndens ordförande leder Högskolerådet.',
    },
    {
      slug: 'naringslivssektionen',
      name: 'Näringslivssektionen',
      kind: 'unit',
      parent: 'huddinge-kommun',
      description:
        'Ett av målen med samarbetet är att gynna Huddinge kommuns tillväxt genom tätare kontakt mellan näringslivssektionen och akademierna.',
    },
    {
      slug: 'sodertorns-hogskola',
      name: 'Södertörns högskola',
      shortName: 'SH',
      kind: 'university',
      description: 'Här utbildas bland annat journalister, poliser och lärare.',
    },
    {
      slug: 'karolinska-institutet',
      name: 'Karolinska Institutet',
      shortName: 'KI',
      kind: 'university',
      description: 'Här bedrivs medicinsk forskning och här finns bland annat en sjuksköterskeutbildning.',
    },
    {
      slug: 'kth-flemingsberg',
      name: 'Kungliga Tekniska Högskolan (KTH) Flemingsberg',
      shortName: 'KTH',
      kind: 'university',
      description: 'Här bedrivs utbildning och forskning inom medicinsk teknik.',
    },
    {
      slug: 'roda-korsets-hogskola',
      name: 'Röda Korsets högskola',
      shortName: 'RKH',
      kind: 'university',
      description: 'Här utbildas nya sjuksköterskor.',
    },
    {
      slug: 'stockholms-musikpedagogiska-institut',
      name: 'Stockholms musikpedagogiska institut',
      shortName: 'SMI',
      kind: 'university',
      description: 'Ett av lärosätena för eftergymnasial utbildning i Huddinge.',
    },
    {
      slug: 'konstskolan-idun-loven',
      name: 'Konstskolan Idun Lovén',
      kind: 'university',
      description: 'Utbildning inom skulptur och måleri.',
    },
    {
      slug: 'studentkaren-i-flemingsberg',
      name: 'Studentkåren i Flemingsberg',
      kind: 'student_union',
      description: 'Studentkåren i Flemingsberg finns med i Högskolerådet.',
    },
    {
      slug: 'stiftelsen-flemingsberg-science',
      name: 'Stiftelsen Flemingsberg Science',
      kind: 'foundation',
      description:
        'Inom stiftelsen samarbetar kommunen och akademierna, och även Region Stockholm, Botkyrka kommun och det lokala näringslivet deltar.',
      website: 'https://flemingsbergscience.se/',
    },
    { slug: 'region-stockholm', name: 'Region Stockholm', kind: 'region' },
    { slug: 'botkyrka-kommun', name: 'Botkyrka kommun', kind: 'municipality' },
    { slug: 'lokala-naringslivet', name: 'Det lokala näringslivet', kind: 'company' },
  ],
  focusAreas: [
    { slug: 'samhallsbyggnad', name: 'Samhällsbyggnad' },
    { slug: 'kompetensforsorjning', name: 'Kompetensförsörjning' },
    { slug: 'tillgang-till-likvardig-vard', name: 'Tillgång till likvärdig vård' },
  ],
  agreements: [
    {
      slug: 'samverkansavtal-sodertorns-hogskola',
      title: 'Samverkansavtal mellan Huddinge kommun och Södertörns högskola',
      kind: 'collaboration',
      description:
        'Ett av två ömsesidiga samverkansavtal. Inom ramen för avtalet sätts gemensamt prioriterade utvecklingsområden i fokus.',
      parties: ['huddinge-kommun', 'sodertorns-hogskola'],
      focusAreas: ['samhallsbyggnad', 'kompetensforsorjning', 'tillgang-till-likvardig-vard'],
    },
    {
      slug: 'samverkansavtal-karolinska-institutet',
      title: 'Samverkansavtal mellan Huddinge kommun och Karolinska Institutet',
      kind: 'collaboration',
      description:
        'Ett av två ömsesidiga samverkansavtal. Inom ramen för avtalet sätts gemensamt prioriterade utvecklingsområden i fokus.',
      parties: ['huddinge-kommun', 'karolinska-institutet'],
      focusAreas: ['samhallsbyggnad', 'kompetensforsorjning', 'tillgang-till-likvardig-vard'],
    },
    {
      slug: 'ulf-avtal-sodertorns-hogskola',
      title: 'ULF-avtal om praktiknära forskning i förskola och skola',
      kind: 'ulf',
      // The national ULF trial ran 2017–2025; the agreement is part of it.
      validFrom: '2017-01-01',
      validTo: '2025-12-31',
      description:
        'Barn- och utbildningsförvaltningen och gymnasie- och arbetsmarknadsförvaltningen samverkar genom ULF-avtal med Södertörns högskola i gemensamma satsningar på praktiknära forskning i förskola och skola. ULF är en nationell försöksverksamhet på uppdrag av regeringen som pågår åren 2017–2025.',
      parties: [
        'barn-och-utbildningsforvaltningen',
        'gymnasie-och-arbetsmarknadsforvaltningen',
        'sodertorns-hogskola',
      ],
    },
  ],
  goals: [
    {
      slug: 'rekrytering',
      position: 1,
      shortTitle: 'Rekrytering',
      statement: 'underlätta Huddinge kommuns rekrytering',
    },
    {
      slug: 'verksamhetsutveckling-genom-forskning',
      position: 2,
      shortTitle: 'Verksamhetsutveckling genom forskning',
      statement: 'bidra till Huddinge kommuns verksamhetsutveckling genom forskning',
    },
    {
      slug: 'tillvaxt',
      position: 3,
      shortTitle: 'Tillväxt genom kontakt med näringslivet',
      statement:
        'gynna Huddinge kommuns tillväxt genom tätare kontakt mellan näringslivssektionen och akademierna',
    },
    {
      slug: 'attraktiv-arbetsgivare',
      position: 4,
      shortTitle: 'Attraktiv arbetsgivare',
      statement:
        'bidra till att Huddinge kommun är en attraktiv arbetsgivare genom att erbjuda medarbetarna kompetensutveckling',
    },
  ],
  groups: [
    {
      slug: 'hogskoleradet',
      name: 'Högskolerådet',
      kind: 'council',
      siteRole: 'council',
      organisation: 'huddinge-kommun',
      description:
        'Genom Högskolerådet utbyter kommunen och akademierna information och diskuterar strategier för fortsatt samarbete.',
    },
    {
      slug: 'arbetsgrupp-sodertorns-hogskola',
      name: 'Arbetsgruppen för samverkansavtalet med Södertörns högskola',
      kind: 'working_group',
      agreement: 'samverkansavtal-sodertorns-hogskola',
      organisation: 'huddinge-kommun',
      description:
        'Arbetsgruppen gör verklighet av innehållet i avtalet. De flesta av kommunens förvaltningar finns med i arbetsgrupperna.',
    },
    {
      slug: 'arbetsgrupp-karolinska-institutet',
      name: 'Arbetsgruppen för samverkansavtalet med Karolinska Institutet',
      kind: 'working_group',
      agreement: 'samverkansavtal-karolinska-institutet',
      organisation: 'huddinge-kommun',
      description:
        'Arbetsgruppen gör verklighet av innehållet i avtalet. De flesta av kommunens förvaltningar finns med i arbetsgrupperna.',
    },
    {
      slug: 'flemingsberg-science-parter',
      name: 'Parterna i Stiftelsen Flemingsberg Science',
      kind: 'network',
      siteRole: 'foundation_network',
      organisation: 'stiftelsen-flemingsberg-science',
      description:
        'Kommunen och akademierna samarbetar inom ramen för stiftelsen, där även Region Stockholm, Botkyrka kommun och det lokala näringslivet deltar.',
    },
  ],
  members: [
    {
      group: 'hogskoleradet',
      organisation: 'gymnasie-och-arbetsmarknadsnamnden',
      role: 'chair',
      seat: 'Ordförande i gymnasie- och arbetsmarknadsnämnden',
      position: 1,
    },
    { group: 'hogskoleradet', organisation: 'huddinge-kommun', role: 'member', position: 2 },
    ...INSTITUTION_SLUGS.map((slug, index) => ({
      group: 'hogskoleradet',
      organisation: slug,
      role: 'member' as const,
      position: 3 + index,
    })),
    { group: 'hogskoleradet', organisation: 'studentkaren-i-flemingsberg', role: 'member', position: 20 },
    ...[
      'huddinge-kommun',
      ...INSTITUTION_SLUGS,
      'region-stockholm',
      'botkyrka-kommun',
      'lokala-naringslivet',
    ].map((slug, index) => ({
      group: 'flemingsberg-science-parter',
      organisation: slug,
      role: 'participant' as const,
      position: index + 1,
    })),
  ],
  activities: [],
  pages: [
    {
      slug: 'start',
      path: '/',
      title: 'Samverkan med akademierna',
      updatedOn: SOURCE_PAGE_UPDATED_ON,
      owner: 'huddinge-kommun',
      body: 'Huddinge kommun har flera stora akademier inom kommungränserna. Därför är det naturligt att söka samarbete som gynnar både kommunen, respektive högskola och dig som Huddingebo.',
    },
    {
      slug: 'larosaten',
      path: '/larosaten',
      title: 'Exempel på lärosäten',
      updatedOn: SOURCE_PAGE_UPDATED_ON,
      owner: 'huddinge-kommun',
      body: 'Det finns många lärosäten för eftergymnasial utbildning i Huddinge, här listar vi några:',
    },
    {
      slug: 'samarbetsformer',
      path: '/avtal',
      title: 'Samarbetsformer',
      updatedOn: SOURCE_PAGE_UPDATED_ON,
      owner: 'huddinge-kommun',
      body: [
        'Samverkan med akademier och lärosäten är en viktig del i utvecklingen av kommunens verksamhet. Inom ramen för två ömsesidiga samverkansavtal, ett med Södertörns högskola och ett med Karolinska institutet, sätts gemensamt prioriterade utvecklingsområden i fokus.',
        'Samhällsbyggnad, kompetensförsörjning och tillgång till likvärdig vård är några exempel.',
        'De flesta av kommunens förvaltningar finns med i de arbetsgrupper som gör verklighet av innehållet i avtalen. I vissa frågor, till exempel rörande praktik och forskning i den kommunala verksamheten, sker samarbetet direkt mellan enstaka förvaltningar och aktuell institution hos lärosätet.',
      ].join('\n\n'),
    },
    {
      slug: 'hogskoleradet',
      path: '/hogskoleradet',
      title: 'Högskolerådet',
      updatedOn: SOURCE_PAGE_UPDATED_ON,
      owner: 'huddinge-kommun',
      body: 'Genom Högskolerådet utbyter kommunen och akademierna information och diskuterar strategier för fortsatt samarbete. Rådet leds av gymnasie- och arbetsmarknadsnämndens ordförande. Även studentkåren i Flemingsberg finns med.',
    },
    {
      slug: 'flemingsberg-science',
      path: '/flemingsberg-science',
      title: 'Stiftelsen Flemingsberg Science',
      updatedOn: SOURCE_PAGE_UPDATED_ON,
      owner: 'huddinge-kommun',
      body: 'Kommunen och akademierna samarbetar också inom ramen för Stiftelsen Flemingsberg Science, där även Region Stockholm, Botkyrka kommun och det lokala näringslivet deltar.',
    },
    {
      slug: 'mal',
      path: '/mal',
      title: 'Mål med samarbetet',
      updatedOn: SOURCE_PAGE_UPDATED_ON,
      owner: 'huddinge-kommun',
      body: 'Målet med samarbetet är att det ska',
    },
    {
      slug: 'ulf',
      path: '/ulf',
      title: 'Samverkan med Södertörns högskola',
      updatedOn: SOURCE_PAGE_UPDATED_ON,
      owner: 'huddinge-kommun',
      body: [
        'Två förvaltningar i Huddinge kommun (barn- och utbildningsförvaltningen och gymnasie- och arbetsmarknadsförvaltningen) samverkar genom ULF-avtal med Södertörns högskola i gemensamma satsningar på praktiknära forskning i förskola och skola.',
        'ULF är en förkortning för Utveckling, Lärande och Forskning och är en nationell försöksverksamhet på uppdrag av regeringen som pågår åren 2017–2025. Ett övergripande mål är att ta fram och implementera långsiktigt hållbara samverkansmodeller mellan högskola och universitet samt förskola och skola.',
        'Syftet är att stärka forskning, lärarutbildning och vetenskaplig grund och förhållningssätt i förskola och skola.',
      ].join('\n\n'),
    },
    {
      slug: 'tillganglighet',
      path: '/tillganglighet',
      title: 'Tillgänglighetsredogörelse',
      updatedOn: PRODUCT_PAGES_UPDATED_ON,
      owner: 'huddinge-kommun',
      body: [
        'Huddinge kommun står bakom den här webbplatsen, Samverkan med akademierna. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen om tillgänglighet till digital offentlig service (DOS-lagen), kända tillgänglighetsproblem och hur du kan rapportera brister så att vi kan åtgärda dem.',
        '## Hur tillgänglig är webbplatsen?',
        'Webbplatsen är helt förenlig med lagen om tillgänglighet till digital offentlig service. Den följer standarden EN 301 549, som hänvisar till WCAG 2.1 på nivå AA.',
        '- Alla sidor och formulär fungerar utan JavaScript.\n- Allt går att nå och använda med enbart tangentbord, och fokus syns tydligt.\n- Varje sida har en länk för att hoppa till huvudinnehållet, en huvudrubrik och landmärken för skärmläsare.\n- Texten är på svenska och sidan anger språket, så att skärmläsare läser rätt.',
        '## Innehåll som inte är tillgängligt',
        'Vi känner inte till några brister mot kraven i dag. Webbplatsen har ännu inte granskats av en extern part, och vi har inte testat den tillsammans med användare som har funktionsnedsättningar. Det planerar vi att göra.',
        '## Vad kan du göra om du inte kan använda delar av webbplatsen?',
        'Om du behöver innehåll från webbplatsen i ett annat format, eller om något inte fungerar för dig, kontakta Huddinge kommuns kontaktcenter på telefon [08-535 300 00](tel:+46853530000) eller e-post [huddinge@huddinge.se](mailto:huddinge@huddinge.se). Du kan också svara ”Nej” på frågan ”Var informationen till din hjälp?” längst ner på varje sida och skriva vad som saknades.',
        '## Rapportera brister i webbplatsens tillgänglighet',
        'Vi strävar hela tiden efter att förbättra webbplatsens tillgänglighet. Om du upptäcker problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, kontakta oss på [huddinge@huddinge.se](mailto:huddinge@huddinge.se) så att vi får veta att problemet finns.',
        '## Tillsyn',
        'Myndigheten för digital förvaltning (Digg) ansvarar för tillsynen över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du [anmäla bristande tillgänglighet till Digg](https://www.digg.se/analys-och-uppfoljning/lagen-om-tillganglighet-till-digital-offentlig-service-dos-lagen/anmal-bristande-tillganglighet).',
        '## Hur vi testat webbplatsen',
        'Vi har själva granskat webbplatsen. Varje sida, både tom, ifylld och med felmeddelanden, kontrolleras automatiskt i webbläsaren Chromium med verktyget axe mot WCAG 2.1 nivå A och AA, och med Nu Html Checker för giltig HTML, varje gång koden ändras. Sidorna prövas också med JavaScript avstängt.',
        'Webbplatsen publicerades i november 2026. Redogörelsen uppdaterades senast den 27 november 2026.',
      ].join('\n\n'),
    },
    {
      slug: 'personuppgifter',
      path: '/personuppgifter',
      title: 'Personuppgifter och kakor',
      updatedOn: PRODUCT_PAGES_UPDATED_ON,
      owner: 'huddinge-kommun',
      body: [
        'Huddinge kommun är personuppgiftsansvarig för webbplatsen. Vi behandlar personuppgifter med stöd av allmänt intresse och myndighetsutövning (dataskyddsförordningen artikel 6.1 e), eftersom samverkan med lärosätena är en del av kommunens uppdrag.',
        'När du svarar på frågan ”Var informationen till din hjälp?” sparar vi vilken sida det gäller, ditt svar, din eventuella kommentar och tidpunkten. Vi sparar inte din IP-adress och sätter ingen kaka. Skriv inga personuppgifter i kommentaren.',
        'För att stoppa automatiska massinskick räknar servern hur många svar som kommer från samma adress under en timme. Adressen sparas inte: räkningen förs under en kod som inte går att räkna tillbaka till adressen, och både räkningen och nyckeln till koden raderas efter en timme.',
        'Bevakar du behovsbanken sparar vi din e-postadress och vad du vill bevaka. Bevakningen börjar först när du bekräftat adressen via länken i mejlet; en obekräftad adress raderas efter sju dagar. Varje mejl har en länk som avslutar bevakningen med ett klick, och då raderas adressen.',
        'Svarar du på ett behov i behovsbanken sparar vi namn, e-postadress, lärosäte och det du skriver, och visar det bara för dig, för den som äger behovet och för samverkanssamordnarna. Lärosäten som begär praktikplatser kan ange studenters förnamn och utbildning; de raderas automatiskt när terminen är slut.',
        'Webbplatsen sätter inga kakor för att läsa sidorna. När du loggar in används en enda, strikt nödvändig sessionskaka (__Host-samverkan) som försvinner när du loggar ut, efter 30 minuter utan aktivitet och senast efter 12 timmar. Loggar du in med din organisations konto används dessutom under själva inloggningen en kaka (__Host-oidc-state) som gäller högst 10 minuter och skyddar mot att någon annan styr inloggningen. Vi använder ingen spårning och ingen webbanalys, och därför behövs ingen kakbanner.',
        '## Om du har ett konto',
        'För dig som loggar in sparar vi namn, e-postadress, de kompetensområden du själv anger, språkval, dina roller i organisationer och grupper, hur du loggar in (e-postlänk eller din organisations inloggning), dina pågående sessioner och en logg över inloggningar och ändringar av konton och roller. Vi sparar inga lösenord.',
        'Under Mina uppgifter kan du se och ändra dina uppgifter, ladda ner allt vi har om dig som en fil och begära att dina uppgifter raderas.',
        'Är du namngiven kontaktperson i ett avtal är avtalet en allmän handling som kommunen måste bevara (offentlighetsprincipen, tryckfrihetsförordningen 2 kap., och dataskyddsförordningen artikel 17.3). Då finns ditt namn och din e-postadress kvar i avtalet, medan övriga uppgifter raderas.',
        'Namn på personer i arbetsgrupper och liknande som är markerade som exempeldata är påhittade och beskriver inga verkliga personer.',
      ].join('\n\n'),
    },
  ],
};
