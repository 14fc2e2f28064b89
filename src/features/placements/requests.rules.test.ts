import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../web/i18n/messages.ts';
import { placementRequestStatuses } from './placements.table.ts';
import { allowedMoves, checkMove, placesDelta, requestMoves } from './request-status.ts';
import { type Demand, rankDemands, rankOffers, type Supply } from './suggestions.ts';
import { type OpenRequest, proposeTerm } from './term-proposal.ts';
import { reasonText } from './views/request-parts.tsx';

const t = messagesFor('sv');

describe('the status machine (request-status.ts)', () => {
  it('lets each side make only its own moves, from the statuses they start from', () => {
    expect(allowedMoves('submitted', ['unit'])).toEqual(['review', 'confirm', 'decline']);
    expect(allowedMoves('in_review', ['unit'])).toEqual(['confirm', 'decline']);
    expect(allowedMoves('confirmed', ['unit'])).toEqual(['complete']);
    expect(allowedMoves('submitted', ['institution'])).toEqual(['cancel']);
    expect(allowedMoves('confirmed', ['institution'])).toEqual(['cancel']);
    expect(allowedMoves('confirmed', ['unit', 'institution'])).toEqual(['complete', 'cancel']);
    for (const status of ['declined', 'completed', 'cancelled'] as const)
      expect(allowedMoves(status, ['unit', 'institution'])).toEqual([]);
  });

  it('says why a move is refused: the other side’s move (403) before a wrong status (409)', () => {
    expect(checkMove('cancelled', 'confirm', ['unit'])).toEqual({ ok: false, why: 'notFromStatus' });
    expect(checkMove('submitted', 'confirm', ['institution'])).toEqual({ ok: false, why: 'notYourSide' });
    expect(checkMove('completed', 'cancel', ['institution'])).toEqual({ ok: false, why: 'notFromStatus' });
    expect(checkMove('declined', 'cancel', ['institution'])).toEqual({ ok: false, why: 'notFromStatus' });
    expect(checkMove('submitted', 'complete', ['unit'])).toEqual({ ok: false, why: 'notFromStatus' });
    expect(checkMove('in_review', 'review', ['unit'])).toEqual({ ok: false, why: 'notFromStatus' });
    expect(checkMove('in_review', 'confirm', ['unit'])).toEqual({ ok: true, to: 'confirmed' });
  });

  it('never leaves a terminal status, whoever asks', () => {
    for (const status of ['declined', 'completed', 'cancelled'] as const)
      for (const move of requestMoves)
        expect(checkMove(status, move, ['unit', 'institution']).ok).toBe(false);
  });

  it('takes places on confirmation and gives them back when a confirmed request is cancelled', () => {
    expect(placesDelta('in_review', 'confirmed', 3)).toBe(3);
    expect(placesDelta('confirmed', 'cancelled', 3)).toBe(-3);
    expect(placesDelta('confirmed', 'completed', 3)).toBe(0);
    expect(placesDelta('submitted', 'cancelled', 3)).toBe(0);
    expect(placesDelta('submitted', 'declined', 3)).toBe(0);
    for (const status of placementRequestStatuses) expect(t.placementRequests.statuses[status]).toBeTruthy();
  });
});

describe('suggestions with reasons (suggestions.ts)', () => {
  // A nursing request from Södertörns högskola (5, a department 6 under it) for 2 places in Flemingsberg.
  const demand: Demand = {
    kind: 'vfu_care',
    term: 'HT2027',
    programme: 'Sjuksköterskeprogrammet',
    studyLevel: 'termin 5',
    area: 'Flemingsberg',
    places: 2,
    institutionChain: [6, 5],
  };
  const offer = (over: Partial<Supply> & { id: number; name: string }): Supply => ({
    kind: 'vfu_care',
    term: 'HT2027',
    programme: 'Sjuksköterskeprogrammet',
    studyLevel: 'termin 5',
    area: 'Flemingsberg',
    free: 3,
    agreementWith: [5],
    ...over,
  });
  const offers = [
    offer({ id: 1, name: 'Vårdboendet Björken', area: 'Sjödalen' }),
    offer({ id: 2, name: 'Äldreboendet Ekbacken' }),
    offer({ id: 3, name: 'Hemtjänsten Flemingsberg', programme: 'Undersköterska', agreementWith: [] }),
    offer({ id: 4, name: 'Vårdboendet Almen', kind: 'apl' }),
    offer({ id: 5, name: 'Vårdboendet Aspen', free: 0 }),
    offer({ id: 6, name: 'Korttidsboendet Lönnen', term: 'VT2028', free: 1 }),
    offer({ id: 7, name: 'Vårdboendet Björken', area: 'Sjödalen', free: 3 }),
    offer({ id: 8, name: 'Demensboendet Alen', area: 'Sjödalen' }),
  ];

  it('ranks a known case with the reasons in words, in a stable order', () => {
    const ranked = rankOffers(demand, offers).map((r) => ({
      id: r.item.id,
      score: r.score,
      reasons: r.reasons.map((reason) => reasonText(t, reason)),
    }));
    const all = [
      'programmet stämmer',
      'samma nivå i utbildningen',
      'enheten har 3 lediga platser',
      'förvaltningen har ett avtal med lärosätet',
    ];
    expect(ranked).toEqual([
      { id: 2, score: 9, reasons: [...all, 'resväg: samma område'] },
      // Same score and free places: by name (D before V), then by id (1 before 7).
      { id: 8, score: 8, reasons: all },
      { id: 1, score: 8, reasons: all },
      { id: 7, score: 8, reasons: all },
      {
        id: 3,
        score: 3,
        reasons: ['samma nivå i utbildningen', 'enheten har 3 lediga platser', 'resväg: samma område'],
      },
    ]);
    // Another kind, another term, or no free place: never suggested, however well the rest fits.
    for (const id of [4, 5, 6]) expect(ranked.map((r) => r.id)).not.toContain(id);
    // Deterministic: the same data in another order gives the same answer.
    expect(rankOffers(demand, [...offers].reverse()).map((r) => r.item.id)).toEqual(ranked.map((r) => r.id));
  });

  it('ranks the open demands for an offer the same way', () => {
    const supply = offer({ id: 2, name: 'Äldreboendet Ekbacken' });
    const ranked = rankDemands(supply, [
      { ...demand, id: 10, name: 'Södertörns högskola', places: 2 },
      { ...demand, id: 11, name: 'Karolinska Institutet', places: 2, area: '', institutionChain: [7] },
      { ...demand, id: 12, name: 'Röda Korsets Högskola', kind: 'apl' },
      { ...demand, id: 13, name: 'Röda Korsets Högskola', term: 'VT2028' },
    ]);
    expect(ranked.map((r) => [r.item.id, r.score])).toEqual([
      [10, 9],
      [11, 6],
    ]);
  });

  it('suggests a request made on another offer only when the programme matches; a need on kind and term', () => {
    // The walk-through's case: a new "Ämneslärarprogrammet 7–9" offer, VT2027, 4 free places.
    const supply: Supply = {
      id: 20,
      name: 'Sjödalsskolan',
      kind: 'vfu_teacher',
      term: 'VT2027',
      programme: 'Ämneslärarprogrammet 7–9',
      studyLevel: '',
      area: 'Sjödalen',
      free: 4,
      agreementWith: [5],
    };
    const teacher = (over: Partial<Demand> & { id: number; name: string; programme: string }) => ({
      kind: 'vfu_teacher' as const,
      term: 'VT2027',
      studyLevel: '',
      area: '',
      places: 2,
      institutionChain: [5],
      ...over,
    });
    const ranked = rankDemands(supply, [
      teacher({
        id: 30,
        name: 'Södertörns högskola',
        programme: 'Grundlärarprogrammet F–3',
        onOtherOffer: true,
      }),
      teacher({
        id: 31,
        name: 'Södertörns högskola',
        programme: 'Förskollärarprogrammet',
        onOtherOffer: true,
      }),
      teacher({
        id: 32,
        name: 'Stockholms universitet',
        programme: 'Ämneslärarprogrammet 7–9',
        onOtherOffer: true,
        institutionChain: [8],
      }),
      teacher({
        id: 33,
        name: 'Södertörns högskola',
        programme: 'Ämneslärarprogrammet',
        term: 'HT2027',
        onOtherOffer: true,
      }),
      teacher({ id: 34, name: 'Södertörns högskola', programme: 'Förskollärarprogrammet' }),
    ]);
    expect(
      ranked.map((r) => ({
        id: r.item.id,
        score: r.score,
        reasons: r.reasons.map((reason) => reasonText(t, reason)),
      })),
    ).toEqual([
      { id: 32, score: 5, reasons: ['programmet stämmer', 'enheten har 4 lediga platser'] },
      {
        id: 34,
        score: 3,
        reasons: ['enheten har 4 lediga platser', 'förvaltningen har ett avtal med lärosätet'],
      },
    ]);
  });
});

describe('the automatic term proposal (term-proposal.ts)', () => {
  const at = (minute: number) => new Date(Date.UTC(2027, 4, 1, 8, minute));
  const request = (over: Partial<OpenRequest> & { id: number }): OpenRequest => ({
    version: 1,
    universityId: 1,
    universityName: 'Södertörns högskola',
    offerId: 100,
    places: 1,
    preference: 1,
    createdAt: at(over.id),
    ...over,
  });
  const ki = { universityId: 2, universityName: 'Karolinska Institutet' };

  it('takes turns across institutions by preference, never beyond the free places', () => {
    const requests = [
      request({ id: 1, places: 2, preference: 1 }),
      request({ id: 2, places: 2, preference: 2 }),
      request({ id: 3, places: 1, preference: 3, offerId: 200 }),
      request({ id: 4, ...ki, places: 2, preference: 1 }),
      request({ id: 5, ...ki, places: 1, preference: 2, offerId: 200 }),
    ];
    const free = new Map([
      [100, 4],
      [200, 1],
    ]);
    const proposal = proposeTerm(requests, free);
    // Round 1: KI (alphabetically first) gets request 4, SH request 1; offer 100 is then full.
    // Round 2: KI's 5 takes offer 200's one place; SH's 2 does not fit. Round 3: SH's 3 finds 200 full.
    expect(proposal.lines.map((line) => [line.round, line.request.id, line.granted])).toEqual([
      [1, 4, true],
      [1, 1, true],
      [2, 5, true],
      [2, 2, false],
      [3, 3, false],
    ]);
    expect(proposal.freeAfter).toEqual(
      new Map([
        [100, 0],
        [200, 0],
      ]),
    );
    expect(proposeTerm([...requests].reverse(), free).hash).toBe(proposal.hash);
  });

  it('lets the institution with the fewest places so far go first in the next round, whatever its name', () => {
    const ersta = { universityId: 3, universityName: 'Ersta Sköndal Bräcke högskola' };
    const requests = [
      request({ id: 1, ...ersta, places: 3, preference: 1 }),
      request({ id: 2, places: 1, preference: 1 }),
      request({ id: 3, places: 1, preference: 2 }),
      request({ id: 4, ...ersta, places: 1, preference: 2 }),
    ];
    const proposal = proposeTerm(requests, new Map([[100, 5]]));
    // Round 1 by name: Ersta 3 places, Södertörn 1. Round 2: Södertörn (1 so far) before Ersta (3) takes
    // the last place; by name alone Ersta would have had it.
    expect(proposal.lines.map((line) => [line.round, line.request.id, line.granted])).toEqual([
      [1, 1, true],
      [1, 2, true],
      [2, 3, true],
      [2, 4, false],
    ]);
  });

  it('changes its fingerprint when a request or the free places change', () => {
    const requests = [request({ id: 1 })];
    const base = proposeTerm(requests, new Map([[100, 1]])).hash;
    expect(proposeTerm([request({ id: 1, version: 2 })], new Map([[100, 1]])).hash).not.toBe(base);
    expect(proposeTerm(requests, new Map([[100, 2]])).hash).not.toBe(base);
  });
});
