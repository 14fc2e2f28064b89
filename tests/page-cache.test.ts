import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPageCache } from '../src/web/page-cache.ts';
import { signedInPerson } from './people.ts';
import { createTestApp, formPost, type TestApp } from './test-app.ts';

const nonceOf = (response: Response) =>
  /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];

describe('the rendered-page cache', () => {
  let subject: TestApp & { cleanup: () => Promise<void>; database: { db: TestApp['deps']['db'] } };
  const cache = createPageCache({ ttlMs: 60_000, maxBytes: 1024 * 1024 });

  beforeAll(async () => {
    subject = await createTestApp({ pageCache: cache });
  });
  afterAll(() => subject.cleanup());

  it('serves a public page from memory the second time, with a fresh nonce that matches the CSP', async () => {
    cache.clear();
    const first = await subject.request('/larosaten');
    const second = await subject.request('/larosaten');
    expect(first.headers.get('x-cache')).toBeNull();
    expect(second.headers.get('x-cache')).toBe('hit');
    const [firstHtml, secondHtml] = [await first.text(), await second.text()];
    const [firstNonce, secondNonce] = [nonceOf(first), nonceOf(second)];
    expect(firstNonce).toBeTruthy();
    expect(secondNonce).not.toBe(firstNonce);
    expect(secondHtml).toContain(`nonce="${secondNonce}"`);
    expect(secondHtml).not.toContain('\u0000');
    expect(secondHtml.replace(secondNonce!, 'N')).toBe(firstHtml.replace(firstNonce!, 'N'));
  });

  it('never stores or serves a signed-in page: those carry the person’s name and are no-store', async () => {
    cache.clear();
    const { cookie } = await signedInPerson(subject, { name: 'Sara Inloggad' });
    await subject.request('/larosaten');
    const signedIn = await subject.request('/larosaten', { headers: { cookie } });
    expect(signedIn.headers.get('x-cache')).toBeNull();
    expect(signedIn.headers.get('cache-control')).toBe('no-store');
    expect(await signedIn.text()).toContain('Inloggad som Sara Inloggad');
    // Signed in first, on a page nobody has asked for yet: the next resident still gets the public page.
    await subject.request('/avtal', { headers: { cookie } });
    const anonymous = await subject.request('/avtal');
    expect(await anonymous.text()).not.toContain('Sara Inloggad');
    expect((await subject.request('/avtal')).headers.get('x-cache')).toBe('hit');
  });

  it('shows a change to the register only after clear() (or the TTL)', async () => {
    cache.clear();
    await subject.request('/larosaten');
    await subject.database.db.execute(
      sql`update organisations set description = 'Ny beskrivning' where slug = 'sodertorns-hogskola'`,
    );
    expect(await (await subject.request('/larosaten')).text()).not.toContain('Ny beskrivning');
    cache.clear();
    expect(await (await subject.request('/larosaten')).text()).toContain('Ny beskrivning');
  });

  it('keeps no error pages, no POST answers and no one person’s feedback step', async () => {
    cache.clear();
    await subject.request('/finns-inte');
    expect((await subject.request('/finns-inte')).headers.get('x-cache')).toBeNull();
    const answer = await subject.request('/aterkoppling', formPost({ page: '/mal', answer: 'nej' }));
    const step = answer.headers.get('location')!.replace('#aterkoppling', '');
    await subject.request(step);
    expect((await subject.request(step)).headers.get('x-cache')).toBeNull();
  });

  it('lets one request rebuild an expired page while the others get the old copy', async () => {
    let now = Date.now();
    const realNow = Date.now;
    Date.now = () => now;
    try {
      cache.clear();
      await subject.request('/mal');
      now += 61_000;
      await subject.database.db.execute(sql`update goals set statement = 'ett nytt mål' where position = 1`);
      const [first, second] = await Promise.all([subject.request('/mal'), subject.request('/mal')]);
      const headers = [first.headers.get('x-cache'), second.headers.get('x-cache')].sort();
      expect(headers).toEqual([null, 'stale'].sort());
      expect((await subject.request('/mal')).headers.get('x-cache')).toBe('hit');
      expect(await (await subject.request('/mal')).text()).toContain('ett nytt mål');
    } finally {
      Date.now = realNow;
    }
  });

  it('forgets entries after their time and the oldest when it is full', () => {
    let now = 1_000;
    const realNow = Date.now;
    Date.now = () => now;
    try {
      const small = createPageCache({ ttlMs: 10_000, maxBytes: 10 });
      small.set('a', '12345');
      small.set('b', '12345');
      small.set('c', '12345');
      expect(small.get('a')).toBeUndefined();
      expect(small.get('c')).toEqual({ html: '12345', stale: false });
      now += 10_000;
      expect(small.get('c')).toEqual({ html: '12345', stale: true });
      expect(small.claimRebuild('c')).toBe(true);
      expect(small.claimRebuild('c')).toBe(false);
      now += 10_000;
      expect(small.get('c')).toBeUndefined();
      const off = createPageCache({ ttlMs: 0, maxBytes: 10 });
      off.set('a', 'x');
      expect(off.get('a')).toBeUndefined();
    } finally {
      Date.now = realNow;
    }
  });
});
