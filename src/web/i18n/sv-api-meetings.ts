/**
 * The open data's words for placements, meetings and decisions (issue 12): each dataset's title,
 * description and keywords (DCAT-AP-SE), and each API field's description (the OpenAPI document, and the
 * column descriptions of the downloads).
 */
export const apiMeetingsText = {
  placementCapacities: {
    description:
      'Praktikplatser som en förvaltnings enheter erbjuder en termin, och hur många av dem lärosätena begärt, fått bekräftade och genomfört: samma rad som i översikten över praktik och VFU. Inga personer.',
    dataset: {
      title: 'Praktikplatser och VFU per termin och förvaltning',
      description:
        'Antal praktik- och VFU-platser (VFU i lärarutbildningen, VFU/VIL i vård och omsorg, APL, praktik) som kommunens enheter erbjuder per termin, summerat per förvaltning, med antal begärda, bekräftade och genomförda platser: samma siffror som webbplatsens översikt /praktik/oversikt. Bara sammanräkningar per förvaltning, inga enskilda enheter eller personer; borttagna erbjudanden och förfrågningar räknas inte.',
      keywords: ['praktik', 'VFU', 'VIL', 'APL', 'praktikplatser', 'högskola'],
    },
    fields: {
      id: 'Sammanräkningens id: terminen och förvaltningens id, t.ex. ht2026-grundskoleforvaltningen.',
      url: 'Översikten över praktik och VFU för terminen på webbplatsen.',
      updatedAt: 'Senaste ändringen bland de erbjudanden och förfrågningar som räknats.',
      term: 'Terminen, t.ex. HT2026 (hösten) eller VT2027 (våren).',
      administration:
        'Förvaltningen vars enheter erbjuder platserna (närmaste förvaltning ovanför enheten, eller toppen av dess träd), som översikten räknar dem.',
      offered: 'Erbjudna platser.',
      requested: 'Platser som lärosätena begärt på erbjudandena (alla förfrågningar utom inställda).',
      confirmed: 'Bekräftade platser (bekräftade och genomförda förfrågningar).',
      completed: 'Genomförda platser.',
      termFilter: 'Bara denna termin, t.ex. HT2026.',
      organisationFilter: 'Bara förvaltningen med detta id.',
    },
  },
  meetings: {
    description:
      'Ett möte i Högskolerådet eller en arbetsgrupp, som mötets sida visar det: tid, plats, status, dagordning och, när protokollet är justerat, besluten.',
    dataset: {
      title: 'Möten i Högskolerådet och arbetsgrupperna',
      description:
        'Offentliga möten i offentliga grupper: tid, plats, status (planerat, genomfört, inställt), de offentliga ärendena på dagordningen och, först när protokollet är justerat, anteckningar, beslut och länk till protokollet. Interna möten och ärenden och ojusterade protokoll finns inte med.',
      keywords: ['möten', 'Högskolerådet', 'dagordning', 'protokoll', 'samverkan'],
    },
    fields: {
      id: 'Mötets nummer, samma som i webbplatsens adress /moten/{id}.',
      title: 'Mötets rubrik.',
      group: 'Gruppen som håller mötet.',
      startsAt: 'När mötet börjar (UTC).',
      endsAt: 'När mötet slutar (UTC).',
      location: 'Platsen, som mötets sida anger den; null om den inte är angiven.',
      videoUrl: 'Länk till videomötet, om det finns ett och mötet inte är inställt.',
      status: 'Mötets status: planned (planerat), held (genomfört), cancelled (inställt).',
      cancelledReason: 'Varför mötet ställts in, om det är inställt och skälet är angivet.',
      agenda: 'De offentliga ärendena i ordning (interna ärenden räknas inte).',
      itemNumber: 'Ärendets paragraf bland de offentliga ärendena: 1, 2, 3 …',
      itemTitle: 'Ärendets rubrik.',
      presenter: 'Vem som föredrar ärendet; null om ingen anges.',
      startTime: 'Planerad tid för ärendet (svensk tid, TT:MM); null om ingen anges.',
      proposedDecision: 'Förslag till beslut; null om inget anges.',
      notes: 'Anteckningar i protokollet; bara när protokollet är justerat, annars null.',
      decision: 'Beslutet; bara när protokollet är justerat, annars null.',
      decisionUrl: 'Beslutets sida /beslut/{id}; bara när det finns ett beslut.',
      agreement: 'Avtalet ärendet gäller, om det är offentligt.',
      focusAreas: 'Prioriterade områden ärendet gäller.',
      goals: 'Mål ärendet gäller.',
      minutes: 'Protokollet, när det är justerat; annars null.',
      minutesStatus: 'Alltid approved (justerat): andra protokoll publiceras inte.',
      approvedOn: 'Dagen protokollet justerades (justeringsdatum).',
      keptAt: 'Var protokollet förvaras, om det anges.',
      minutesUrl: 'Protokollet som fil för arkivet (HTML).',
      groupFilter: 'Bara möten i gruppen med detta id.',
      fromFilter: 'Bara möten från och med denna dag (svensk tid), ÅÅÅÅ-MM-DD.',
      toFilter: 'Bara möten till och med denna dag (svensk tid), ÅÅÅÅ-MM-DD.',
    },
  },
  decisions: {
    description:
      'Ett beslut i ett justerat protokoll, som beslutets sida visar det: ärendet, beslutet, mötet och gruppen.',
    dataset: {
      title: 'Beslut i Högskolerådet och arbetsgrupperna',
      description:
        'Beslut ur justerade protokoll: offentliga ärenden med beslut i offentliga möten i offentliga grupper, med möte, grupp, datum, prioriterade områden och mål. Beslut i protokoll som inte är justerade finns inte med.',
      keywords: ['beslut', 'protokoll', 'Högskolerådet', 'samverkan'],
    },
    fields: {
      id: 'Beslutets nummer, samma som i webbplatsens adress /beslut/{id}.',
      title: 'Ärendets rubrik.',
      number: 'Ärendets paragraf bland mötets offentliga ärenden.',
      decision: 'Beslutet, som i protokollet.',
      notes: 'Anteckningar till ärendet i protokollet; null om inga finns.',
      meeting: 'Mötet där beslutet fattades.',
      meetingStartsAt: 'När mötet började (UTC).',
      group: 'Gruppen som fattade beslutet.',
      decidedOn: 'Mötets dag (svensk tid).',
      approvedOn: 'Dagen protokollet justerades.',
      focusAreas: 'Prioriterade områden beslutet gäller.',
      goals: 'Mål beslutet gäller.',
      groupFilter: 'Bara beslut i gruppen med detta id.',
      goalFilter: 'Bara beslut som gäller målet med detta id.',
      focusAreaFilter: 'Bara beslut som gäller det prioriterade området med detta id.',
      fromFilter: 'Bara beslut från möten från och med denna dag, ÅÅÅÅ-MM-DD.',
      toFilter: 'Bara beslut från möten till och med denna dag, ÅÅÅÅ-MM-DD.',
    },
  },
};
