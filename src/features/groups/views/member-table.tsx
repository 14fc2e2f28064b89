import { DemoLabel } from '../../../web/components/demo-label.tsx';
import { OrganisationName } from '../../../web/components/register-links.tsx';
import { useT } from '../../../web/i18n/context.ts';
import type { GroupMemberRow } from '../groups.queries.ts';

/** Who sits in a group: a named person where one is known, otherwise the office that holds the seat. */
export function MemberTable({ members, caption }: { members: GroupMemberRow[]; caption: string }) {
  const t = useT();
  if (members.length === 0) return <p>{t.groups.noMembers}</p>;
  return (
    <div class="table-scroll table-stack">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.council.name}</th>
            <th scope="col">{t.council.role}</th>
            <th scope="col">{t.council.represents}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr>
              <td>
                {member.personName ?? member.seatDescription ?? '–'} <DemoLabel show={member.isDemo} />
              </td>
              <td>{t.memberRoles[member.role]}</td>
              <td>{member.organisation ? <OrganisationName organisation={member.organisation} /> : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
