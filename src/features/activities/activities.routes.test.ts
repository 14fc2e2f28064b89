import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestApp, textOf } from '../../../tests/test-app.ts';
import { fixedClock } from '../../lib/clock.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp({ demo: true });
});
afterAll(() => subject.cleanup());

async function textAt(path: string, app: { request: (path: string) => Promise<Response> } = subject) {
  const response = await app.request(path);
  expect(response.status).toBe(200);
  return textOf(await response.text());
}

describe('the ULF page', () => {
  it('tells the source page’s text about ULF', async () => {
    const text = await textAt('/ulf');
    expect(text).toContain('Samverkan med Södertörns högskola');
    expect(text).toContain('ULF är en förkortning för Utveckling, Lärande och Forskning');
    expect(text).toContain('Syftet är att stärka forskning, lärarutbildning och vetenskaplig grund');
    expect(text).toContain('Uppdaterad 23 augusti 2023');
  });

  it('shows the ULF agreement as ended after 2025', async () => {
    const text = await textAt('/ulf');
    expect(text).toContain('Period 1 januari 2017 – 31 december 2025 Status Avslutat');
    expect(text).toContain(
      'Parter Barn- och utbildningsförvaltningen, Gymnasie- och arbetsmarknadsförvaltningen, Södertörns högskola',
    );
  });

  it('shows the ULF agreement as in force in 2024', async () => {
    const in2024 = buildTestApp(subject.database, { clock: fixedClock('2024-08-23T12:00:00+02:00') });
    expect(await textAt('/ulf', in2024)).toContain('Status Gällande');
  });

  it('lists the ULF projects', async () => {
    const text = await textAt('/ulf');
    expect(text).toContain('Språkutvecklande arbetssätt i förskolan Exempeldata ULF-projekt');
    expect(text).toContain('Formativ bedömning i gymnasieskolans yrkesprogram');
  });
});

describe('an activity page', () => {
  it('shows the kind, period, organisations, agreement and goals of an activity', async () => {
    const text = await textAt('/aktiviteter/ulf-bedomning-i-gymnasieskolan');
    expect(text).toContain('Formativ bedömning i gymnasieskolans yrkesprogram Exempeldata');
    expect(text).toContain('Typ av aktivitet ULF-projekt');
    expect(text).toContain('Period 10 januari 2022 – 30 juni 2025');
    expect(text).toContain('Avtal ULF-avtal om praktiknära forskning i förskola och skola');
    expect(text).toContain('Bidrar till målen Verksamhetsutveckling genom forskning');
  });

  it('answers an unknown activity with the Swedish 404 page', async () => {
    const response = await subject.request('/aktiviteter/finns-inte');
    expect(response.status).toBe(404);
    expect(textOf(await response.text())).toContain('Sidan finns inte');
  });
});
