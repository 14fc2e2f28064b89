import { useT } from '../../../web/i18n/context.ts';
import { roles } from '../../accounts/accounts.table.ts';

export function RoleOptions({ selected }: { selected?: string | undefined }) {
  const t = useT();
  return (
    <>
      {roles.map((role) => (
        <option value={role} selected={selected === role}>
          {t.auth.roles[role]}
        </option>
      ))}
    </>
  );
}
