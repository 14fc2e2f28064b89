import { SMALL_COUNT_LIMIT } from '../../lib/small-counts.ts';

/**
 * The open data's words for the goal follow-up (issue 12 over issue 11): the goals, their indicators with
 * the values the pages show, and the published annual reports — each dataset's title, description and
 * keywords (DCAT-AP-SE), and each API field's description (the OpenAPI document, the downloads' columns).
 */
export const apiGoalsText = {
  goals: {
    description: 'Ett av de fyra målen för kommunens samverkan med akademierna, som på /mal.',
    dataset: {
      title: 'Mål för samverkan med akademierna',
      description:
        'De fyra målen för Huddinge kommuns samverkan med universitet och högskolor, som de står på webbplatsen, med de indikatorer som följer upp varje mål.',
      keywords: ['samverkan', 'mål', 'uppföljning', 'högskola', 'universitet'],
    },
    fields: {
      id: 'Målets id: samma slug som i webbplatsens adress /mal/<id>.',
      updatedAt:
        'När målet eller någon av dess indikatorer (målvärden, inmatade värden) senast ändrades (UTC, RFC 3339). Målen själva är fasta och har ingen egen ändringstid.',
      isExampleData: 'Alltid false: målen är kommunens egna.',
      position: 'Målets nummer i ordningen på webbplatsen, från 1.',
      name: 'Målets korta namn, som i rubrikerna på /mal.',
      description:
        'Målet i ord, som på /mal: fortsättningen på meningen ”Målet med samarbetet är att det ska …”.',
      indicators: 'Indikatorerna som följer upp målet, i webbplatsens ordning.',
    },
  },
  indicators: {
    description:
      'En indikator som följer upp ett av målen, med dess värden per år som de visas på indikatorns sida på webbplatsen.',
    dataset: {
      title: 'Indikatorer för målen med samverkan',
      description: `Indikatorerna för de fyra målen för samverkan med akademierna: vad varje indikator räknar, ur vilka poster och för vilken period, och dess värden, målvärden och måluppfyllelse per år för de år webbplatsen visar. Räknade värden räknas när de efterfrågas, ur registrets offentliga poster; inmatade värden har källa och mätdatum. Små antal personer (1–${SMALL_COUNT_LIMIT - 1}) lämnas inte ut.`,
      keywords: ['samverkan', 'mål', 'indikatorer', 'uppföljning', 'statistik', 'praktik', 'forskning'],
    },
    fields: {
      id: 'Indikatorns id: samma slug som i webbplatsens adress /mal/indikatorer/<id>.',
      updatedAt:
        'När indikatorn senast ändrades (UTC, RFC 3339): ett målvärde eller ett inmatat värde som sätts sparas som en ändring av indikatorn. Räknade värden ändras när registret ändras och påverkar inte denna tid.',
      isExampleData:
        'Alltid false: indikatorerna själva är kommunens egna. Se isExampleData för varje värde.',
      name: 'Indikatorns namn.',
      unit: 'Enheten i ord, som värdet läses: t.ex. praktikperioder, procent.',
      unitKind: 'Vad värdet är: count (antal saker), people (antal personer) eller percent (procent).',
      counts: 'Vad som räknas, som på indikatorns sida.',
      from: 'Ur vilka poster och vad som lämnas utanför, som på indikatorns sida.',
      period: 'Vilken period ett värde gäller, som på indikatorns sida.',
      kind: 'computed: räknas ur registrets offentliga poster; manual: inmatat av samverkanssamordnaren med källa och mätdatum.',
      direction: 'higher: högre är bättre; lower: lägre är bättre.',
      goal: 'Målet indikatorn följer upp.',
      hasData:
        'Om något alls har räknats eller matats in för indikatorn något år. Är den false visar webbplatsen inga värden, och value är null för alla år (ingen påhittad nolla).',
      values: `Ett värde per år som indikatorns sida visar (i år och de fyra åren före), äldst först. Räknade värden (kind computed) räknas när de efterfrågas, ur registrets offentliga poster, och ändras alltså när registret ändras; de är desamma som webbplatsen visar. Det som gavs Högskolerådet finns fryst i annual-reports.`,
      year: 'Kalenderåret (Stockholmstid). Innevarande år är ”hittills i år”.',
      value: `Årets värde, eller null: inget värde, eller ett litet antal personer (1–${SMALL_COUNT_LIMIT - 1}) som inte lämnas ut (se withheld).`,
      withheld: `true när värdet är ett litet antal personer som inte lämnas ut (”färre än ${SMALL_COUNT_LIMIT}” på webbplatsen); value är då null.`,
      target: 'Målvärdet för året, eller null om inget är satt.',
      met: 'Om målvärdet är nått, som sidan bedömer det: true (nått), false (året är slut och målet nåddes inte), null (inget mål, inget värde, eller innevarande år ännu inte nått).',
      standing:
        'Bedömningen i ord som på sidan: reached (målet är nått), onTrack (i fas med målet i år), behind (efter målet i år), missed (målet nåddes inte), notSet (inget mål), unknown (kan inte bedömas).',
      valueIsExampleData:
        'true om värdet bara räknar påhittade exempelposter (märkta som exempel på webbplatsen).',
      targetIsExampleData: 'true om målvärdet är exempeldata.',
      source: 'Ett inmatat värdes källa (t.ex. en enkät); null för räknade värden.',
      measuredOn: 'Dagen ett inmatat värde mättes; null för räknade värden.',
      futureTargets: 'Målvärden som är satta för kommande år.',
      futureTarget: 'Målvärdet.',
      futureYear: 'Året målvärdet gäller.',
      goalFilter: 'Bara indikatorer för målet med detta id.',
      kindFilter: 'Bara räknade (computed) eller inmatade (manual) indikatorer.',
    },
  },
  annualReports: {
    description:
      'En publicerad årsrapport till Högskolerådet, fryst när den publicerades, som på /mal/arsrapporter/<år>.',
    dataset: {
      title: 'Årsrapporter till Högskolerådet',
      description:
        'Huddinge kommuns publicerade årsrapporter till Högskolerådet om samverkan med akademierna: sammanfattning, kommentar per mål, indikatorernas värden, föregående års värden, målvärden och måluppfyllelse, årets aktiviteter och beslut. Allt är fryst som det var när rapporten publicerades. Utkast lämnas inte ut.',
      keywords: ['samverkan', 'årsrapport', 'Högskolerådet', 'uppföljning', 'mål', 'indikatorer'],
    },
    fields: {
      id: 'Rapportens id: året med fyra siffror, som i adressen /mal/arsrapporter/<år>.',
      updatedAt: 'När rapporten senast ändrades (UTC, RFC 3339); en publicerad rapport ändras inte.',
      isExampleData: 'true om rapporten eller något i den är exempeldata.',
      year: 'Året rapporten gäller.',
      publishedAt: 'När rapporten publicerades (UTC, RFC 3339).',
      countedOn: 'Dagen siffrorna räknades och frystes (Stockholmstid).',
      summary: 'Samordnarens sammanfattning av året.',
      goals: 'Målen som i rapporten, med ord och siffror som de frystes.',
      goalName: 'Målets korta namn när rapporten publicerades.',
      goalStatement: 'Målet i ord när rapporten publicerades.',
      goalPosition: 'Målets nummer i ordningen, från 1.',
      comment: 'Samordnarens kommentar till målet; tom om ingen skrevs.',
      indicators: 'Målets indikatorer med årets värden, som de frystes.',
      indicatorName: 'Indikatorns namn när rapporten publicerades.',
      unit: 'Enheten i ord när rapporten publicerades.',
      value: 'Värdet för rapportens år, som det frystes.',
      previous: 'Värdet för året före, som det frystes vid publiceringen.',
      figureValue: `Värdet, eller null: inget värde, eller ett litet antal personer (1–${SMALL_COUNT_LIMIT - 1}) som inte lämnas ut.`,
      figureWithheld: `true när värdet inte lämnas ut (”färre än ${SMALL_COUNT_LIMIT}”); value är då null.`,
      figureIsExampleData: 'true om värdet bara räknar exempeldata.',
      target: 'Målvärdet för rapportens år, eller null.',
      targetIsExampleData: 'true om målvärdet är exempeldata.',
      met: 'Om målvärdet nåddes: met (ja), notMet (nej), noTarget (inget målvärde), noValue (inget värde), withheld (kan inte visas, få personer).',
      source: 'Ett inmatat värdes källa; null för räknade värden.',
      measuredOn: 'Dagen ett inmatat värde mättes; null för räknade värden.',
      activityCount: 'Hur många offentliga aktiviteter kopplade till målet som pågick under året.',
      activities: 'De senast startade av årets aktiviteter (högst tio), som i rapporten.',
      startsOn: 'Aktivitetens startdag.',
      endsOn: 'Aktivitetens slutdag, eller null.',
      decisions: 'Årets offentliga beslut kopplade till målet, som i rapporten.',
      councilDecisions: 'Högskolerådets övriga beslut under året, inte kopplade till något mål.',
      decisionId: 'Beslutets id, som i adressen /beslut/<id>.',
      decisionTitle: 'Ärendets rubrik.',
      decisionText: 'Beslutet.',
      meetingTitle: 'Mötet där beslutet fattades.',
      meetingOn: 'Mötets dag (Stockholmstid).',
      groupName: 'Gruppen som fattade beslutet.',
      files: 'Rapporten som filer: XLSX, CSV (för svenska Excel) och PDF/A.',
      xlsx: 'Rapportens siffror som Excel-fil (XLSX).',
      csv: 'Rapportens siffror som CSV (UTF-8, semikolon).',
      pdf: 'Hela rapporten som PDF/A.',
    },
  },
};
