import { createHash } from 'node:crypto';
import { parse as parseContentDisposition } from 'content-disposition';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp, formPost, textOf, uploadPost } from '../../../tests/test-app.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { recordHistory } from '../register/register.table.ts';
import { documents } from './documents.table.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
let coordinator: string;
let member: string;

const AGREEMENT = 'samverkansavtal-sodertorns-hogskola';

beforeAll(async () => {
  subject = await createTestApp();
  coordinator = (
    await signedInPerson(subject, { name: 'Cora Samordnare', roles: { 'huddinge-kommun': 'coordinator' } })
  ).cookie;
  member = (
    await signedInPerson(subject, {
      name: 'Maja Medlem',
      roles: { 'barn-och-utbildningsforvaltningen': 'member' },
    })
  ).cookie;
});
afterAll(() => subject.cleanup());

const db = () => subject.deps.db;

/** A small but whole PDF (header, one empty page, trailer), padded to `size` bytes if asked. */
function pdf(text = 'Samverkansavtal', size = 0): Uint8Array<ArrayBuffer> {
  const body = `%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\n`;
  const trailer = '\ntrailer << /Root 1 0 R >>\n%%EOF\n';
  const padding = Math.max(0, size - body.length - trailer.length);
  return new TextEncoder().encode(body + '%'.repeat(padding) + trailer) as Uint8Array<ArrayBuffer>;
}

function upload(
  bytes: Uint8Array<ArrayBuffer> | string,
  fields: Record<string, string> = {},
  { name = 'Avtal 2024.pdf', cookie = coordinator, slug = AGREEMENT } = {},
) {
  return subject.request(
    `/avtal/${slug}/dokument/ny`,
    uploadPost(
      { field: 'fil', name, bytes, type: 'application/pdf' },
      { title: '', kind: 'agreement', visibility: 'public', internalReason: '', ...fields },
      { cookie },
    ),
  );
}

async function uploaded(response: Response): Promise<number> {
  expect(response.status, textOf(await response.clone().text())).toBe(303);
  const match = /^\/dokument\/(\d+)\/andra\?sparat=ny$/.exec(response.headers.get('location') ?? '');
  expect(match).not.toBeNull();
  return Number(match![1]);
}

async function documentRow(id: number) {
  const [row] = await db().select().from(documents).where(eq(documents.id, id));
  return row!;
}

describe('uploading a document', () => {
  it('keeps a PDF in the database and lists it on the agreement’s public page', async () => {
    const bytes = pdf('Undertecknat');
    const id = await uploaded(await upload(bytes, { title: 'Undertecknat samverkansavtal' }));
    const row = await documentRow(id);
    expect(row).toMatchObject({
      title: 'Undertecknat samverkansavtal',
      fileName: 'Avtal 2024.pdf',
      byteSize: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const page = textOf(await (await subject.request(`/avtal/${AGREEMENT}`)).text());
    expect(page).toContain('Undertecknat samverkansavtal (PDF,');

    const file = await subject.request(`/dokument/${id}/${encodeURIComponent('Avtal 2024.pdf')}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(parseContentDisposition(file.headers.get('content-disposition') ?? '')).toEqual({
      type: 'attachment',
      parameters: { filename: 'Avtal 2024.pdf' },
    });
    expect(file.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(file.headers.get('cache-control')).toBe('no-cache');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
    const again = await subject.request(`/dokument/${id}/Avtal%202024.pdf`, {
      headers: { 'if-none-match': file.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);

    const [history] = await db().select().from(recordHistory).where(eq(recordHistory.recordId, id));
    expect(history).toMatchObject({ recordType: 'document', action: 'created', version: 1 });
  });

  it('refuses HTML bytes under a PDF name, next to the file field, and saves nothing', async () => {
    const before = (await db().select().from(documents)).length;
    const response = await upload('<html><script>alert(1)</script></html>', { title: 'Falskt avtal' });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(textOf(html)).toContain('Filen är ingen hel PDF.');
    expect(html).toContain('value="Falskt avtal"');
    expect(html).toMatch(/id="dokument-fil"[^>]*aria-invalid="true"/);
    expect((await db().select().from(documents)).length).toBe(before);
  });

  it('refuses a cut-off PDF, a missing file and a file over 20 MB with Swedish messages', async () => {
    const whole = pdf();
    const cut = whole.slice(0, whole.length - 20);
    expect(textOf(await (await upload(cut)).text())).toContain('Filen är ingen hel PDF.');
    const missing = await upload('', {}, { name: '' });
    expect(missing.status).toBe(422);
    expect(textOf(await missing.text())).toContain('Välj en PDF-fil.');
    const tooLarge = await upload(pdf('stor', 20 * 1024 * 1024 + 10));
    expect(tooLarge.status).toBe(413);
    expect(textOf(await tooLarge.text())).toContain('Filen är större än 20 MB.');
  });

  it('takes a file of exactly 20 MB', async () => {
    const bytes = pdf('precis', 20 * 1024 * 1024);
    expect(bytes.length).toBe(20 * 1024 * 1024);
    const id = await uploaded(await upload(bytes));
    expect((await documentRow(id)).byteSize).toBe(20 * 1024 * 1024);
  });

  it('keeps the 64 KiB body limit on every other route', async () => {
    const big = formPost({ name: 'x'.repeat(70 * 1024) }, { cookie: coordinator });
    expect((await subject.request('/mina-uppgifter', big)).status).toBe(413);
  });

  it('asks for a reason for an internal document', async () => {
    const response = await upload(pdf(), { visibility: 'internal' });
    expect(response.status).toBe(422);
    expect(textOf(await response.text())).toContain('Skriv varför dokumentet är internt.');
  });

  it('is refused to a member, who may not edit the agreement', async () => {
    expect((await upload(pdf(), {}, { cookie: member })).status).toBe(403);
  });
});

describe('who may read a document', () => {
  it('hides an internal document from everyone but those who may edit the agreement (404, not 403)', async () => {
    const id = await uploaded(
      await upload(pdf('intern'), {
        title: 'Utkast med förhandlingsanteckningar',
        visibility: 'internal',
        internalReason: 'arbetsmaterial',
      }),
    );
    const path = `/dokument/${id}/Avtal%202024.pdf`;
    expect((await subject.request(path)).status).toBe(404);
    expect((await subject.request(path, { headers: { cookie: member } })).status).toBe(404);
    const forCoordinator = await subject.request(path, { headers: { cookie: coordinator } });
    expect(forCoordinator.status).toBe(200);
    expect(forCoordinator.headers.get('cache-control')).toMatch(/no-store/);
    const page = textOf(await (await subject.request(`/avtal/${AGREEMENT}`)).text());
    expect(page).not.toContain('Utkast med förhandlingsanteckningar');
  });

  it('hides a public document of an internal agreement, and a deleted one', async () => {
    const id = await uploaded(await upload(pdf('offentlig'), { title: 'Bilaga 1' }));
    const path = `/dokument/${id}/Avtal%202024.pdf`;
    await db()
      .update(agreements)
      .set({ visibility: 'internal', internalReason: 'utkast' })
      .where(eq(agreements.slug, AGREEMENT));
    expect((await subject.request(path)).status).toBe(404);
    await db()
      .update(agreements)
      .set({ visibility: 'public', internalReason: null })
      .where(eq(agreements.slug, AGREEMENT));
    expect((await subject.request(path)).status).toBe(200);

    const row = await documentRow(id);
    const deleted = await subject.request(
      `/dokument/${id}/ta-bort`,
      formPost({ version: String(row.version) }, { cookie: coordinator }),
    );
    expect(deleted.status).toBe(303);
    expect((await subject.request(path)).status).toBe(404);
    // The history brings it back.
    const restored = await subject.request(
      `/dokument/${id}/historik/1/aterstall`,
      formPost({}, { cookie: coordinator }),
    );
    expect(restored.status).toBe(303);
    expect((await subject.request(path)).status).toBe(200);
  });

  it('answers an unknown or malformed document address with 404', async () => {
    expect((await subject.request('/dokument/999999/x.pdf')).status).toBe(404);
    expect((await subject.request('/dokument/abc/x.pdf')).status).toBe(404);
    expect((await subject.request('/dokument/1/x.html')).status).toBe(404);
  });
});

describe('changing a document', () => {
  it('saves title and visibility with history, and refuses a save from an old version', async () => {
    const id = await uploaded(await upload(pdf(), { title: 'Första rubriken' }));
    const form = {
      title: 'Ny rubrik',
      kind: 'appendix',
      visibility: 'public',
      internalReason: '',
      version: '1',
    };
    const saved = await subject.request(`/dokument/${id}/andra`, formPost(form, { cookie: coordinator }));
    expect(saved.status).toBe(303);
    expect(await documentRow(id)).toMatchObject({ title: 'Ny rubrik', kind: 'appendix', version: 2 });
    const stale = await subject.request(
      `/dokument/${id}/andra`,
      formPost({ ...form, title: 'Min rubrik' }, { cookie: coordinator }),
    );
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('value="Min rubrik"');
    const history = textOf(
      await (await subject.request(`/dokument/${id}/historik`, { headers: { cookie: coordinator } })).text(),
    );
    expect(history).toContain('Rubrik');
    expect(history).toContain('Första rubriken');
    expect(history).toContain('Ny rubrik');
  });
});
