import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fetchPage, textOf } from '../../../tests/test-app.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp({ demo: false });
});
afterAll(() => subject.cleanup());

const page = (path: string) => fetchPage(subject, path);

describe('the Högskolerådet page', () => {
  it('says who leads the council and who sits in it', async () => {
    const { status, html } = await page('/hogskoleradet');
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain('Rådet leds av gymnasie- och arbetsmarknadsnämndens ordförande.');
    expect(text).toContain('Ordförande Ordförande i gymnasie- och arbetsmarknadsnämnden');
    expect(text).toContain('Studentkåren i Flemingsberg');
    for (const institution of ['Södertörns högskola', 'Karolinska Institutet', 'Konstskolan Idun Lovén']) {
      expect(text).toContain(`– Ledamot ${institution}`);
    }
    expect(html).toContain('<caption>Högskolerådets ledamöter</caption>');
    expect(text).toContain('Uppdaterad 23 augusti 2023');
  });
});

describe('the Flemingsberg Science page', () => {
  it('lists the parties: the municipality, the institutions, Region Stockholm, Botkyrka kommun and local business', async () => {
    const { status, html } = await page('/flemingsberg-science');
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain('Stiftelsen Flemingsberg Science');
    expect(text).toContain(
      'Parter Huddinge kommun Södertörns högskola Karolinska Institutet Kungliga Tekniska Högskolan (KTH) Flemingsberg Röda Korsets högskola Stockholms musikpedagogiska institut Konstskolan Idun Lovén Region Stockholm Botkyrka kommun Det lokala näringslivet',
    );
    expect(html).toContain(
      '<a href="https://flemingsbergscience.se/" rel="external">Stiftelsens webbplats</a>',
    );
  });
});

describe('a working group page', () => {
  it('shows the group, its agreement and that it has no registered members without demo data', async () => {
    const { status, html } = await page('/grupper/arbetsgrupp-karolinska-institutet');
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain('Arbetsgruppen för samverkansavtalet med Karolinska Institutet');
    expect(text).toContain('Avtal: Samverkansavtal mellan Huddinge kommun och Karolinska Institutet');
    expect(text).toContain('Inga medlemmar registrerade.');
  });

  it('answers an unknown group with the Swedish 404 page', async () => {
    const { status, html } = await page('/grupper/finns-inte');
    expect(status).toBe(404);
    expect(textOf(html)).toContain('Sidan finns inte');
  });
});
