import { useT } from '../../../web/i18n/context.ts';
import type { loadWorkspaceGroups } from '../../groups/group-edits.service.ts';

type Props = { groups: Awaited<ReturnType<typeof loadWorkspaceGroups>> };

/**
 * The workspace's groups: those the person may change (internal ones marked), "Lägg till en grupp", and
 * for the coordinator the deleted ones, whose history can bring them back. Nothing for someone who may
 * change no group.
 */
export function WorkspaceGroups({ groups }: Props) {
  const t = useT();
  const text = t.groupEdits.workspace;
  // Only the coordinator and editors change groups (canAddGroup): for anyone else there is no section.
  if (!groups.mayAdd && groups.groups.length === 0) return null;
  return (
    <>
      <section aria-labelledby="arbetsyta-grupper">
        <h2 id="arbetsyta-grupper">{text.heading}</h2>
        {groups.groups.length === 0 ? (
          <p>{text.nothing}</p>
        ) : (
          <ul>
            {groups.groups.map((group) => (
              <li>
                <a href={`/grupper/${group.slug}/andra`}>{group.name}</a>
                {group.visibility === 'internal' ? ` ${text.internal}` : ''}
              </li>
            ))}
          </ul>
        )}
        {groups.mayAdd ? (
          <p>
            <a href="/grupper/ny">{text.add}</a>
          </p>
        ) : null}
      </section>
      {groups.deleted.length > 0 ? (
        <section aria-labelledby="arbetsyta-borttagna-grupper">
          <h2 id="arbetsyta-borttagna-grupper">{text.deletedHeading}</h2>
          <ul>
            {groups.deleted.map((group) => (
              <li>
                <a href={`/grupper/${group.slug}/historik`}>{group.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
