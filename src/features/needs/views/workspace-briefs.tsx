import { useT } from '../../../web/i18n/context.ts';
import type { briefsForWorkspace } from '../brief-edits.service.ts';

type Props = { briefs: Awaited<ReturnType<typeof briefsForWorkspace>> };

/**
 * The needs bank in the workspace: the briefs the person may change (drafts, internal and closed ones
 * marked, so a draft is found again), "Beskriv ett nytt behov", and for the coordinator the deleted ones.
 */
export function WorkspaceBriefs({ briefs }: Props) {
  const t = useT();
  const text = t.needs.workspace;
  if (!briefs.mayAdd) return null;
  return (
    <>
      <section aria-labelledby="arbetsyta-behov">
        <h2 id="arbetsyta-behov">{text.heading}</h2>
        <p>{text.intro}</p>
        {briefs.briefs.length === 0 ? (
          <p>{text.empty}</p>
        ) : (
          <ul>
            {briefs.briefs.map((brief) => {
              const marks = [
                brief.publishedAt === null ? text.draft : null,
                brief.visibility === 'internal' ? text.internal : null,
                brief.closedAt !== null ? text.closed : null,
              ].filter(Boolean);
              return (
                <li>
                  <a href={`/behovsbanken/${brief.slug}/andra`}>{brief.title}</a>
                  {' · '}
                  {t.needs.kinds[brief.kind]}
                  {marks.length > 0 ? (
                    <>
                      {' · '}
                      <strong>{marks.join(', ')}</strong>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        <p>
          <a href="/behovsbanken/ny">{text.add}</a>
        </p>
      </section>
      {briefs.deleted.length > 0 ? (
        <section aria-labelledby="arbetsyta-borttagna-behov">
          <h2 id="arbetsyta-borttagna-behov">{text.deleted}</h2>
          <ul>
            {briefs.deleted.map((brief) => (
              <li>
                <a href={`/behovsbanken/${brief.slug}/historik`}>{brief.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
