import { formatDate } from '../../lib/dates.ts';
import { useT } from '../i18n/context.ts';

/** "1 januari 2017 – 31 december 2025", an open end as "tills vidare". */
export function Period({ from, to }: { from: string | null; to: string | null }) {
  const t = useT();
  if (!from && !to) return <>{t.common.notGiven}</>;
  return (
    <>
      {from ? <time datetime={from}>{formatDate(from)}</time> : '…'}
      {' – '}
      {to ? <time datetime={to}>{formatDate(to)}</time> : t.common.untilFurtherNotice}
    </>
  );
}
