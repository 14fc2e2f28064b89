import { useT } from '../../../web/i18n/context.ts';
import type { activitiesForWorkspace } from '../../activities/activity-edits.service.ts';

type Props = { activities: Awaited<ReturnType<typeof activitiesForWorkspace>> };

/**
 * The activities the person may edit (internal ones marked), "Lägg till aktivitet", and for the
 * coordinator the deleted ones, to open their history and restore. Nothing for someone who may not.
 */
export function WorkspaceActivities({ activities }: Props) {
  const t = useT();
  const text = t.activityEdits.workspace;
  if (!activities.mayAdd) return null;
  return (
    <>
      <section aria-labelledby="arbetsyta-aktiviteter">
        <h2 id="arbetsyta-aktiviteter">{text.heading}</h2>
        {activities.activities.length === 0 ? (
          <p>{text.none}</p>
        ) : (
          <ul>
            {activities.activities.map((activity) => (
              <li>
                <a href={`/aktiviteter/${activity.slug}/andra`}>{activity.title}</a>
                {' · '}
                {t.activityKinds[activity.kind]}
                {activity.visibility === 'internal' ? (
                  <>
                    {' · '}
                    <strong>{t.activityEdits.internalTag}</strong>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/aktiviteter/ny">{text.add}</a>
        </p>
      </section>
      {activities.deleted.length > 0 ? (
        <section aria-labelledby="arbetsyta-borttagna-aktiviteter">
          <h2 id="arbetsyta-borttagna-aktiviteter">{text.deletedHeading}</h2>
          <ul>
            {activities.deleted.map((activity) => (
              <li>
                <a href={`/aktiviteter/${activity.slug}/historik`}>{activity.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
