import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestApp, type TestApp, textOf } from '../../../tests/test-app.ts';
import { fixedClock } from '../../lib/clock.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
let page: string;
beforeAll(async () => {
  subject = await createTestApp({ demo: false });
  const response = await subject.request('/');
  expect(response.status).toBe(200);
  page = textOf(await response.text());
});
afterAll(() => subject.cleanup());

describe('the start page', () => {
  it('is served as Swedish HTML with a doctype', async () => {
    const response = await subject.request('/');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="sv">');
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
  });

  it('tells what the source page tells, in its words', () => {
    expect(page).toContain('Samverkan med akademierna');
    expect(page).toContain('Huddinge kommun har flera stora akademier inom kommungränserna.');
    expect(page).toContain('Uppdaterad 23 augusti 2023');
  });

  it('lists the six institutions', () => {
    for (const institution of [
      'Södertörns högskola (SH)',
      'Karolinska Institutet (KI)',
      'Kungliga Tekniska Högskolan (KTH) Flemingsberg',
      'Röda Korsets högskola (RKH)',
      'Stockholms musikpedagogiska institut (SMI)',
      'Konstskolan Idun Lovén',
    ]) {
      expect(page).toContain(institution);
    }
    expect(page).toContain('Här utbildas bland annat journalister, poliser och lärare.');
  });

  it('shows the four goals', () => {
    expect(page).toContain('underlätta Huddinge kommuns rekrytering');
    expect(page).toContain('bidra till Huddinge kommuns verksamhetsutveckling genom forskning');
    expect(page).toContain(
      'gynna Huddinge kommuns tillväxt genom tätare kontakt mellan näringslivssektionen och akademierna',
    );
    expect(page).toContain(
      'bidra till att Huddinge kommun är en attraktiv arbetsgivare genom att erbjuda medarbetarna kompetensutveckling.',
    );
  });

  it('names Högskolerådet, its chair and the student union', () => {
    expect(page).toContain('Högskolerådet');
    expect(page).toContain('Ordförande i gymnasie- och arbetsmarknadsnämnden');
    expect(page).toContain('Studentkåren i Flemingsberg');
  });

  it('names the parties of Stiftelsen Flemingsberg Science', () => {
    expect(page).toContain('Stiftelsen Flemingsberg Science');
    for (const party of ['Region Stockholm', 'Botkyrka kommun', 'Det lokala näringslivet']) {
      expect(page).toContain(party);
    }
    expect(page).toContain('Region Stockholm, Botkyrka kommun och det lokala näringslivet deltar');
  });

  it('shows the two collaboration agreements and the three focus areas', () => {
    expect(page).toContain('Samverkansavtal mellan Huddinge kommun och Södertörns högskola');
    expect(page).toContain('Samverkansavtal mellan Huddinge kommun och Karolinska Institutet');
    for (const area of ['Samhällsbyggnad', 'Kompetensförsörjning', 'Tillgång till likvärdig vård']) {
      expect(page).toContain(area);
    }
  });

  it('ends with the question "Var informationen till din hjälp?" about this page', async () => {
    const html = await (await subject.request('/')).text();
    expect(page).toMatch(/Var informationen till din hjälp\?.* Ja Nej/);
    expect(html).toContain('<form method="post" action="/aterkoppling"');
    expect(html).toContain('<input type="hidden" name="page" value="/"/>');
  });
});

describe('the start page over time', () => {
  it('shows the ULF agreement as ended after 2025', () => {
    expect(page).toMatch(
      /ULF-avtal om praktiknära forskning i förskola och skola: 1 januari 2017 – 31 december 2025 Avslutat/,
    );
  });

  it('shows the ULF agreement as in force in 2024', async () => {
    const in2024: TestApp = buildTestApp(subject.database, {
      demo: false,
      clock: fixedClock('2024-05-01T12:00:00+02:00'),
    });
    const text = textOf(await (await in2024.request('/')).text());
    expect(text).toMatch(/31 december 2025 Gällande/);
  });
});

describe('slugs are data, not code', () => {
  it('still finds the council and the foundation’s network after they are renamed and re-slugged', async () => {
    const other = await createTestApp({ demo: false });
    try {
      await other.database.db.execute(sql`
        update groups set slug = 'radet-for-hogskolesamverkan', name = 'Rådet för högskolesamverkan'
         where site_role = 'council'`);
      await other.database.db.execute(
        sql`update groups set slug = 'natverket' where site_role = 'foundation_network'`,
      );
      const home = await other.request('/');
      expect(home.status).toBe(200);
      expect(textOf(await home.text())).toContain('Ordförande i gymnasie- och arbetsmarknadsnämnden');
      const council = await other.request('/hogskoleradet');
      expect(council.status).toBe(200);
      expect(await council.text()).toContain('/grupper/radet-for-hogskolesamverkan/internt');
      const foundation = await other.request('/flemingsberg-science');
      expect(foundation.status).toBe(200);
      // The parties come from the re-slugged network: the list links each party's page (the text alone
      // names Botkyrka kommun too, so the link is what shows the list is there).
      expect(await foundation.text()).toContain('href="/organisationer/botkyrka-kommun"');
    } finally {
      await other.cleanup();
    }
  });

  it('answers 200 without the sections when no group holds a role, or an agreement is gone', async () => {
    const other = await createTestApp({ demo: false });
    try {
      await other.database.db.execute(sql`update groups set site_role = null`);
      await other.database.db.execute(
        sql`delete from agreements where slug = 'samverkansavtal-karolinska-institutet'`,
      );
      for (const path of ['/', '/hogskoleradet', '/flemingsberg-science', '/avtal']) {
        expect((await other.request(path)).status, path).toBe(200);
      }
    } finally {
      await other.cleanup();
    }
  });
});
