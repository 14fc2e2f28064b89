import type { CrawlTarget } from './routes.ts';

/**
 * The public overview of placements and the needs bank (src/features/placements/overview.*) in each of
 * its states: the current term (the demo term, filled), the next term, a term with nothing in it (every
 * table's empty text), and a term that is no term (400, the message by the chooser).
 */
export function placementOverviewTargets(): CrawlTarget[] {
  return [
    { name: 'placement overview, current term', url: '/praktik/oversikt', status: 200 },
    { name: 'placement overview, next term', url: '/praktik/oversikt?termin=VT2027', status: 200 },
    { name: 'placement overview, empty term', url: '/praktik/oversikt?termin=HT2024', status: 200 },
    { name: 'placement overview, bad term', url: '/praktik/oversikt?termin=H%C3%B6sten', status: 400 },
  ];
}
