import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPublicChange } from '../src/web/page-cache.ts';
import { createTestApp } from './test-app.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp();
});
afterAll(() => subject.cleanup());

/** Resolves once `count` callers have arrived: both transactions hold their first lock before the second. */
function barrier(count: number) {
  let arrived = 0;
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return async () => {
    arrived += 1;
    if (arrived === count) open();
    await opened;
  };
}

describe('a write that loses a deadlock', () => {
  it('runs again instead of failing, so both writes land', async () => {
    const db = subject.deps.db;
    const ids = (
      await db.execute<{ id: number }>(sql`select id from organisations order by id limit 2`)
    ).rows.map((row) => Number(row.id));
    const [first, second] = ids as [number, number];
    let attempts = 0;
    const bothHoldOne = barrier(2);
    const lockInOrder = (a: number, b: number, note: string) =>
      withPublicChange({ db }, async (tx) => {
        attempts += 1;
        await tx.execute(sql`update organisations set description = ${note} where id = ${a}`);
        // Only the first attempts wait for each other; the retried one goes straight through.
        if (attempts <= 2) await bothHoldOne();
        await tx.execute(sql`update organisations set description = ${note} where id = ${b}`);
        return note;
      });
    const results = await Promise.all([
      lockInOrder(first, second, 'först'),
      lockInOrder(second, first, 'sedan'),
    ]);
    expect(results).toEqual(['först', 'sedan']);
    expect(attempts).toBe(3);
  });

  it('does not run again for any other error', async () => {
    let attempts = 0;
    await expect(
      withPublicChange({ db: subject.deps.db }, async (tx) => {
        attempts += 1;
        await tx.execute(sql`select 1 / 0`);
      }),
    ).rejects.toThrow();
    expect(attempts).toBe(1);
  });
});
