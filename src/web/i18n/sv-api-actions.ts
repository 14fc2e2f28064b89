/** The open data's words for the actions (uppdrag) given by decisions (issue 12). */
export const apiActionsText = {
  description:
    'Ett uppdrag som ett beslut har gett och som ännu pågår, som i tabellen ”Pågående uppdrag” på gruppens sida.',
  dataset: {
    title: 'Pågående uppdrag från Högskolerådet och arbetsgrupperna',
    description:
      'Uppdrag som beslut i Högskolerådet och arbetsgrupperna har gett och som inte är klara: vad, vem (organisation) som ansvarar, status med kort lägesbeskrivning och när det ska vara klart. Bara uppdrag från möten med justerat protokoll; klara och strukna uppdrag försvinner från listan, som på webbplatsen.',
    keywords: ['uppdrag', 'beslut', 'Högskolerådet', 'arbetsgrupp', 'uppföljning'],
  },
  fields: {
    id: 'Uppdragets nummer i registret.',
    url: 'Mötet där uppdraget gavs.',
    title: 'Vad uppdraget gäller.',
    status: 'Status: not_started (ej påbörjat) eller in_progress (pågår).',
    statusNote: 'Kort lägesbeskrivning, tom om det inte finns någon.',
    dueOn: 'Dagen uppdraget ska vara klart, eller null.',
    owner: 'Organisationen som ansvarar för uppdraget, eller null (ingen, eller inte kvar i registret).',
    meeting: 'Mötet där beslutet som gav uppdraget fattades.',
    group: 'Gruppen som följer upp uppdraget.',
    groupFilter: 'Bara uppdrag från gruppen med detta id.',
    statusFilter: 'Bara uppdrag med denna status.',
  },
};
