import pino, { type Logger } from 'pino';
import { seedDatabase } from '../seeds/apply-seed.ts';
import { createApp } from '../src/app.tsx';
import { type AppDeps, createAppDeps } from '../src/app-deps.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/client.ts';
import { type Clock, fixedClock } from '../src/lib/clock.ts';
import type { PageCache } from '../src/web/page-cache.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

/** The day the product was built: the ULF agreement (2017–2025) has ended by then. */
export const TODAY = fixedClock('2026-11-27T12:00:00+01:00');

/** The address `app.request()` URLs have, so a form POST with this Origin counts as same-site. */
export const OWN_ORIGIN = 'http://localhost';

export type TestAppOptions = {
  clock?: Clock;
  /** Environment settings on top of the test defaults (DEMO_DATA is set by `demo`). */
  env?: Record<string, string>;
  demo?: boolean;
  logger?: Logger;
  /** The rendered-page cache, as the server has it; off unless a test is about it. */
  pageCache?: PageCache;
};

export type TestApp = {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  /** `app.request()` as if from one client address (the rate limits are keyed by it). */
  request: (path: string, init?: RequestInit, from?: string) => Promise<Response>;
};

/**
 * An app on a given database with a fixed clock and a silent logger. Rate limits are counted in the
 * database, so apps built on one database share them, as processes do.
 */
export function buildTestApp(database: Pick<Database, 'db'>, options: TestAppOptions = {}): TestApp {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DEMO_DATA: String(options.demo ?? true),
    ...options.env,
  });
  const deps = createAppDeps({
    db: database.db,
    config,
    clock: options.clock ?? TODAY,
    logger: options.logger ?? pino({ level: 'silent' }),
    ...(options.pageCache ? { pageCache: options.pageCache } : {}),
  });
  const app = createApp(deps);
  return {
    app,
    deps,
    request: (path, init, from = '192.0.2.10') =>
      Promise.resolve(app.request(path, init, { incoming: { socket: { remoteAddress: from } } })),
  };
}

/** A fresh seeded database of its own and an app on it; call `cleanup` in `afterAll`. */
export async function createTestApp(
  options: TestAppOptions = {},
): Promise<TestApp & { database: TestDatabase; cleanup: () => Promise<void> }> {
  const database = await createTestDatabase();
  await seedDatabase(database.db, { demo: options.demo ?? true });
  return { ...buildTestApp(database, options), database, cleanup: database.cleanup };
}

/** A form POST as a browser on our own site sends it. */
export function formPost(
  fields: Record<string, string> | URLSearchParams | string,
  headers: Record<string, string> = {},
): RequestInit {
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: OWN_ORIGIN,
      'sec-fetch-site': 'same-origin',
      ...headers,
    },
    body: new URLSearchParams(fields).toString(),
  };
}

/** A multipart form with one file, as a browser sends an upload (the boundary set by fetch). */
export function uploadPost(
  file: { field: string; name: string; bytes: Uint8Array<ArrayBuffer> | string; type?: string },
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
): RequestInit {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append(
    file.field,
    new File([file.bytes], file.name, { type: file.type ?? 'application/octet-stream' }),
  );
  return {
    method: 'POST',
    headers: { origin: OWN_ORIGIN, 'sec-fetch-site': 'same-origin', ...headers },
    body,
  };
}

/** The visible text of an HTML page, tags removed, entities decoded and whitespace collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(BLOCK_TAG, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_entity, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Tags that start a new line of text; inline tags (a, mark, time, strong, span) join the text around them. */
const BLOCK_TAG =
  /<\/?(?:address|article|aside|br|button|caption|dd|div|dl|dt|footer|form|h[1-6]|head|header|input|label|li|main|nav|ol|option|p|search|section|select|table|tbody|td|textarea|th|thead|title|tr|ul)\b[^>]*>/gi;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** GET a page: its status and HTML. */
export async function fetchPage(subject: Pick<TestApp, 'request'>, path: string) {
  const response = await subject.request(path);
  return { status: response.status, html: await response.text() };
}
