import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestApp } from '../../../tests/test-app.ts';
import { connectToDatabase } from '../../db/client.ts';
import { findFreePort } from '../../db/postgres-process.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp();
});
afterAll(() => subject.cleanup());

describe('GET /halsa', () => {
  it('says ok while the database answers, and is never kept by a cache', async () => {
    const response = await subject.request('/halsa');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answers 503 when the database cannot be reached', async () => {
    // Nothing listens on a port just found free: every connection is refused at once.
    const unreachable = connectToDatabase(
      `postgres://samverkan@127.0.0.1:${await findFreePort()}/samverkan`,
      pino({ level: 'silent' }),
    );
    try {
      const response = await buildTestApp(unreachable).request('/halsa');
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
    } finally {
      await unreachable.close();
    }
  });
});
