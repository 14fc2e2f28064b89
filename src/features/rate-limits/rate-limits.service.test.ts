import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/database.ts';
import type { Clock } from '../../lib/clock.ts';
import { rateLimitKey } from '../../web/client-address.ts';
import { createRateLimiter, deleteExpiredRateLimitData } from './rate-limits.service.ts';
import { rateLimitCounts, rateLimitSalts } from './rate-limits.table.ts';

let database: TestDatabase;
const clock = { current: new Date('2026-11-27T10:15:00Z') };
const movingClock: Clock = { now: () => new Date(clock.current) };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.cleanup());
beforeEach(async () => {
  await database.db.delete(rateLimitCounts);
  await database.db.delete(rateLimitSalts);
  clock.current = new Date('2026-11-27T10:15:00Z');
});

/** A limiter as one app process has it; two of these on one database are two processes. */
const limiterOfAProcess = (limit = 3) =>
  createRateLimiter({ db: database.db, clock: movingClock }, { scope: 'test', limit, windowMs: 3_600_000 });

describe('a rate limit counted in PostgreSQL', () => {
  it('allows the limit, refuses the next, and says when the window ends', async () => {
    const limiter = limiterOfAProcess();
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.hit('192.0.2.1'));
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
    // Four hits this hour: in the next one, 4 × (share of this hour still in the window) + 1 ≤ 3 at 11:30.
    expect(results[3]?.resetAt.toISOString()).toBe('2026-11-27T11:30:00.000Z');
    expect((await limiter.hit('192.0.2.2')).allowed).toBe(true);
  });

  it('holds across a restart: a new process starts from the count the old one left', async () => {
    const before = limiterOfAProcess();
    for (let i = 0; i < 3; i++) await before.hit('192.0.2.1');
    const afterRestart = limiterOfAProcess();
    expect((await afterRestart.hit('192.0.2.1')).allowed).toBe(false);
  });

  it('holds across processes hit at the same moment: exactly the limit gets through', async () => {
    const processes = [limiterOfAProcess(10), limiterOfAProcess(10), limiterOfAProcess(10)];
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => processes[i % 3]!.hit('198.51.100.7')),
    );
    expect(results.filter((result) => result.allowed)).toHaveLength(10);
  });

  it('keeps limits of different kinds apart', async () => {
    const feedback = limiterOfAProcess(1);
    const other = createRateLimiter(
      { db: database.db, clock: movingClock },
      { scope: 'other', limit: 1, windowMs: 3_600_000 },
    );
    expect((await feedback.hit('192.0.2.1')).allowed).toBe(true);
    expect((await other.hit('192.0.2.1')).allowed).toBe(true);
  });

  it('lets no burst fit across the end of a window: the last window’s hits slide out as time passes', async () => {
    const limiter = limiterOfAProcess(3);
    for (let i = 0; i < 3; i++) expect((await limiter.hit('192.0.2.1')).allowed).toBe(true);
    // Ten minutes into the next hour, 50 of the last hour's 60 minutes still count: 3 × 5/6 + 1 > 3.
    clock.current = new Date('2026-11-27T11:10:00Z');
    const early = await limiter.hit('192.0.2.1');
    expect(early.allowed).toBe(false);
    // Allowed again once 3 × (share left) + 2 ≤ 3, i.e. with 20 minutes of the window left.
    expect(early.resetAt.toISOString()).toBe('2026-11-27T11:40:00.000Z');
    clock.current = new Date('2026-11-27T11:40:00Z');
    expect((await limiter.hit('192.0.2.1')).allowed).toBe(true);
  });

  it('never stores the address, and forgets even its hash and the salt an hour after they are used', async () => {
    const limiter = limiterOfAProcess();
    await limiter.hit('192.0.2.123');
    const stored = JSON.stringify(await database.db.select().from(rateLimitCounts));
    expect(stored).not.toContain('192.0.2.123');
    const [count] = await database.db.select().from(rateLimitCounts);
    expect(count?.keyHash).toHaveLength(16);

    // The same address next hour: another salt, so another hash; the old hour cannot be linked to it.
    clock.current = new Date('2026-11-27T11:05:00Z');
    await limiter.hit('192.0.2.123');
    const hashes = (await database.db.select().from(rateLimitCounts)).map((row) =>
      row.keyHash.toString('hex'),
    );
    expect(new Set(hashes).size).toBe(2);

    // Still read as the previous window during the next hour; gone after that.
    await deleteExpiredRateLimitData(database.db, movingClock.now());
    expect(await database.db.select().from(rateLimitCounts)).toHaveLength(2);
    clock.current = new Date('2026-11-27T12:05:00Z');
    await deleteExpiredRateLimitData(database.db, movingClock.now());
    expect(await database.db.select().from(rateLimitCounts)).toHaveLength(1);
    const salts = await database.db.select().from(rateLimitSalts);
    expect(salts.map((salt) => salt.hourStartsAt.toISOString())).toEqual(['2026-11-27T11:00:00.000Z']);
  });

  it('shares one salt per hour between processes, so their counts meet', async () => {
    const [first, second] = [limiterOfAProcess(), limiterOfAProcess()];
    await Promise.all([first.hit('192.0.2.1'), second.hit('192.0.2.1')]);
    expect(await database.db.select().from(rateLimitSalts)).toHaveLength(1);
    const [count] = await database.db.select().from(rateLimitCounts);
    expect(count?.hits).toBe(2);
  });
});

describe('the key a client is counted by', () => {
  it.each([
    ['192.0.2.1', '192.0.2.1'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:ffff::9', '2001:db8:1:2::/64'],
    ['unknown', 'unknown'],
  ])('counts %s as %s (one budget per IPv6 /64)', (address, key) => {
    expect(rateLimitKey(address)).toBe(key);
  });
});
