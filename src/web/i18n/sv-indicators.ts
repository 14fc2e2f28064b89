import type { IndicatorSlug } from '../../features/goals/indicators/indicator-catalogue.ts';
import { SMALL_COUNT_LIMIT } from '../../lib/small-counts.ts';

/**
 * The goal indicators in words (issue 11): each one's name, unit, and definition — what is counted, from
 * which records, for which period — kept beside the query that counts it (indicator-facts.queries.ts):
 * change the two together. docs/indicators.md is checked against these words by a test.
 */
type Definition = {
  name: string;
  /** The unit as a figure reads: "praktikperioder", "procent". */
  unit: string;
  /** … and after the figure 1: "praktikperiod". */
  unitOne: string;
  /** What is counted. */
  counts: string;
  /** From which records, and what is left out. */
  from: string;
  /** Which period a figure is for. */
  period: string;
};

const definitions = {
  'genomforda-praktikperioder': {
    name: 'Genomförda praktikperioder',
    unit: 'praktikperioder',
    unitOne: 'praktikperiod',
    counts:
      'Lärosätenas förfrågningar om praktikplatser (VFU, VIL, APL och praktik) som kommunens enhet har markerat som genomförda. En förfrågan är en praktikperiod, hur många studenter den än gäller.',
    from: 'Praktikplatserna i registret: förfrågningar med status genomförd, på platser som inte är borttagna, hos enheter och lärosäten som finns kvar i registret. Delas upp per förvaltning (den förvaltning enheten hör till) och per lärosäte.',
    period: 'Kalenderår, efter terminen platsen gällde: VT2026 och HT2026 räknas till 2026.',
  },
  'placerade-studenter': {
    name: 'Placerade studenter',
    unit: 'studenter',
    unitOne: 'student',
    counts: 'Antalet studentplatser i de genomförda praktikperioderna (se Genomförda praktikperioder).',
    from: 'Samma förfrågningar som Genomförda praktikperioder; varje förfrågan räknas med sitt antal platser. Delas upp per förvaltning och per lärosäte.',
    period: 'Kalenderår, efter terminen platsen gällde.',
  },
  'anstallda-efter-praktik': {
    name: 'Praktikanter som senare anställts',
    unit: 'personer',
    unitOne: 'person',
    counts:
      'Personer som gjort praktik eller VFU i kommunen och som senare anställts av kommunen. Registret sparar inga studenters namn efter terminen, så siffran kan inte räknas här.',
    from: 'Inmatat värde: samverkanssamordnaren för in siffran från en uppföljning där de anställda själva har valt att svara (till exempel en enkät till nyanställda), med källa och mätdatum.',
    period: 'Det år mätningen gäller, som källan anger.',
  },
  'forsknings-och-ulf-projekt': {
    name: 'Pågående forsknings- och ULF-projekt',
    unit: 'projekt',
    unitOne: 'projekt',
    counts: 'Aktiviteter av typen forskningsprojekt eller ULF-projekt som pågår under året.',
    from: 'Aktiviteterna i registret som är offentliga och inte borttagna och har ett startdatum. Ett projekt räknas varje år från startåret till slutåret (eller till i år om det saknar slutdatum); ett projekt som löper över två år räknas alltså båda åren. Delas upp per förvaltning, per lärosäte och per avtal; ett projekt med två lärosäten räknas hos båda men en gång i summan.',
    period: 'Kalenderår.',
  },
  'forskningsfragor-som-tagits-upp': {
    name: 'Frågor från behovsbanken som tagits upp',
    unit: 'frågor',
    unitOne: 'fråga',
    counts:
      'Forskningsfrågor, ULF-frågor och examensarbeten i behovsbanken där minst ett svar från en forskare, lärare eller student har antagits.',
    from: 'Behovsbankens publicerade, offentliga behov och svaren på dem med status antagen eller genomförd. Delas upp per förvaltning (den som ställde frågan) och per lärosäte (det som svarade).',
    period: 'Det kalenderår då det första svaret antogs.',
  },
  'resultat-som-anvands': {
    name: 'Resultat som används i verksamheten',
    unit: 'projekt',
    unitOne: 'projekt',
    counts:
      'Forsknings-, ULF- och examensarbetsprojekt vars resultat enligt aktiviteten används i kommunens verksamhet.',
    from: 'Aktiviteterna i registret (offentliga, inte borttagna) där fältet ”Resultaten används i verksamheten sedan” är ifyllt. Delas upp per förvaltning, per lärosäte och per avtal.',
    period: 'Det kalenderår då resultaten började användas.',
  },
  'aktiviteter-naringsliv-och-akademi': {
    name: 'Aktiviteter med näringslivet och akademin',
    unit: 'aktiviteter',
    unitOne: 'aktivitet',
    counts:
      'Aktiviteter som pågår under året och där både näringslivet (ett företag, eller kommunens näringslivssektion) och ett lärosäte deltar.',
    from: 'Aktiviteterna i registret (offentliga, inte borttagna, med startdatum) och de organisationer de är kopplade till. Delas upp per lärosäte och per avtal.',
    period: 'Kalenderår; en aktivitet som löper över flera år räknas varje år.',
  },
  'foretag-i-samverkan': {
    name: 'Företag i samverkan med akademin',
    unit: 'företag',
    unitOne: 'företag',
    counts:
      'Olika företag som under året deltar i minst en aktivitet där även ett lärosäte deltar. Ett företag räknas en gång per år, hur många aktiviteter det än deltar i.',
    from: 'Samma aktiviteter som Aktiviteter med näringslivet och akademin; organisationer av typen företag. Delas upp per lärosäte.',
    period: 'Kalenderår.',
  },
  'medarbetare-i-kompetensutveckling': {
    name: 'Medarbetares platser i kompetensutveckling',
    unit: 'platser',
    unitOne: 'plats',
    counts:
      'Kommunens medarbetare som fått plats i kompetensutveckling som lärosätena erbjuder. En medarbetare som går två kurser räknas två gånger.',
    from: `Anmälningar från medarbetare till kompetensutveckling i behovsbanken (publicerade, offentliga erbjudanden) med status antagen eller genomförd. Delas upp per förvaltning (där medarbetaren arbetar) och per lärosäte (det som erbjuder). Siffror mellan 1 och ${SMALL_COUNT_LIMIT - 1} visas inte (”färre än ${SMALL_COUNT_LIMIT}”), och i en uppdelning vid behov ytterligare en siffra, så att ingen enskild medarbetare kan pekas ut.`,
    period: 'Det kalenderår då anmälan antogs.',
  },
  kompetensutvecklingsinsatser: {
    name: 'Kompetensutveckling som lärosätena erbjuder',
    unit: 'erbjudanden',
    unitOne: 'erbjudande',
    counts: 'Erbjudanden om kompetensutveckling för kommunens medarbetare som lärosätena har publicerat.',
    from: 'Behovsbankens erbjudanden av typen kompetensutveckling som är publicerade, offentliga och inte borttagna. Delas upp per lärosäte.',
    period: 'Det kalenderår då erbjudandet publicerades.',
  },
  'medarbetare-nojda-med-kompetensutveckling': {
    name: 'Medarbetare som får den kompetensutveckling de behöver',
    unit: 'procent',
    unitOne: 'procent',
    counts:
      'Andelen medarbetare som i kommunens medarbetarenkät svarar att de får den kompetensutveckling de behöver.',
    from: 'Inmatat värde: samverkanssamordnaren för in andelen från medarbetarenkäten, med källa och mätdatum.',
    period: 'Det år enkäten gäller.',
  },
} satisfies Record<IndicatorSlug, Definition>;

export const indicatorsText = {
  definitions: definitions as Record<IndicatorSlug, Definition>,
  kinds: { computed: 'Räknas ur registret', manual: 'Inmatat värde' },
  directions: { higher: 'Högre är bättre', lower: 'Lägre är bättre' },
  breakdowns: { administration: 'Per förvaltning', institution: 'Per lärosäte', agreement: 'Per avtal' },
  breakdownColumn: { administration: 'Förvaltning', institution: 'Lärosäte', agreement: 'Avtal' },
  noGroup: { administration: 'Ingen förvaltning', institution: 'Inget lärosäte', agreement: 'Inget avtal' },
  withheld: `färre än ${SMALL_COUNT_LIMIT}`,
  /** A withheld cell of a table: small, or withheld so that a small one cannot be worked out. */
  withheldCell: 'visas inte',
  withheldCellNote: `”Visas inte”: antal under ${SMALL_COUNT_LIMIT}, och vid behov ytterligare ett antal så att de inte kan räknas fram ur summan. Så kan ingen enskild medarbetare pekas ut.`,
};
