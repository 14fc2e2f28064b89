/**
 * The open data's words for organisations, focus areas and groups (issue 12): each dataset's title,
 * description and keywords (DCAT-AP-SE), and each API field's description (the OpenAPI document, and the
 * column descriptions of the downloads).
 */
export const apiOrganisationsText = {
  organisations: {
    description:
      'En organisation i registret: kommunen och dess förvaltningar, nämnder och enheter, lärosäten och deras institutioner, regioner, företag, stiftelser och studentkårer.',
    dataset: {
      title: 'Organisationer i samverkan med lärosäten',
      description:
        'Organisationerna i Huddinge kommuns register över samverkan med universitet och högskolor: kommunens förvaltningar, nämnder och enheter, lärosätena och deras institutioner och övriga parter, med slag, överordnad organisation, webbplats och beskrivning, som på webbplatsens sidor om organisationer och lärosäten.',
      keywords: ['organisationer', 'lärosäten', 'högskola', 'universitet', 'förvaltningar', 'samverkan'],
    },
    fields: {
      name: 'Organisationens namn.',
      shortName: 'Kort namn eller förkortning, t.ex. SH eller KI, om det finns.',
      kind: 'Slag av organisation: municipality (kommun), administration (förvaltning), unit (enhet), committee (nämnd), university (lärosäte), department (institution), region, company (företag), foundation (stiftelse), student_union (studentkår).',
      parent:
        'Organisationen den är en del av, som på organisationens sida; null om den inte har någon eller om den inte längre finns i registret.',
      website: 'Organisationens egen webbplats, om den finns.',
      description: 'Vad organisationen är och gör i samverkan, som på organisationens sida.',
      kindFilter: 'Bara organisationer av detta slag, t.ex. university.',
      parentFilter: 'Bara organisationer som är direkt del av organisationen med detta id.',
    },
  },
  focusAreas: {
    description: 'Ett prioriterat utvecklingsområde som avtal om samverkan kan sätta i fokus.',
    dataset: {
      title: 'Prioriterade områden i samverkan med lärosäten',
      description:
        'De utvecklingsområden som Huddinge kommuns avtal med universitet och högskolor prioriterar, t.ex. samhällsbyggnad och kompetensförsörjning, med de offentliga avtal som prioriterar varje område.',
      keywords: ['prioriterade områden', 'samverkan', 'avtal', 'högskola', 'universitet'],
    },
    fields: {
      name: 'Områdets namn.',
      description: 'Vad området omfattar, om det är beskrivet.',
      agreements: 'Offentliga avtal som prioriterar området.',
    },
  },
  groups: {
    description:
      'En grupp i samverkan: Högskolerådet, en arbetsgrupp för ett avtal, en styrelse eller ett nätverk, med de platser och roller som visas på gruppens sida.',
    dataset: {
      title: 'Grupper i samverkan med lärosäten',
      description:
        'Högskolerådet, arbetsgrupperna för samverkansavtalen, parterna i Stiftelsen Flemingsberg Science och andra offentliga grupper i Huddinge kommuns samverkan med universitet och högskolor: vilka organisationer som har platser, med vilken roll, och namn på personer bara där de är publicerade på gruppens sida. Aldrig e-postadresser. Bara offentliga grupper.',
      keywords: ['Högskolerådet', 'arbetsgrupper', 'samverkan', 'högskola', 'universitet', 'ledamöter'],
    },
    fields: {
      name: 'Gruppens namn.',
      kind: 'Slag av grupp: working_group (arbetsgrupp), council (råd), board (styrelse), network (nätverk).',
      description: 'Vad gruppen gör, som på gruppens sida.',
      agreement: 'Avtalet som gruppen genomför, om det finns och är offentligt.',
      organisations:
        'Organisationerna som har platser i gruppen i dag, i gruppens ordning (samma som i members).',
      members:
        'Gruppens platser i dag, i den ordning gruppens sida visar dem. En plats vars tid har gått ut eller inte har börjat visas inte.',
      memberRole:
        'Roll: chair (ordförande), vice_chair (vice ordförande), secretary (sekreterare), member (ledamot), co_opted (adjungerad), participant (deltagare).',
      memberPersonName: 'Personens namn, där det är publicerat på gruppens sida; annars null.',
      memberSeat:
        'Uppdraget som har platsen, t.ex. ”Ordförande i gymnasie- och arbetsmarknadsnämnden”, där gruppens sida visar det i stället för ett namn; annars null.',
      memberOrganisation: 'Organisationen platsen företräder, om den finns kvar i registret.',
      memberIsExampleData: 'true om platsen är exempeldata (påhittad).',
      kindFilter: 'Bara grupper av detta slag, t.ex. working_group.',
      organisationFilter: 'Bara grupper där organisationen med detta id har en plats i dag.',
      agreementFilter: 'Bara grupper som genomför avtalet med detta id.',
    },
  },
};
