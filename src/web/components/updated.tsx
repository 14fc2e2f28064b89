import { formatDate } from '../../lib/dates.ts';
import { useT } from '../i18n/context.ts';

export function Updated({ on }: { on: string }) {
  const t = useT();
  return (
    <p class="updated">
      {t.common.updated} <time datetime={on}>{formatDate(on)}</time>
    </p>
  );
}
