import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTITUTION_SLUGS } from '../../../seeds/source-facts.ts';
import { createTestApp, fetchPage, textOf } from '../../../tests/test-app.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp({ demo: false });
});
afterAll(() => subject.cleanup());

const page = (path: string) => fetchPage(subject, path);

describe('the institutions page', () => {
  it('lists the six institutions with what the source page says about each, linking to each', async () => {
    const { status, html } = await page('/larosaten');
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain(
      'Det finns många lärosäten för eftergymnasial utbildning i Huddinge, här listar vi några:',
    );
    expect(text).toContain(
      'Södertörns högskola (SH) – Här utbildas bland annat journalister, poliser och lärare.',
    );
    expect(text).toContain(
      'Karolinska Institutet (KI) – Här bedrivs medicinsk forskning och här finns bland annat en sjuksköterskeutbildning.',
    );
    expect(text).toContain(
      'Kungliga Tekniska Högskolan (KTH) Flemingsberg – Här bedrivs utbildning och forskning inom medicinsk teknik.',
    );
    expect(text).toContain('Röda Korsets högskola (RKH) – Här utbildas nya sjuksköterskor.');
    expect(text).toContain('Stockholms musikpedagogiska institut (SMI)');
    expect(text).toContain('Konstskolan Idun Lovén – Utbildning inom skulptur och måleri.');
    expect(text).toContain('Uppdaterad 23 augusti 2023');
    for (const slug of INSTITUTION_SLUGS) expect(html).toContain(`href="/larosaten/${slug}"`);
  });
});

describe('an institution page', () => {
  it('shows Södertörns högskola with its agreements and groups', async () => {
    const { status, html } = await page('/larosaten/sodertorns-hogskola');
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain('Södertörns högskola (SH)');
    expect(text).toContain('Lärosäte');
    expect(text).toContain('Samverkansavtal mellan Huddinge kommun och Södertörns högskola');
    expect(text).toContain('ULF-avtal om praktiknära forskning i förskola och skola');
    expect(text).toContain('Högskolerådet');
    expect(text).toContain('Parterna i Stiftelsen Flemingsberg Science');
  });

  it('says so when an institution has no agreements or activities', async () => {
    const text = textOf((await page('/larosaten/konstskolan-idun-loven')).html);
    expect(text).toContain('Lärosätet är inte part i något avtal i registret.');
    expect(text).toContain('Inga aktiviteter i registret.');
  });

  it.each([
    ['an unknown slug', '/larosaten/finns-inte'],
    ['an organisation that is not an institution', '/larosaten/huddinge-kommun'],
    ['an institution under /organisationer', '/organisationer/sodertorns-hogskola'],
    ['an unknown organisation', '/organisationer/finns-inte'],
  ])('answers %s with the Swedish 404 page', async (_case, path) => {
    const { status, html } = await page(path);
    expect(status).toBe(404);
    expect(textOf(html)).toContain('Sidan finns inte');
  });
});

describe('an organisation page', () => {
  it('shows an administration with its place in the municipality and its ULF agreement', async () => {
    const { status, html } = await page('/organisationer/barn-och-utbildningsforvaltningen');
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain('Barn- och utbildningsförvaltningen');
    expect(text).toContain('Förvaltning · del av Huddinge kommun');
    expect(text).toContain('ULF-avtal om praktiknära forskning i förskola och skola');
    expect(html).toContain('href="/organisationer/huddinge-kommun"');
  });

  it('shows the municipality with the organisations that belong to it', async () => {
    const text = textOf((await page('/organisationer/huddinge-kommun')).html);
    expect(text).toContain('Ingår');
    expect(text).toContain('Gymnasie- och arbetsmarknadsnämnden');
    expect(text).toContain('Näringslivssektionen');
  });

  it('links to the foundation website as an external site', async () => {
    const { html } = await page('/organisationer/stiftelsen-flemingsberg-science');
    expect(html).toContain(
      '<a href="https://flemingsbergscience.se/" rel="external">Webbplats</a> (extern webbplats)',
    );
  });
});
