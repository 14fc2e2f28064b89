/**
 * The words the offer side and the request side of placements share, defined once so both say the same
 * thing (sv-placement-offers.ts, sv-placement-requests.ts): the kinds of placement, the field names, how
 * a term reads and how places are counted. A term is written "VT2027" where it is typed or chosen and in
 * tables, and "vårterminen 2027" in running text, headings and mails.
 */

/** "VT2027" → "vårterminen 2027". */
export const termName = (term: string) =>
  `${term.startsWith('HT') ? 'höstterminen' : 'vårterminen'} ${term.slice(2)}`;

/** "1 plats", "3 platser". */
export const placesText = (count: number) => (count === 1 ? '1 plats' : `${count} platser`);

/** The kinds of placement, without brackets so they can stand inside a bracket. */
export const placementKinds = {
  vfu_teacher: 'VFU, lärarutbildning',
  vfu_care: 'VIL/VFU, vård och omsorg',
  apl: 'APL, gymnasiet',
  internship: 'Praktik',
};

/** Field names both sides use for an offer's and a need's particulars. */
export const placementWords = {
  kind: 'Typ av praktik',
  chooseKind: 'Välj typ av praktik',
  kindMissing: 'Välj typ av praktik i listan.',
  programme: 'Utbildning eller ämne',
  programmeShort: 'Utbildning',
  studyLevel: 'Termin eller nivå i utbildningen',
  term: 'Termin',
  termInvalid: 'Skriv terminen som VT eller HT och året, till exempel HT2027.',
  termHint: 'Skriv VT eller HT och året, till exempel HT2027.',
};

/** "Grundlärarprogrammet F–3 (VFU, lärarutbildning, vårterminen 2027)". */
export const offerSummary = (programme: string, kind: keyof typeof placementKinds, term: string) =>
  `${programme} (${placementKinds[kind]}, ${termName(term)})`;

/** The small navigation between the placement pages (views/placement-nav.tsx). */
export const placementNav = {
  label: 'Praktik',
  capacity: 'Praktikplatser',
  requests: 'Förfrågningar',
  needs: 'Behovslistor',
  overview: 'Praktik i siffror',
  signInNote:
    'Praktikplatser, förfrågningar och behovslistor är för kommunens enheter och lärosätenas praktiksamordnare. Logga in för att se dem.',
};
