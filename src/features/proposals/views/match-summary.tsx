import { Period } from '../../../web/components/period.tsx';
import { useT } from '../../../web/i18n/context.ts';
import type { Match } from '../proposals.service.ts';

/**
 * One likely duplicate: its title (a link to its public page; an internal one, shown to coordinators
 * only, has no public page), its parties and period, and why it is shown.
 */
export function MatchSummary({ match, titleId }: { match: Match; titleId: string }) {
  const t = useT();
  const text = t.proposals.matches;
  const reasons = [match.similarTitle ? text.similarTitle : '', match.sameParties ? text.sameParties : '']
    .filter(Boolean)
    .join(', ');
  return (
    <>
      <p class="match-title" id={titleId}>
        {match.internal ? (
          <>
            {match.title} <span class="status status-draft">{text.internal}</span>
          </>
        ) : (
          <a href={`/aktiviteter/${match.slug}`}>{match.title}</a>
        )}
      </p>
      <p class="meta">
        {match.parties.length > 0 ? `${match.parties.join(', ')} · ` : ''}
        <Period from={match.startsOn} to={match.endsOn} />
      </p>
      <p class="meta">
        {text.why} {reasons}
      </p>
    </>
  );
}
