/**
 * The open data's words for the register's core records (issue 12): each dataset's title, description
 * and keywords (DCAT-AP-SE), and each API field's description (the OpenAPI document, and the column
 * descriptions of the downloads).
 */
export const apiRegisterText = {
  agreements: {
    description: 'Ett avtal om samverkan mellan kommunen och ett eller flera lärosäten.',
    dataset: {
      title: 'Avtal om samverkan med lärosäten',
      description:
        'Huddinge kommuns avtal med universitet och högskolor: samverkansavtal, ULF-avtal, avtal om praktik och VFU och forskningsavtal, med parter, prioriterade områden, giltighetstid, status och namngivna kontaktpersoner. Bara offentliga avtal.',
      keywords: ['samverkan', 'avtal', 'högskola', 'universitet', 'ULF', 'VFU'],
    },
    fields: {
      title: 'Avtalets namn.',
      kind: 'Slag av avtal: collaboration (samverkansavtal), ulf (ULF-avtal), placement (praktik och VFU), research (forskningsavtal).',
      status:
        'Status i dag, räknad från datumen: draft (har inte börjat gälla), active (gäller), expiring (upphör inom 90 dagar), ended (har upphört).',
      diarienummer: 'Kommunens diarienummer, om det finns.',
      signedOn: 'Dagen avtalet skrevs under, om den är känd.',
      validFrom: 'Första dagen avtalet gäller, om den är känd.',
      validTo: 'Sista dagen avtalet gäller; null betyder tills vidare.',
      description: 'Vad avtalet gäller, som på avtalets sida.',
      parties: 'Avtalets parter: organisationer i registret.',
      partyKind: 'Slag av organisation (se organisations kind).',
      focusAreas: 'Prioriterade områden i avtalet.',
      contacts: 'Namngivna kontaktpersoner, som på avtalets sida (namn och part, aldrig e-post).',
      contactName: 'Kontaktpersonens namn.',
      contactParty: 'Parten kontaktpersonen företräder, om den finns kvar i registret.',
      documents: 'Avtalets offentliga dokument (PDF), som på avtalets sida.',
      documentTitle: 'Dokumentets rubrik.',
      documentKind: 'Slag av dokument: agreement (avtalet), appendix (bilaga), other (annat).',
      documentUrl: 'Adress till filen (PDF).',
      documentSize: 'Filens storlek i byte.',
      kindFilter: 'Bara avtal av detta slag.',
      statusFilter: 'Bara avtal med denna status i dag, t.ex. active.',
      organisationFilter: 'Bara avtal där organisationen med detta id är part.',
      focusAreaFilter: 'Bara avtal med det prioriterade området med detta id.',
    },
  },
};
