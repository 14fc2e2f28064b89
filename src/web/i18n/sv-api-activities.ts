/**
 * The open data's words for activities and the needs bank's briefs (issue 12): each dataset's title,
 * description and keywords (DCAT-AP-SE), and each API field's and filter's description (the OpenAPI
 * document, and the column descriptions of the downloads).
 */
export const apiActivitiesText = {
  activities: {
    description:
      'En aktivitet i samverkan: ett forskningsprojekt, ULF-projekt, en praktikperiod, ett examensarbete, en kurs eller ett evenemang.',
    dataset: {
      title: 'Aktiviteter i samverkan med lärosäten',
      description:
        'Forskningsprojekt, ULF-projekt, praktikperioder, examensarbeten, kurser och evenemang som Huddinge kommun gör med universitet och högskolor: period, organisationer, avtal, prioriterade områden, mål och vad det blev. Bara offentliga aktiviteter, som på webbplatsens aktivitetssidor.',
      keywords: ['samverkan', 'aktiviteter', 'forskningsprojekt', 'ULF', 'praktik', 'examensarbete'],
    },
    fields: {
      title: 'Aktivitetens namn.',
      kind: 'Slag av aktivitet: research_project (forskningsprojekt), ulf_project (ULF-projekt), placement_period (praktikperiod), thesis_project (examensarbete), course (kurs), event (evenemang).',
      description: 'Vad aktiviteten gäller, som på aktivitetens sida.',
      startsOn: 'Första dagen, om den är känd.',
      endsOn: 'Sista dagen; null betyder att slutet inte är angivet.',
      agreement: 'Avtalet aktiviteten hör till, om det är offentligt; annars null.',
      organisations: 'Organisationer som deltar, som på aktivitetens sida.',
      focusAreas: 'Prioriterade områden aktiviteten hör till.',
      goals: 'Samverkansmål aktiviteten bidrar till.',
      outcomes:
        'Vad det blev: resultat, rapporter och vad som används, som på aktivitetens sida (tom om inget är angivet).',
      outcomesUsedOn:
        'Sedan vilken dag resultaten används i kommunens arbete; null om det inte är rapporterat.',
      kindFilter: 'Bara aktiviteter av detta slag.',
      organisationFilter: 'Bara aktiviteter där organisationen med detta id deltar.',
      agreementFilter: 'Bara aktiviteter som hör till avtalet med detta id.',
      focusAreaFilter: 'Bara aktiviteter med det prioriterade området med detta id.',
      goalFilter: 'Bara aktiviteter som bidrar till målet med detta id.',
      activeFromFilter:
        'Bara aktiviteter som pågår denna dag eller senare (YYYY-MM-DD): de som slutar före den är borta. Utan känt slut räknas aktiviteten som pågående.',
      activeToFilter:
        'Bara aktiviteter som pågår denna dag eller tidigare (YYYY-MM-DD): de som börjar efter den är borta. Utan känd start räknas aktiviteten som redan började.',
    },
  },
  briefs: {
    description:
      'En förfrågan i behovsbanken: en fråga eller ett behov från kommunen som forskare, lärare och studenter kan svara på, eller kompetensutveckling som ett lärosäte erbjuder.',
    dataset: {
      title: 'Behovsbanken: kommunens frågor till forskare och studenter',
      description:
        'Publicerade förfrågningar i Huddinge kommuns behovsbank: forskningsfrågor, examensarbeten, kursprojekt, ULF-frågor, gästföreläsningar och kompetensutveckling, med fråga, vad svaret ska användas till, sista svarsdag, status, organisation, prioriterade områden, mål och vad svaren blev. Bara det som visas på webbplatsen; svaren själva är personuppgifter och ingår inte.',
      keywords: ['behovsbanken', 'forskningsfrågor', 'examensarbete', 'samverkan', 'högskola', 'ULF'],
    },
    fields: {
      title: 'Förfrågans rubrik.',
      kind: 'Slag av förfrågan: research_question (forskningsfråga), thesis (examensarbete), course_project (kursprojekt eller case), ulf_question (ULF-fråga), guest_lecture (gästföreläsning), staff_development (kompetensutveckling som ett lärosäte erbjuder).',
      status:
        'Status i dag: open (öppen för svar), closed (stängd av ägaren, eller sista svarsdagen har passerat).',
      organisation:
        'Organisationen som frågar, eller för kompetensutveckling lärosätet som erbjuder; null om den inte finns kvar i registret.',
      question: 'Frågan, som på förfrågans sida.',
      intendedUse: 'Vad resultatet ska användas till.',
      background: 'Bakgrund (tom om ingen är angiven).',
      beneficiaries: 'Vem som har nytta av resultatet (tom om det inte är angivet).',
      offering: 'Vad kommunen erbjuder: data, tillgång, handledartid (tom om inget är angivet).',
      contactName:
        'Kontaktpersonens namn, som på förfrågans sida (aldrig e-post: svar går via webbplatsen); tom om inget namn är angivet.',
      deadline: 'Sista svarsdag; null betyder öppen tills den stängs.',
      publishedAt: 'När förfrågan publicerades i behovsbanken (UTC, RFC 3339).',
      focusAreas: 'Prioriterade områden förfrågan hör till.',
      goals: 'Samverkansmål förfrågan bidrar till.',
      institutions:
        'Lärosäten förfrågan riktar sig till; tom betyder alla. Alltid tom för kompetensutveckling.',
      outcomes: 'Det här blev: offentliga aktiviteter som antagna svar blev, som på förfrågans sida.',
      kindFilter: 'Bara förfrågningar av detta slag.',
      statusFilter: 'Bara förfrågningar med denna status i dag: open eller closed.',
      organisationFilter:
        'Bara förfrågningar från organisationen med detta id, eller riktade till den (som lärosätesfiltret i behovsbanken).',
      focusAreaFilter: 'Bara förfrågningar med det prioriterade området med detta id.',
      goalFilter: 'Bara förfrågningar som bidrar till målet med detta id.',
    },
  },
  goalReference: 'Ett av samverkansmålen: dess id, korta namn och sida på webbplatsen.',
};
