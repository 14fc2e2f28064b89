import { useT } from '../../../web/i18n/context.ts';
import { CAPACITY_PATH } from '../placement-offers.list.ts';
import { OVERVIEW_PATH } from './overview-page.tsx';

export type PlacementPage = 'capacity' | 'requests' | 'needs' | 'overview';

/** Built when asked (overview-page.tsx imports this module too). */
const pathsOf = (): Record<PlacementPage, string> => ({
  capacity: CAPACITY_PATH,
  requests: '/praktik/forfragningar',
  needs: '/praktik/behov',
  overview: OVERVIEW_PATH,
});

/**
 * The small navigation between the placement pages: the capacity list, the requests, the needs lists and
 * the public overview, the page shown marked as current. The first three need signing in; on the public
 * overview (one cached page for everyone) a note says so.
 */
export function PlacementNav({ current, note }: { current?: PlacementPage; note?: boolean }) {
  const text = useT().placementRequests.nav;
  const paths = pathsOf();
  return (
    <nav aria-label={text.label} class="placement-nav">
      <ul class="plain edit-links">
        {(Object.keys(paths) as PlacementPage[]).map((page) => (
          <li>
            <a href={paths[page]} aria-current={page === current ? 'page' : undefined}>
              {text[page]}
            </a>
          </li>
        ))}
      </ul>
      {note ? <p class="hint">{text.signInNote}</p> : null}
    </nav>
  );
}
