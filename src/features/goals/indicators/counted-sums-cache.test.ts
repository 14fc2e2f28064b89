import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPageCache } from '../../../web/page-cache.ts';
import { countedSumsThroughCache, MAX_STALE_MS } from './counted-sums-cache.ts';
import type { YearSum } from './indicator-figures.queries.ts';

type Sums = Map<'placerade-studenter', YearSum[]>;

function sumsOf(value: number): Sums {
  return new Map([['placerade-studenter', [{ year: 2026, value, demo: false }]]]);
}

/** A count the test finishes by hand, to see what requests get while it runs. */
function controlledCount() {
  const calls: { resolve: (sums: Sums) => void }[] = [];
  const count = () => new Promise<Sums>((resolve) => calls.push({ resolve }));
  return { calls, count };
}

const firstValue = (sums: Map<string, YearSum[]>) => sums.get('placerade-studenter')?.[0]?.value;

afterEach(() => vi.restoreAllMocks());

describe('the counted sums of the goal figures', () => {
  it('are counted once per generation of the page cache, and again after a change', async () => {
    const cache = createPageCache({ ttlMs: 5000, maxBytes: 1_000_000 });
    let counted = 0;
    const count = async () => sumsOf(++counted);
    expect(firstValue(await countedSumsThroughCache(cache, '2026-11-27', count))).toBe(1);
    expect(firstValue(await countedSumsThroughCache(cache, '2026-11-27', count))).toBe(1);
    expect(counted).toBe(1);
    cache.clear();
    // Right after the change: the sums from before, while one recount runs …
    expect(firstValue(await countedSumsThroughCache(cache, '2026-11-27', count))).toBe(1);
    await vi.waitFor(() => expect(counted).toBe(2));
    // … and then the new ones.
    expect(firstValue(await countedSumsThroughCache(cache, '2026-11-27', count))).toBe(2);
  });

  it('start one recount however many ask while it runs', async () => {
    const cache = createPageCache({ ttlMs: 5000, maxBytes: 1_000_000 });
    const { calls, count } = controlledCount();
    const first = countedSumsThroughCache(cache, '2026-11-27', count);
    calls[0]?.resolve(sumsOf(1));
    await first;
    cache.clear();
    const during = await Promise.all(
      [1, 2, 3].map(() => countedSumsThroughCache(cache, '2026-11-27', count)),
    );
    expect(during.map(firstValue)).toEqual([1, 1, 1]);
    expect(calls).toHaveLength(2);
    calls[1]?.resolve(sumsOf(2));
    await vi.waitFor(async () =>
      expect(firstValue(await countedSumsThroughCache(cache, '2026-11-27', count))).toBe(2),
    );
  });

  it('make the request wait when the sums from before are too old, or from another day', async () => {
    const cache = createPageCache({ ttlMs: 5000, maxBytes: 1_000_000 });
    let counted = 0;
    const count = async () => sumsOf(++counted);
    const start = Date.now();
    await countedSumsThroughCache(cache, '2026-11-27', count);
    cache.clear();
    vi.spyOn(Date, 'now').mockReturnValue(start + MAX_STALE_MS + 1);
    expect(firstValue(await countedSumsThroughCache(cache, '2026-11-27', count))).toBe(2);
    // A new day: what was counted up to yesterday is not served, even of the same generation.
    expect(firstValue(await countedSumsThroughCache(cache, '2026-11-28', count))).toBe(3);
  });

  it('do not give a new day the recount still running for the day before', async () => {
    const cache = createPageCache({ ttlMs: 5000, maxBytes: 1_000_000 });
    const { calls, count } = controlledCount();
    const yesterday = countedSumsThroughCache(cache, '2026-12-31', count);
    const today = countedSumsThroughCache(cache, '2027-01-01', count);
    expect(calls).toHaveLength(2);
    calls[0]?.resolve(sumsOf(1));
    calls[1]?.resolve(sumsOf(2));
    expect(firstValue(await yesterday)).toBe(1);
    expect(firstValue(await today)).toBe(2);
  });

  it('keep the sums from before when a recount fails, and count again on the next request', async () => {
    const cache = createPageCache({ ttlMs: 5000, maxBytes: 1_000_000 });
    let fail = false;
    let counted = 0;
    const count = async () => {
      if (fail) throw new Error('database down');
      return sumsOf(++counted);
    };
    const logged: unknown[] = [];
    const logger = { error: (...args: unknown[]) => logged.push(args) };
    await countedSumsThroughCache(cache, '2026-11-27', count, logger);
    cache.clear();
    fail = true;
    expect(firstValue(await countedSumsThroughCache(cache, '2026-11-27', count, logger))).toBe(1);
    await vi.waitFor(() => expect(logged).toHaveLength(1));
    fail = false;
    expect(firstValue(await countedSumsThroughCache(cache, '2026-11-27', count, logger))).toBe(1);
    await vi.waitFor(async () =>
      expect(firstValue(await countedSumsThroughCache(cache, '2026-11-27', count, logger))).toBe(2),
    );
  });
});
