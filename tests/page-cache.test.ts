import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, listenForNotifications } from '../src/db/notifications.ts';
import { createPageCache, withPublicChange } from '../src/web/page-cache.ts';
import { signedInPerson } from './people.ts';
import { PUBLIC_PAGES } from './public-pages.ts';
import { createTestApp, formPost } from './test-app.ts';

const nonceOf = (response: Response) =>
  /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];

describe('the rendered-page cache', () => {
  let subject: Awaited<ReturnType<typeof createTestApp>>;
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

  it('keeps the 404 of a public page’s address, but no other error page and no POST answer', async () => {
    cache.clear();
    for (const path of ['/avtal/finns-inte', '/avtal?sida=9999']) {
      expect((await subject.request(path)).status, path).toBe(404);
      const again = await subject.request(path);
      expect(again.status, path).toBe(404);
      expect(again.headers.get('x-cache'), path).toBe('hit');
      expect(await again.text()).toContain('Sidan finns inte');
    }
    // An address no public page has: no page declares it, so nothing is kept (and nothing is built).
    await subject.request('/finns-inte');
    expect((await subject.request('/finns-inte')).headers.get('x-cache')).toBeNull();
    expect(
      (await subject.request('/aterkoppling', formPost({ page: '/mal', answer: 'ja' }))).headers.get(
        'x-cache',
      ),
    ).toBeNull();
  });

  it('serves a feedback comment step from one stored page, with each person’s own answer id', async () => {
    cache.clear();
    const stepFor = async () => {
      const answer = await subject.request('/aterkoppling', formPost({ page: '/mal', answer: 'nej' }));
      return answer.headers.get('location')!.replace('#aterkoppling', '');
    };
    const [first, second] = [await stepFor(), await stepFor()];
    const idOf = (step: string) => new URL(step, 'http://localhost').searchParams.get('svar')!;
    expect((await subject.request(first)).headers.get('x-cache')).toBeNull();
    const secondPage = await subject.request(second);
    expect(secondPage.headers.get('x-cache')).toBe('hit');
    const html = await secondPage.text();
    expect(html).toContain(`/aterkoppling/${idOf(second)}/kommentar`);
    expect(html).not.toContain(idOf(first));
    expect(html).not.toContain('\u0000');
    // Made-up ids are served from the same stored page: they cannot make it be built again.
    const madeUp = await subject.request(`/mal?aterkoppling=nej&svar=${crypto.randomUUID()}`);
    expect(madeUp.headers.get('x-cache')).toBe('hit');
  });

  it('never stores a page that was being built when the cache was cleared', async () => {
    cache.clear();
    const builtFrom = cache.generation();
    cache.clear();
    cache.set('/larosaten', { html: 'sidan innan ändringen', status: 200 }, builtFrom);
    expect(cache.get('/larosaten')).toBeUndefined();
  });

  it('serves every public page from the cache whatever junk its query string carries', async () => {
    cache.clear();
    for (const path of [...Object.values(PUBLIC_PAGES), '/logga-in/skickad']) {
      const junk = (n: number) => `${path}${path.includes('?') ? '&' : '?'}x=${n}&utm_source=${n}`;
      expect((await subject.request(junk(1))).status, path).toBe(200);
      const second = await subject.request(junk(2));
      expect(second.headers.get('x-cache'), path).toBe('hit');
    }
  });

  it('takes a parameter’s default and its absence, in any order, as one page', async () => {
    cache.clear();
    await subject.request('/avtal');
    expect((await subject.request('/avtal?sida=1')).headers.get('x-cache')).toBe('hit');
    await subject.request('/sok?q=kommun&sida=1');
    expect((await subject.request('/sok?sida=1&q=kommun')).headers.get('x-cache')).toBe('hit');
    // The sign-in page is never kept: it asks nothing of the database, and each next-path is its own page.
    await subject.request('/logga-in?nasta=/avtal');
    expect((await subject.request('/logga-in?nasta=/avtal')).headers.get('x-cache')).toBeNull();
  });

  /** How many queries the app sent to the database while `work` ran. */
  async function countQueries(work: () => Promise<void>): Promise<number> {
    const pool = subject.database.pool as unknown as { query: (...args: unknown[]) => unknown };
    const query = pool.query;
    let queries = 0;
    pool.query = (...args: unknown[]) => {
      queries += 1;
      return query.apply(pool, args);
    };
    try {
      await work();
    } finally {
      pool.query = query;
    }
    return queries;
  }

  it('refuses a bad value of a parameter a page reads with 400, without asking the database', async () => {
    const queries = await countQueries(async () => {
      for (const path of [
        '/avtal?sida=abc',
        '/avtal?sida=0',
        '/?aterkoppling=hej',
        '/mal?svar=inte-ett-id',
        '/sok?q=x&sida=-1',
      ]) {
        const response = await subject.request(path);
        expect(response.status, path).toBe(400);
      }
    });
    expect(queries).toBe(0);
  });

  it('serves the cached page to a request with a dead session cookie, and clears the cookie', async () => {
    cache.clear();
    await subject.request('/larosaten');
    let response = new Response();
    // A cookie that is not one of our tokens is not even looked up.
    const queries = await countQueries(async () => {
      response = await subject.request('/larosaten', { headers: { cookie: '__Host-samverkan=dod' } });
    });
    expect(queries).toBe(0);
    expect(response.headers.get('x-cache')).toBe('hit');
    expect(response.headers.get('set-cookie')).toMatch(/^__Host-samverkan=;/);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('shows a change made through withPublicChange at once, in this process and in another', async () => {
    // Another process: a cache of its own, told by PostgreSQL as the server's listener tells it.
    const otherCache = createPageCache({ ttlMs: 60_000, maxBytes: 1024 * 1024 });
    const listener = listenForNotifications({
      url: subject.database.url,
      logger: subject.deps.logger,
      handlers: { [CHANNELS.publicPagesChanged]: () => otherCache.clear() },
      onReconnect: () => otherCache.clear(),
    });
    try {
      await listener.ready;
      cache.clear();
      await subject.request('/larosaten');
      otherCache.set('/larosaten', { html: 'gammal sida', status: 200 }, otherCache.generation());
      await withPublicChange(subject.deps, (tx) =>
        tx.execute(
          sql`update organisations set description = 'Ändrad nu' where slug = 'sodertorns-hogskola'`,
        ),
      );
      const here = await subject.request('/larosaten');
      expect(here.headers.get('x-cache')).toBeNull();
      expect(await here.text()).toContain('Ändrad nu');
      await expect.poll(() => otherCache.get('/larosaten'), { timeout: 2_000 }).toBeUndefined();
    } finally {
      await listener.stop();
    }
  });

  it('shows a new, changed or deleted placement offer on the cached overview at once', async () => {
    const { cookie } = await signedInPerson(subject, {
      name: 'Erik Redaktör',
      roles: { 'barn-och-utbildningsforvaltningen': 'editor' },
    });
    const [ekdalsskolan] = (
      await subject.database.pool.query("select id from organisations where slug = 'ekdalsskolan'")
    ).rows as { id: number }[];
    const overview = '/praktik/oversikt?termin=VT2027';
    const offeredPlaces = async () => {
      const html = await (await subject.request(overview)).text();
      const total = /id="praktik-forvaltning"[\s\S]*?<tfoot>[\s\S]*?<td class="numeric">([\d\s]+)<\/td>/.exec(
        html,
      );
      return Number(total?.[1]?.replace(/\s/g, '') ?? 0);
    };
    cache.clear();
    const before = await offeredPlaces();
    expect((await subject.request(overview)).headers.get('x-cache')).toBe('hit');
    const form = {
      organisationId: String(ekdalsskolan!.id),
      term: 'VT2027',
      kind: 'vfu_teacher',
      programme: 'Grundlärarprogrammet F–3',
      places: '4',
      supervisors: '2',
    };
    const created = await subject.request('/praktik/platser/ny', formPost(form, { cookie }));
    expect(created.status).toBe(303);
    const id = /\/praktik\/platser\/(\d+)/.exec(created.headers.get('location') ?? '')?.[1];
    expect(await offeredPlaces()).toBe(before + 4);
    const changed = await subject.request(
      `/praktik/platser/${id}/andra`,
      formPost({ ...form, places: '6', version: '1' }, { cookie }),
    );
    expect(changed.status).toBe(303);
    expect(await offeredPlaces()).toBe(before + 6);
    const deleted = await subject.request(
      `/praktik/platser/${id}/ta-bort`,
      formPost({ version: '2' }, { cookie }),
    );
    expect(deleted.status).toBe(303);
    expect(await offeredPlaces()).toBe(before);
  });

  it('builds a page once for many requests arriving right after a clear, and not from before a clear', async () => {
    cache.clear();
    const once = await countQueries(async () => {
      await subject.request('/');
    });
    cache.clear();
    let responses: Response[] = [];
    const many = await countQueries(async () => {
      responses = await Promise.all(Array.from({ length: 20 }, () => subject.request('/')));
    });
    // One build's queries (and none per waiting request), not twenty builds'.
    expect(many).toBe(once);
    const how = responses.map((response) => response.headers.get('x-cache'));
    expect(how.filter((value) => value === null)).toHaveLength(1);
    expect(how.filter((value) => value === 'shared')).toHaveLength(19);
    const pages = await Promise.all(responses.map((response) => response.text()));
    // Each shared copy carries its own response's nonce, as a hit does.
    for (const [index, page] of pages.entries()) {
      expect(page).toContain(`nonce="${nonceOf(responses[index]!)}"`);
      expect(page).not.toContain('\u0000');
    }

    // A request arriving after a clear never waits for a build that began before it.
    cache.clear();
    const finish = cache.startBuild('/');
    expect(cache.joinBuild('/')).toBeDefined();
    cache.clear();
    expect(cache.joinBuild('/')).toBeUndefined();
    finish(undefined);
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

  it('forgets entries after their time, and the least recently read when it is full', () => {
    let now = 1_000;
    const realNow = Date.now;
    Date.now = () => now;
    const page = (html: string) => ({ html, status: 200 as const });
    try {
      const small = createPageCache({ ttlMs: 10_000, maxBytes: 10 });
      small.set('a', page('12345'), 0);
      small.set('b', page('12345'), 0);
      small.get('a'); // read: 'b' is now the least recently used
      small.set('c', page('12345'), 0);
      expect(small.get('b')).toBeUndefined();
      expect(small.get('a')).toEqual({ html: '12345', status: 200, stale: false });
      expect(small.get('c')).toEqual({ html: '12345', status: 200, stale: false });
      now += 10_000;
      expect(small.get('c')).toEqual({ html: '12345', status: 200, stale: true });
      expect(small.claimRebuild('c')).toBe(true);
      expect(small.claimRebuild('c')).toBe(false);
      now += 10_000;
      expect(small.get('c')).toBeUndefined();
      const off = createPageCache({ ttlMs: 0, maxBytes: 10 });
      off.set('a', page('x'), 0);
      expect(off.get('a')).toBeUndefined();
    } finally {
      Date.now = realNow;
    }
  });
});
