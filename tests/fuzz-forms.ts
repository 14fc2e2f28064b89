import fc from 'fast-check';
import { expect } from 'vitest';
import { OWN_ORIGIN, type TestApp } from './test-app.ts';

/**
 * The generators behind the bad-input property tests: random text (NUL, control characters, any
 * Unicode), malformed UTF-8, very long values, SQL and script payloads, unknown field names, wrong
 * content types, and forms built from a valid one with each field kept, dropped, doubled or fuzzed.
 */

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
export const wireValue = fc.oneof(
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
export const form = (plausible: Record<string, string>) =>
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

export type FormSample = {
  choices: Record<string, FieldChoice>;
  unknown: [string, Wire] | null;
  contentType: string;
  fetch: boolean;
};

/** Posts the sample to `path`, as from our own site (and signed in, with a cookie in `headers`). */
export async function postSample(
  subject: Pick<TestApp, 'request'>,
  path: string,
  sample: FormSample,
  plausible: Record<string, string>,
  extraHeaders: Record<string, string> = {},
) {
  const pairs: [string, Wire][] = [];
  for (const [name, value] of Object.entries(plausible)) {
    const choice = sample.choices[name] ?? { kind: 'keep' };
    const encoded = percentEncode(encoder.encode(value));
    if (choice.kind === 'keep') pairs.push([name, encoded]);
    if (choice.kind === 'twice') pairs.push([name, encoded], [name, encoded]);
    if (choice.kind === 'fuzz') pairs.push([name, choice.value]);
  }
  if (sample.unknown) pairs.push(sample.unknown);
  const headers: Record<string, string> = { origin: OWN_ORIGIN, ...extraHeaders };
  if (sample.contentType) headers['content-type'] = sample.contentType;
  if (sample.fetch) headers['x-requested-with'] = 'fetch';
  return subject.request(path, { method: 'POST', headers, body: encodeBody(pairs, sample.contentType) });
}

/** A status from the allowed list, and never a stack trace in the body. */
export async function expectCalmAnswer(response: Response, allowed: number[]) {
  const body = await response.text();
  expect(allowed, `status ${response.status}: ${body.slice(0, 300)}`).toContain(response.status);
  expect(body).not.toMatch(/\n\s+at \S/);
}
