import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp, formPost, textOf } from '../../../tests/test-app.ts';
import { createPageCache } from '../../web/page-cache.ts';
import { focusAreas } from './agreements.table.ts';

const cache = createPageCache({ ttlMs: 60_000, maxBytes: 8 * 1024 * 1024 });
let subject: Awaited<ReturnType<typeof createTestApp>>;
let coordinator: string;
let editor: string;

beforeAll(async () => {
  subject = await createTestApp({ pageCache: cache });
  coordinator = (
    await signedInPerson(subject, { name: 'Cora Samordnare', roles: { 'huddinge-kommun': 'coordinator' } })
  ).cookie;
  editor = (
    await signedInPerson(subject, {
      name: 'Erik Redaktör',
      roles: { 'barn-och-utbildningsforvaltningen': 'editor' },
    })
  ).cookie;
});
afterAll(() => subject.cleanup());

const as = (cookie: string, fields: Record<string, string>) => formPost(fields, { cookie });
const get = (path: string, cookie?: string) =>
  subject.request(path, cookie ? { headers: { cookie } } : undefined);

async function area(slug: string) {
  const [row] = await subject.deps.db.select().from(focusAreas).where(eq(focusAreas.slug, slug));
  if (!row) throw new Error(slug);
  return row;
}

const AGREEMENT = '/avtal/samverkansavtal-sodertorns-hogskola';

describe('focus areas', () => {
  it('are renamed by the coordinator, with history, and the public pages show the new name at once', async () => {
    await get('/avtal');
    await get(AGREEMENT);
    expect((await get(AGREEMENT)).headers.get('x-cache')).toBe('hit');
    const before = await area('samhallsbyggnad');
    const response = await subject.request(
      '/fokusomraden/samhallsbyggnad/andra',
      as(coordinator, {
        name: 'Samhällsbyggnad och bostäder',
        description: 'Planering, bostäder och infrastruktur.',
        version: String(before.version),
      }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/fokusomraden/samhallsbyggnad/andra?sparat=1');
    expect(textOf(await (await get(AGREEMENT)).text())).toContain('Samhällsbyggnad och bostäder');
    expect(textOf(await (await get('/avtal')).text())).toContain('Samhällsbyggnad och bostäder');
    const history = textOf(await (await get('/fokusomraden/samhallsbyggnad/historik', coordinator)).text());
    expect(history).toContain(`Version ${before.version + 1}: Ändrad`);
    expect(history).toContain('Namn Samhällsbyggnad → Samhällsbyggnad och bostäder');
    expect(history).toContain('Cora Samordnare');
  });

  it('are added, deleted softly and restored, and leave the agreement pages while deleted', async () => {
    const created = await subject.request(
      '/fokusomraden/ny',
      as(coordinator, { name: 'Digitalisering', description: '' }),
    );
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe('/fokusomraden/digitalisering/andra?sparat=ny');
    expect(textOf(await (await get('/arbetsyta', coordinator)).text())).toContain('Digitalisering');

    const kf = await area('kompetensforsorjning');
    const deleted = await subject.request(
      '/fokusomraden/kompetensforsorjning/ta-bort',
      as(coordinator, { version: String(kf.version) }),
    );
    expect(deleted.status).toBe(303);
    expect(textOf(await (await get(AGREEMENT)).text())).not.toContain('Kompetensförsörjning');
    expect(textOf(await (await get('/arbetsyta', coordinator)).text())).toContain(
      'Borttagna utvecklingsområden Kompetensförsörjning',
    );
    // Editing an agreement that prioritised it keeps the link, so a restore brings it back in place.
    const restored = await subject.request(
      `/fokusomraden/kompetensforsorjning/historik/${kf.version}/aterstall`,
      as(coordinator, {}),
    );
    expect(restored.status).toBe(303);
    expect(textOf(await (await get(AGREEMENT)).text())).toContain('Kompetensförsörjning');
  });

  it('answer bad input by the field and a save from an old version with both versions', async () => {
    const current = await area('tillgang-till-likvardig-vard');
    const bad = await subject.request(
      '/fokusomraden/tillgang-till-likvardig-vard/andra',
      as(coordinator, { name: ' ', description: 'x'.repeat(2001), version: String(current.version) }),
    );
    expect(bad.status).toBe(422);
    const text = textOf(await bad.text());
    expect(text).toContain('Fyll i fältet.');
    expect(text).toContain('Texten är för lång: 2001 tecken.');
    const stale = await subject.request(
      '/fokusomraden/tillgang-till-likvardig-vard/andra',
      as(coordinator, { name: 'Vård', description: '', version: '999' }),
    );
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain('Så här ser den sparade versionen ut nu');
    expect(await area('tillgang-till-likvardig-vard')).toEqual(current);
    const tampered = await subject.request(
      '/fokusomraden/ny',
      as(coordinator, { name: 'X', description: '', slug: 'admin' }),
    );
    expect(tampered.status).toBe(400);
  });

  it('are kept by the coordinator only', async () => {
    expect((await get('/fokusomraden/ny', editor)).status).toBe(403);
    expect((await get('/fokusomraden/samhallsbyggnad/andra', editor)).status).toBe(403);
    const response = await subject.request('/fokusomraden/ny', as(editor, { name: 'Nytt', description: '' }));
    expect(response.status).toBe(403);
    expect(textOf(await (await get('/arbetsyta', editor)).text())).not.toContain(
      'Prioriterade utvecklingsområden',
    );
  });
});
