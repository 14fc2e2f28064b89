import type { Logger } from 'pino';
import type { PageCache } from '../../../web/page-cache.ts';
import type { ComputedIndicatorSlug } from './indicator-catalogue.ts';
import type { YearSum } from './indicator-figures.queries.ts';

/**
 * The counted sums per indicator and year, kept per process (decision 015). They are the expensive part of
 * the goal pages — a few hundred milliseconds at 20,000 activities — and every change to the register
 * empties the page cache (decision 006), so without this each save would make the next visitors of /mal
 * wait for a full recount. The sums belong to the page cache's generation they were counted in. After a
 * change, the first request starts one recount and, while it runs, requests get the sums from before the
 * change if those are younger than MAX_STALE_MS; older sums, or none, are recounted while the request
 * waits. So a change reaches the figures within one recount (plus the page cache's few seconds), and a
 * visitor waits for a recount only when nothing has been counted for a minute. Targets and entered values
 * are not kept here: they are read fresh on every build, so a coordinator's edit shows at once.
 */
export const MAX_STALE_MS = 60_000;

type Sums = Map<ComputedIndicatorSlug, YearSum[]>;

type Entry = {
  sums: Sums;
  generation: number;
  /** Counted up to this day: a new day (a new year) is never served from the old one. */
  today: string;
  countedAt: number;
};

/** `recountFor`: the day the running recount counts up to; a request of another day does not join it. */
type State = { entry?: Entry; recount?: Promise<Entry>; recountFor?: string };

// One state per page cache, that is per app (a test builds several apps in one process).
const states = new WeakMap<PageCache, State>();

export async function countedSumsThroughCache(
  cache: PageCache,
  today: string,
  count: () => Promise<Sums>,
  logger?: Pick<Logger, 'error'>,
): Promise<Sums> {
  let state = states.get(cache);
  if (!state) {
    state = {};
    states.set(cache, state);
  }
  const current = state;
  const { entry } = current;
  if (entry && entry.today === today && entry.generation === cache.generation()) return entry.sums;

  const recount = () => {
    if (!current.recount || current.recountFor !== today) {
      const generation = cache.generation();
      current.recountFor = today;
      current.recount = count()
        .then((sums) => {
          const counted = { sums, generation, today, countedAt: Date.now() };
          current.entry = counted;
          return counted;
        })
        .finally(() => {
          if (current.recountFor === today) current.recount = undefined;
        });
    }
    return current.recount;
  };

  if (entry && entry.today === today && Date.now() - entry.countedAt < MAX_STALE_MS) {
    recount().catch((error: unknown) => logger?.error({ err: error }, 'recounting the goal figures failed'));
    return entry.sums;
  }
  return (await recount()).sums;
}
