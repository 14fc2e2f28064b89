import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, textOf } from '../../../tests/test-app.ts';
import { MATCH_END, MATCH_START, SEARCH_PAGE_SIZE } from './search.queries.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp({ demo: true });
});
afterAll(() => subject.cleanup());

type Hit = { type: string; href: string; title: string; titleHtml: string; snippetHtml: string };

async function search(query: string, page?: string) {
  const params = new URLSearchParams({ q: query });
  if (page !== undefined) params.set('sida', page);
  const response = await subject.request(`/sok?${params}`);
  const html = await response.text();
  return { status: response.status, html, text: textOf(html), hits: hitsIn(html) };
}

/** The result list, in order: each hit's link, its title (with <mark>s) and its snippet. */
function hitsIn(html: string): Hit[] {
  const list = html.match(/<ol class="search-results"[^>]*>([\s\S]*?)<\/ol>/)?.[1] ?? '';
  return [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map(([, item = '']) => {
    const heading = item.match(/<h2><a href="([^"]*)">([\s\S]*?)<\/a>/);
    return {
      type: item.match(/<p class="meta">([^<]*)<\/p>/)?.[1] ?? '',
      href: heading?.[1] ?? '',
      titleHtml: heading?.[2] ?? '',
      title: textOf(heading?.[2] ?? ''),
      snippetHtml: item.match(/<\/h2>\s*<p>([\s\S]*?)<\/p>/)?.[1] ?? '',
    };
  });
}

describe('search', () => {
  it('finds Södertörns högskola when asked for "högskolorna" (Swedish stemming)', async () => {
    const result = await search('högskolorna');
    expect(result.status).toBe(200);
    expect(result.hits.map((hit) => hit.title)).toContain('Södertörns högskola');
    expect(result.hits.find((hit) => hit.title === 'Södertörns högskola')?.href).toBe(
      '/larosaten/sodertorns-hogskola',
    );
  });

  it('finds "Södertörn" when asked for "sodertorn" (accents ignored)', async () => {
    const result = await search('sodertorn');
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.hits.map((hit) => hit.title)).toContain('Södertörns högskola');
    expect(result.html).toMatch(/<mark>Södertörns<\/mark>/);
  });

  it('says how many hits there are', async () => {
    const result = await search('Högskolerådet');
    expect(result.text).toMatch(/\d+ träffar för ”Högskolerådet”/);
  });

  it('marks the matched words with <mark> and nothing else', async () => {
    const result = await search('högskola');
    const marked = [...result.html.matchAll(/<mark>([^<]*)<\/mark>/g)].map((match) =>
      match[1]?.toLowerCase(),
    );
    expect(marked.length).toBeGreaterThan(0);
    for (const word of marked) expect(word).toMatch(/^h[öo]gskol/);
    expect(result.html).not.toContain(MATCH_START);
    expect(result.html).not.toContain(MATCH_END);
  });

  it('echoes a script in the query as text, never as markup', async () => {
    const payload = '<script>alert(1)</script>';
    const result = await search(payload);
    expect(result.status).toBe(200);
    expect(result.html).not.toContain(payload);
    expect(result.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(result.text).toContain(`Inga träffar för ”${payload}”`);
    expect(result.html).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('keeps quotes in the query inside the input value', async () => {
    const result = await search('"><img src=x onerror=alert(1)>');
    expect(result.html).not.toContain('<img src=x');
    expect(result.html).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
  });

  it.each(['högskola', 'samverkan', 'Flemingsberg', 'forskning'])(
    'ranks hits whose title matches "%s" above hits that match only in their text',
    async (query) => {
      const result = await search(query);
      const titleMatches = result.hits.map((hit) => hit.titleHtml.includes('<mark>'));
      expect(titleMatches.length).toBeGreaterThan(0);
      const firstTextOnly = titleMatches.indexOf(false);
      if (firstTextOnly >= 0) expect(titleMatches.slice(firstTextOnly)).not.toContain(true);
    },
  );

  it('ranks a title match above a text that repeats the word many times', async () => {
    await subject.database.pool.query(
      `insert into organisations (slug, name, kind, description) values
         ('rank-text', 'Enheten för annat', 'unit', $1),
         ('rank-title', 'Kaninavelns förening i Huddinge och Botkyrka med omnejd', 'unit', '')`,
      [Array.from({ length: 12 }, () => 'Kaninaveln är viktig.').join(' ')],
    );
    try {
      const result = await search('kaninaveln');
      expect(result.hits.map((hit) => hit.href)).toEqual([
        '/organisationer/rank-title',
        '/organisationer/rank-text',
      ]);
    } finally {
      await subject.database.pool.query("delete from organisations where slug like 'rank-%'");
    }
  });

  it('shows an empty search with a hint and no results', async () => {
    const response = await subject.request('/sok');
    expect(response.status).toBe(200);
    const text = textOf(await response.text());
    expect(text).toContain('Skriv ett eller flera ord');
    expect(text).not.toContain('träffar');
  });

  it('says so when nothing matches', async () => {
    const result = await search('xyzzyquux');
    expect(result.status).toBe(200);
    expect(result.hits).toEqual([]);
    expect(result.text).toContain('Inga träffar för ”xyzzyquux”. Pröva ett annat eller kortare ord.');
  });

  it('leaves internal agreements out of the results', async () => {
    const before = await search('äldreomsorg');
    expect(before.hits.map((hit) => hit.href)).toContain('/avtal/forskningsavtal-aldreomsorg-ki');
    await subject.database.pool.query(
      "update agreements set visibility = 'internal', internal_reason = 'Sekretess enligt OSL 19 kap.' where slug = 'forskningsavtal-aldreomsorg-ki'",
    );
    try {
      const result = await search('äldreomsorg');
      expect(result.hits.map((hit) => hit.href)).not.toContain('/avtal/forskningsavtal-aldreomsorg-ki');
    } finally {
      await subject.database.pool.query(
        "update agreements set visibility = 'public', internal_reason = null where slug = 'forskningsavtal-aldreomsorg-ki'",
      );
    }
  });
});

describe('search paging', () => {
  const query = 'kommun';

  it('splits the hits into pages of ten with the right page count', async () => {
    const first = await search(query);
    const total = Number(first.text.match(/(\d+) träffar för/)?.[1]);
    expect(total).toBeGreaterThan(SEARCH_PAGE_SIZE);
    const pages = Math.ceil(total / SEARCH_PAGE_SIZE);
    expect(first.hits).toHaveLength(SEARCH_PAGE_SIZE);
    expect(first.text).toContain(`Sida 1 av ${pages}`);
    expect(first.html).toContain(`href="/sok?q=${query}&amp;sida=2" rel="next"`);
    expect(first.html).not.toContain('rel="prev"');

    // The council and the foundation each have a page and a group row with one address, so key by type too.
    const seen = new Set(first.hits.map((hit) => `${hit.type} ${hit.href}`));
    for (let page = 2; page <= pages; page++) {
      const next = await search(query, String(page));
      expect(next.status).toBe(200);
      expect(next.text).toContain(`Sida ${page} av ${pages}`);
      expect(next.html).toContain(`<ol class="search-results" start="${(page - 1) * SEARCH_PAGE_SIZE + 1}">`);
      expect(next.html).toContain(`href="/sok?q=${query}&amp;sida=${page - 1}" rel="prev"`);
      for (const hit of next.hits) seen.add(`${hit.type} ${hit.href}`);
      if (page === pages) {
        expect(next.hits).toHaveLength(total - SEARCH_PAGE_SIZE * (pages - 1));
        expect(next.html).not.toContain('rel="next"');
      } else {
        expect(next.hits).toHaveLength(SEARCH_PAGE_SIZE);
      }
    }
    expect(seen.size).toBe(total);
  });

  it('shows every hit exactly once across the pages, even when hits tie in rank and title', async () => {
    const count = 45;
    await subject.database.pool.query(
      `insert into organisations (slug, name, kind, description)
       select 'tvilling-' || n, 'Tvillingenheten', 'unit', 'En enhet bland likadana enheter.'
       from generate_series(1, $1::int) as n`,
      [count],
    );
    try {
      const slugs: string[] = [];
      for (let page = 1; page <= Math.ceil(count / SEARCH_PAGE_SIZE); page++) {
        const result = await search('Tvillingenheten', String(page));
        slugs.push(...result.hits.map((hit) => hit.href));
      }
      expect(new Set(slugs).size).toBe(count);
    } finally {
      await subject.database.pool.query("delete from organisations where slug like 'tvilling-%'");
    }
  });

  it('shows no pagination when every hit fits on one page', async () => {
    const result = await search('Idun');
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.html).not.toContain('class="pagination"');
  });

  it.each(['abc', '0', '-1', '1.5', '1001', ''])('refuses sida=%s with 400', async (page) => {
    const response = await subject.request(`/sok?q=kommun&sida=${page}`);
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain('Felaktig begäran');
  });
});

describe('a search that is too long', () => {
  const tooLong = `${'a'.repeat(199)} b`;

  it('gets 422 with the Swedish message next to the field and the text kept', async () => {
    expect(tooLong).toHaveLength(201);
    const result = await search(tooLong);
    expect(result.status).toBe(422);
    const field = result.html.match(/<div class="field field-error">([\s\S]*?)<\/div>/)?.[1] ?? '';
    expect(field).toContain(
      '<p id="sok-q-error" class="error-message">Sökningen får vara högst 200 tecken.</p>',
    );
    expect(field).toContain(`value="${tooLong}"`);
    expect(field).toContain('aria-invalid="true"');
    expect(field).toContain('aria-describedby="sok-q-error"');
    expect(result.hits).toEqual([]);
  });

  it('accepts exactly 200 characters', async () => {
    const result = await search('a'.repeat(200));
    expect(result.status).toBe(200);
  });

  it('counts characters after trimming spaces at the ends', async () => {
    const result = await search(`   ${'a'.repeat(200)}   `);
    expect(result.status).toBe(200);
  });
});
