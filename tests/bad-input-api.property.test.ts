import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_RESOURCES } from '../src/features/open-data/resources.ts';
import { expectCalmAnswer, wireValue } from './fuzz-forms.ts';
import { createTestApp } from './test-app.ts';

/**
 * Bad input to the open API (issue 12, QUALITY.md "Bad input"): every query parameter of every list, and
 * every item id, gets random text, malformed UTF-8, NUL, very long values, SQL and script payloads,
 * repeated and unknown parameters. The answer is a 200, a 400 naming a parameter or a 404 — always as
 * JSON, never a 500 and never a stack trace.
 */

const RUNS = 40;

let subject: Awaited<ReturnType<typeof createTestApp>>;
let parameters: Record<string, string[]>;
beforeAll(async () => {
  subject = await createTestApp({ env: { API_RATE_LIMIT: '1000000' } });
  const document = (await (await subject.request('/api/v1/openapi.json')).json()) as {
    paths: Record<string, { get: { parameters?: { name: string; in: string }[] } }>;
  };
  parameters = Object.fromEntries(
    API_RESOURCES.map((resource) => [
      resource.name,
      (document.paths[`/${resource.name}`]?.get.parameters ?? [])
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => parameter.name),
    ]),
  );
});
afterAll(() => subject.cleanup());

const payload = fc.oneof(
  { weight: 4, arbitrary: wireValue.filter((value): value is string => typeof value === 'string') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      '0',
      '-1',
      '1e3',
      '0x10',
      'NaN',
      '9'.repeat(400),
      "' or 1=1 --",
      '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      '2026-02-31',
      '0000-01-01',
      '2026-02-30T10:00:00Z',
      '2026-01-01T24:00:00Z',
      '99999-01-01',
      '2026-13-01T00:00:00Z',
      'active',
      'sodertorns-hogskola',
      '%00',
      'a'.repeat(5000),
    ),
  },
);

async function expectApiAnswer(path: string, allowed: number[]) {
  const response = await subject.request(path);
  const type = response.headers.get('content-type') ?? '';
  expect(type, path).toMatch(/^application\/(json|problem\+json)/);
  await expectCalmAnswer(response, allowed);
}

describe('bad input to the open API, generated', () => {
  it.each(API_RESOURCES.map((resource) => [resource.name] as const))(
    '%s: its list never breaks, whatever its parameters hold',
    async (name) => {
      const known = parameters[name] ?? [];
      expect(known).toContain('limit');
      const query = fc.array(
        fc.tuple(fc.constantFrom(...known, ...known, 'okand', '__proto__', 'limit[]'), payload),
        { minLength: 1, maxLength: 4 },
      );
      await fc.assert(
        fc.asyncProperty(query, async (pairs) => {
          const search = pairs.map(([key, value]) => `${encodeURIComponent(key)}=${value}`).join('&');
          await expectApiAnswer(`/api/v1/${name}?${search}`, [200, 400]);
        }),
        { numRuns: RUNS },
      );
    },
  );

  it.each(API_RESOURCES.map((resource) => [resource.name] as const))(
    '%s: an item with any id is found or 404',
    async (name) => {
      await fc.assert(
        fc.asyncProperty(payload, async (id) => {
          if (id === '' || id.includes('/') || id.includes('%2F') || id.includes('?') || id.includes('#'))
            return;
          await expectApiAnswer(`/api/v1/${name}/${id}`, [200, 400, 404]);
        }),
        { numRuns: RUNS },
      );
    },
  );
});
