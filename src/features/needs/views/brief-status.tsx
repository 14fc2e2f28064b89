import { useT } from '../../../web/i18n/context.ts';

/** Closed when closed by its owner or when its last day has passed (in Stockholm). */
export function isBriefOpen(
  brief: { closedAt: Date | null; deadline: string | null },
  today: string,
): boolean {
  return brief.closedAt === null && (brief.deadline === null || brief.deadline >= today);
}

/** "Öppet för svar" / "Stängt för svar". */
export function BriefStatus(props: {
  brief: { closedAt: Date | null; deadline: string | null };
  today: string;
}) {
  const t = useT();
  const open = isBriefOpen(props.brief, props.today);
  return (
    <span class={open ? 'status status-active' : 'status status-ended'}>
      {open ? t.needs.status.open : t.needs.status.closed}
    </span>
  );
}
