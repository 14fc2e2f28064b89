import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownPagePath } from '../src/features/feedback/feedback.forms.ts';
import { recordAnswer } from '../src/features/feedback/feedback.service.ts';
import { pageFeedback } from '../src/features/feedback/feedback.table.ts';
import { readAllRows } from './table-contents.ts';
import { createTestApp, formPost, OWN_ORIGIN } from './test-app.ts';

/**
 * Bad input, generated: every form field and query parameter gets random text (NUL, control
 * characters, any Unicode), malformed UTF-8 (percent-encoded and raw bytes), very long values, SQL and
 * script payloads, and unknown field names. The app must answer each with a clear status, never a 500,
 * and must lose nothing that was saved before.
 */

const RUNS = 100;

let subject: Awaited<ReturnType<typeof createTestApp>>;
let before: Record<string, unknown[]>;
beforeAll(async () => {
  subject = await createTestApp({ env: { FEEDBACK_RATE_LIMIT: '10000' } });
  // Feedback saved before the storm: a "Ja", a "Nej" and a "Nej" with its comment.
  await subject.request('/aterkoppling', formPost({ page: '/avtal', answer: 'ja' }));
  await subject.request('/aterkoppling', formPost({ page: '/mal', answer: 'nej' }));
  const answered = await subject.request('/aterkoppling', formPost({ page: '/larosaten', answer: 'nej' }));
  const id = new URL(answered.headers.get('location') ?? '', OWN_ORIGIN).searchParams.get('svar');
  await subject.request(
    `/aterkoppling/${id}/kommentar`,
    formPost({ page: '/larosaten', comment: 'Sparad tidigare.' }),
  );
  before = await readAllRows(subject.database.pool);
  expect(before.page_feedback).toHaveLength(3);
});
afterAll(() => subject.cleanup());

const encoder = new TextEncoder();

/** Percent-encodes every byte that is not unreserved, as a browser encodes a form. */
function percentEncode(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const PAYLOADS = [
  "' OR '1'='1",
  "'; DROP TABLE page_feedback; --",
  '1); delete from page_feedback; --',
  "$1 $$ E'\\\\x00' \\\\",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '//evil.example',
  'https://evil.example/',
  '/\\evil.example',
  '/avtal\r\nSet-Cookie: x=1',
  '%00',
  '\u0000',
  '\uFEFF\u202E\u200B',
  '{"__proto__":{"admin":true}}',
  '!!! & | ! ( ) : * <-> "',
  '-'.repeat(300),
];

/** A value as text: random Unicode, control characters, payloads, long strings, or a plausible value. */
const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 1, arbitrary: fc.string({ minLength: 990, maxLength: 1_100 }) },
  { weight: 1, arbitrary: fc.constantFrom('ja', 'nej', '/', '/avtal', '', ' ', 'kommun', '2', 'abc') },
  { weight: 1, arbitrary: fc.constant('x'.repeat(70_000)) },
);

/** How a value goes on the wire: encoded as a browser would, malformed UTF-8 encoded, or as raw bytes. */
const wireValue = fc.oneof(
  { weight: 5, arbitrary: text.map((value) => percentEncode(encoder.encode(value))) },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.constantFrom(
          '%C3%28',
          '%FF',
          '%FE',
          '%ED%A0%80',
          '%F0%28%8C%BC',
          '%C0%AF',
          '%E2%82',
          '%00',
          '%',
          '%zz',
          '%2',
          '+',
          'a',
        ),
        {
          maxLength: 12,
        },
      )
      .map((parts) => parts.join('')),
  },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ raw: bytes })) },
);

const unknownFieldName = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin', 'toString', 'answer[]', 'page.x', ''),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

type Wire = string | { raw: Uint8Array };
type FieldChoice = { kind: 'keep' } | { kind: 'drop' } | { kind: 'twice' } | { kind: 'fuzz'; value: Wire };

/** A form built from a valid one: each field kept, dropped, sent twice or given a random value. */
const form = (plausible: Record<string, string>) =>
  fc.record({
    choices: fc.record(
      Object.fromEntries(
        Object.keys(plausible).map((name) => [
          name,
          fc.oneof(
            { weight: 5, arbitrary: fc.constant<FieldChoice>({ kind: 'keep' }) },
            { weight: 1, arbitrary: fc.constantFrom<FieldChoice>({ kind: 'drop' }, { kind: 'twice' }) },
            { weight: 3, arbitrary: wireValue.map((value): FieldChoice => ({ kind: 'fuzz', value })) },
          ),
        ]),
      ),
    ),
    unknown: fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.tuple(unknownFieldName, wireValue) },
    ),
    contentType: fc.oneof(
      { weight: 8, arbitrary: fc.constant('application/x-www-form-urlencoded') },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          'application/x-www-form-urlencoded; charset=ISO-8859-1',
          'multipart/form-data; boundary=fuzzgrans',
          'multipart/form-data',
          'application/json',
          'text/plain',
          '',
        ),
      },
    ),
    fetch: fc.boolean(),
  });

function encodeBody(pairs: [string, Wire][], contentType: string): Uint8Array<ArrayBuffer> {
  const bytes = (value: Wire) => (typeof value === 'string' ? encoder.encode(value) : value.raw);
  if (contentType.startsWith('multipart/')) {
    const parts: Uint8Array[] = [];
    for (const [name, value] of pairs) {
      parts.push(encoder.encode(`--fuzzgrans\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`));
      // In multipart the value goes as it is, so decode the percent-encoding we made.
      parts.push(typeof value === 'string' ? percentDecodeBytes(value) : value.raw, encoder.encode('\r\n'));
    }
    parts.push(encoder.encode('--fuzzgrans--\r\n'));
    return concat(parts);
  }
  return concat(
    pairs.flatMap(([name, value], index) => [
      encoder.encode(`${index > 0 ? '&' : ''}${percentEncode(encoder.encode(name))}=`),
      bytes(value),
    ]),
  );
}

function percentDecodeBytes(value: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(Number.parseInt(hex, 16));
      i += 2;
    } else out.push(...encoder.encode(value[i] === '+' ? ' ' : (value[i] ?? '')));
  }
  return new Uint8Array(out);
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

type FormSample = {
  choices: Record<string, FieldChoice>;
  unknown: [string, Wire] | null;
  contentType: string;
  fetch: boolean;
};

async function post(path: string, sample: FormSample, plausible: Record<string, string>) {
  const pairs: [string, Wire][] = [];
  for (const [name, value] of Object.entries(plausible)) {
    const choice = sample.choices[name] ?? { kind: 'keep' };
    const encoded = percentEncode(encoder.encode(value));
    if (choice.kind === 'keep') pairs.push([name, encoded]);
    if (choice.kind === 'twice') pairs.push([name, encoded], [name, encoded]);
    if (choice.kind === 'fuzz') pairs.push([name, choice.value]);
  }
  if (sample.unknown) pairs.push(sample.unknown);
  const headers: Record<string, string> = { origin: OWN_ORIGIN };
  if (sample.contentType) headers['content-type'] = sample.contentType;
  if (sample.fetch) headers['x-requested-with'] = 'fetch';
  return subject.request(path, { method: 'POST', headers, body: encodeBody(pairs, sample.contentType) });
}

async function expectCalmAnswer(response: Response, allowed: number[]) {
  const body = await response.text();
  expect(allowed, `status ${response.status}: ${body.slice(0, 300)}`).toContain(response.status);
  expect(body).not.toMatch(/\n\s+at \S/);
}

describe('bad input, generated', () => {
  it('never breaks the "Var informationen till din hjälp?" answer form', async () => {
    const plausible = { page: '/avtal', answer: 'nej', webbplats: '' };
    await fc.assert(
      fc.asyncProperty(form(plausible), async (sample) => {
        await expectCalmAnswer(
          await post('/aterkoppling', sample, plausible),
          [200, 303, 400, 413, 415, 429],
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('never breaks the "Vad saknade du?" comment form', async () => {
    const plausible = { page: '/avtal', comment: 'Kontaktuppgifter saknas.', webbplats: '' };
    await fc.assert(
      fc.asyncProperty(form(plausible), async (sample) => {
        const id = await recordAnswer(subject.deps, { pagePath: '/avtal', helpful: false });
        // 404: the form named another page than the answer's, which closes the door on the comment.
        await expectCalmAnswer(
          await post(`/aterkoppling/${id}/kommentar`, sample, plausible),
          [200, 303, 400, 404, 413, 415, 422, 429],
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('never breaks the search', async () => {
    const parameter = fc.oneof(
      { weight: 3, arbitrary: wireValue.filter((value): value is string => typeof value === 'string') },
      {
        weight: 1,
        arbitrary: fc.constantFrom('1', '2', '1000', '1001', '0', '-1', '1e3', '0x2', 'NaN', '9'.repeat(400)),
      },
    );
    const query = fc.array(
      fc.tuple(fc.constantFrom('q', 'q', 'sida', 'sida', 'other', '__proto__'), parameter),
      {
        maxLength: 4,
      },
    );
    await fc.assert(
      fc.asyncProperty(query, async (pairs) => {
        const search = pairs.map(([name, value]) => `${name}=${value}`).join('&');
        const response = await subject.request(`/sok?${search}`);
        await expectCalmAnswer(response, [200, 400, 422]);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps everything that was saved before, and saves only well-formed feedback', async () => {
    const after = await readAllRows(subject.database.pool);
    for (const [table, rows] of Object.entries(before)) {
      if (table === 'page_feedback') continue;
      expect(after[table], table).toEqual(rows);
    }
    for (const row of before.page_feedback ?? []) expect(after.page_feedback).toContainEqual(row);

    const feedback = await subject.database.db.select().from(pageFeedback);
    for (const row of feedback) {
      expect(ownPagePath.safeParse(row.pagePath).success, row.pagePath).toBe(true);
      if (row.comment !== null) {
        expect(row.comment.length).toBeLessThanOrEqual(1000);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: checking that none were stored is the point
        expect(row.comment).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
      }
    }
  });
});
