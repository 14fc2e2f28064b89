import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, textOf } from '../../../tests/test-app.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp({ demo: true });
});
afterAll(() => subject.cleanup());

async function goalsPage() {
  const response = await subject.request('/mal');
  expect(response.status).toBe(200);
  return response.text();
}

describe('the goals page', () => {
  it('lists the four goals in the source order', async () => {
    const text = textOf(await goalsPage());
    expect(text).toContain('Målet med samarbetet är att det ska');
    const order = [
      'underlätta Huddinge kommuns rekrytering',
      'bidra till Huddinge kommuns verksamhetsutveckling genom forskning',
      'gynna Huddinge kommuns tillväxt genom tätare kontakt mellan näringslivssektionen och akademierna',
      'bidra till att Huddinge kommun är en attraktiv arbetsgivare genom att erbjuda medarbetarna kompetensutveckling.',
    ].map((goal) => text.indexOf(goal));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('Uppdaterad 23 augusti 2023');
  });

  it('counts the activities in the register per goal under a heading of their own', async () => {
    const html = await goalsPage();
    const section = textOf(
      html.match(/<h2>Aktiviteter i registret per mål<\/h2>([\s\S]*?)<\/ul>/)?.[1] ?? '',
    );
    expect(section).toContain('Rekrytering: 4 aktiviteter i registret bidrar till målet.');
    expect(section).toContain(
      'Tillväxt genom kontakt med näringslivet: 1 aktivitet i registret bidrar till målet.',
    );
  });

  it('gives every goal an anchor that activity pages link to', async () => {
    const html = await goalsPage();
    for (const slug of [
      'rekrytering',
      'verksamhetsutveckling-genom-forskning',
      'tillvaxt',
      'attraktiv-arbetsgivare',
    ]) {
      expect(html).toContain(`id="mal-${slug}"`);
    }
  });
});
