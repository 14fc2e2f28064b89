import { formatDate } from '../../lib/dates.ts';
import { t } from '../i18n/sv.ts';

export function Updated({ on }: { on: string }) {
  return (
    <p class="updated">
      {t.common.updated} <time datetime={on}>{formatDate(on)}</time>
    </p>
  );
}
