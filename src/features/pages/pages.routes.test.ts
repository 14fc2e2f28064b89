import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, textOf } from '../../../tests/test-app.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp({ demo: false });
});
afterAll(() => subject.cleanup());

async function page(path: string) {
  const response = await subject.request(path);
  expect(response.status).toBe(200);
  return response.text();
}

describe('the accessibility statement', () => {
  it('gives the compliance level, known gaps, how it was assessed, how to report and a link to Digg', async () => {
    const html = await page('/tillganglighet');
    const text = textOf(html);
    expect(text).toContain('Tillgänglighetsredogörelse');
    expect(text).toContain(
      'Webbplatsen är helt förenlig med lagen om tillgänglighet till digital offentlig service.',
    );
    expect(text).toContain('Innehåll som inte är tillgängligt');
    expect(text).toContain('Hur vi testat webbplatsen');
    expect(text).toContain('Rapportera brister i webbplatsens tillgänglighet');
    expect(html).toContain('<a href="mailto:huddinge@huddinge.se">huddinge@huddinge.se</a>');
    expect(html).toMatch(/<a href="https:\/\/www\.digg\.se\/[^"]*anmal-bristande-tillganglighet">/);
    expect(text).toContain('Uppdaterad 27 november 2026');
  });
});

describe('the personal data page', () => {
  it('says what is kept, on which legal basis, and that no cookie is set', async () => {
    const text = textOf(await page('/personuppgifter'));
    expect(text).toContain('Personuppgifter och kakor');
    expect(text).toContain('artikel 6.1 e');
    expect(text).toContain('Vi sparar inte din IP-adress och sätter ingen kaka.');
  });
});

describe('the layout of every page', () => {
  it('has a skip link, one main landmark, the menu with the current page marked, and the footer links', async () => {
    const html = await page('/avtal');
    expect(html).toContain('<a class="skip-link" href="#main">Hoppa till huvudinnehållet</a>');
    expect(html.match(/<main /g)).toHaveLength(1);
    expect(html).toContain('<a href="/avtal" aria-current="page">Avtal</a>');
    expect(html).toContain('<a href="/tillganglighet">Tillgänglighet</a>');
    expect(html).toContain('<a href="/personuppgifter">Personuppgifter och kakor</a>');
    expect(html).toContain('<title>Samarbetsformer – Samverkan med akademierna – Huddinge kommun</title>');
  });
});
