import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, signedInPerson } from '../../../tests/people.ts';
import { createTestApp, fetchPage, textOf } from '../../../tests/test-app.ts';
import { people } from '../accounts/accounts.table.ts';

const INTERNAL = '/grupper/arbetsgrupp-sodertorns-hogskola/internt';

let subject: Awaited<ReturnType<typeof createTestApp>>;
let groupMember: { personId: number; cookie: string };
let otherMember: { personId: number; cookie: string };
let coordinator: { personId: number; cookie: string };
let administrator: { personId: number; cookie: string };

beforeAll(async () => {
  subject = await createTestApp({ demo: false });
  groupMember = await signedInPerson(subject, {
    name: 'Gunnel Gruppmedlem',
    roles: { 'sodertorns-hogskola': 'member' },
    groups: ['arbetsgrupp-sodertorns-hogskola'],
  });
  otherMember = await signedInPerson(subject, {
    name: 'Kalle Karolinska',
    roles: { 'karolinska-institutet': 'member' },
    groups: ['arbetsgrupp-karolinska-institutet'],
  });
  coordinator = await signedInPerson(subject, {
    name: 'Cecilia Samordnare',
    roles: { 'huddinge-kommun': 'coordinator' },
  });
  administrator = await signedInPerson(subject, {
    name: 'Ada Administratör',
    roles: { 'huddinge-kommun': 'administrator' },
  });
  await createPerson(subject.deps.db, {
    name: 'Bertil Barn',
    roles: { 'barn-och-utbildningsforvaltningen': 'editor', 'huddinge-kommun': 'member' },
    groups: ['arbetsgrupp-sodertorns-hogskola'],
  });
  const disabled = await createPerson(subject.deps.db, {
    name: 'Dora Avstängd',
    groups: ['arbetsgrupp-sodertorns-hogskola'],
  });
  await subject.deps.db.update(people).set({ disabledAt: new Date() }).where(eq(people.id, disabled));
});
afterAll(() => subject.cleanup());

const get = (path: string, cookie?: string) =>
  subject.request(path, cookie ? { headers: { cookie } } : undefined);

describe("a group's internal page", () => {
  it('opens for a member of the group: the members with accounts and their organisations, no documents yet', async () => {
    const response = await get(INTERNAL, groupMember.cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain('Arbetsgruppen för samverkansavtalet med Södertörns högskola');
    expect(text).toContain('Internt material för gruppens medlemmar');
    expect(html).toContain(
      '<caption>Medlemmar i Arbetsgruppen för samverkansavtalet med Södertörns högskola som har konto</caption>',
    );
    expect(text).toContain(
      'Bertil Barn Barn- och utbildningsförvaltningen, Huddinge kommun Gunnel Gruppmedlem Södertörns högskola',
    );
    expect(text).not.toContain('Dora Avstängd');
    expect(text).not.toContain('Kalle Karolinska');
    // The group's meetings (issue 10): coming and past, each linked to its working page.
    expect(text).toContain('Möten Kommande');
    expect(text).toContain('Tidigare');
    expect(html).toContain('<a href="/grupper/arbetsgrupp-sodertorns-hogskola">Gruppens offentliga sida</a>');
  });

  it('refuses a signed-in member of another group with 403', async () => {
    const response = await get(INTERNAL, otherMember.cookie);
    expect(response.status).toBe(403);
    expect(textOf(await response.text())).toContain('Du har inte behörighet');
  });

  it('opens for coordinators and administrators, who run the collaboration', async () => {
    expect((await get(INTERNAL, coordinator.cookie)).status).toBe(200);
    expect((await get(INTERNAL, administrator.cookie)).status).toBe(200);
  });

  it('sends a signed-out reader to sign in first, whether or not the group exists', async () => {
    for (const path of [INTERNAL, '/grupper/finns-inte/internt']) {
      const response = await get(path);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/logga-in?${new URLSearchParams({ nasta: path })}`);
    }
  });

  it('answers an unknown group with 404 for a signed-in person', async () => {
    const response = await get('/grupper/finns-inte/internt', groupMember.cookie);
    expect(response.status).toBe(404);
    expect(textOf(await response.text())).toContain('Sidan finns inte');
  });

  it("lists each group's own members", async () => {
    const response = await get('/grupper/arbetsgrupp-karolinska-institutet/internt', otherMember.cookie);
    expect(response.status).toBe(200);
    const text = textOf(await response.text());
    expect(text).toContain('Kalle Karolinska Karolinska Institutet');
    expect(text).not.toContain('Gunnel Gruppmedlem');
  });

  it('still opens for the members of an internal group, without a link to a public page it no longer has; a deleted group has none', async () => {
    const slug = 'arbetsgrupp-karolinska-institutet';
    const set = (column: 'visibility' | 'deleted_at', value: string | null) =>
      subject.database.pool.query(`update groups set ${column} = $1 where slug = $2`, [value, slug]);
    const before = await get(`/grupper/${slug}/internt`, otherMember.cookie);
    expect(await before.text()).toContain(`href="/grupper/${slug}"`);
    await set('visibility', 'internal');
    try {
      expect((await get(`/grupper/${slug}`)).status).toBe(404);
      const response = await get(`/grupper/${slug}/internt`, otherMember.cookie);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(textOf(html)).toContain('Kalle Karolinska Karolinska Institutet');
      expect(html).not.toContain(`href="/grupper/${slug}"`);
      await set('deleted_at', new Date().toISOString());
      expect((await get(`/grupper/${slug}/internt`, otherMember.cookie)).status).toBe(404);
    } finally {
      await set('visibility', 'public');
      await set('deleted_at', null);
    }
  });
});

describe("the link from a group's public page", () => {
  it('is on working group pages, the council page and the foundation page', async () => {
    const pages: [string, string][] = [
      ['/grupper/arbetsgrupp-sodertorns-hogskola', 'arbetsgrupp-sodertorns-hogskola'],
      ['/hogskoleradet', 'hogskoleradet'],
      ['/flemingsberg-science', 'flemingsberg-science-parter'],
    ];
    for (const [path, slug] of pages) {
      const { status, html } = await fetchPage(subject, path);
      expect(status).toBe(200);
      expect(html).toContain(
        `<a href="/grupper/${slug}/internt">Internt material (för gruppens medlemmar)</a>`,
      );
    }
  });

  it('leads a group with no account holders to the note that nobody has an account yet', async () => {
    const response = await get('/grupper/flemingsberg-science-parter/internt', coordinator.cookie);
    expect(response.status).toBe(200);
    expect(textOf(await response.text())).toContain('Ingen i gruppen har konto ännu.');
  });
});
