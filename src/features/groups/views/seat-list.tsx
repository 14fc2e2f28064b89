import { Period } from '../../../web/components/period.tsx';
import { useT } from '../../../web/i18n/context.ts';
import type { GroupEditor } from '../group-edits.service.ts';

/**
 * A group's seats on its edit page, ended ones too (marked), each with its own "Ändra" and "Ta bort";
 * "Lägg till en ledamot" opens the seat form. Links only: every change is a form of its own (no JavaScript).
 */
export function SeatList({ editor, today }: { editor: GroupEditor; today: string }) {
  const t = useT();
  const text = t.groupEdits.members;
  const base = `/grupper/${editor.group.slug}/ledamoter`;
  return (
    <section aria-labelledby="ledamoter" class="seats">
      <h2 id="ledamoter">{text.heading}</h2>
      <p>{text.intro}</p>
      {editor.seats.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <ul class="plain seat-list">
          {editor.seats.map((seat) => {
            const who =
              seat.personName && seat.seatDescription
                ? `${seat.personName} (${seat.seatDescription})`
                : (seat.personName ?? seat.seatDescription ?? '');
            const ended = seat.toOn !== null && seat.toOn < today;
            const notStarted = seat.fromOn !== null && seat.fromOn > today;
            return (
              <li>
                <strong>{who}</strong>
                <br />
                {t.memberRoles[seat.role]}
                {seat.organisationName ? ` · ${seat.organisationName}` : ''}
                {seat.fromOn || seat.toOn ? (
                  <>
                    {' · '}
                    <Period from={seat.fromOn} to={seat.toOn} />
                  </>
                ) : null}
                {ended ? <span class="seat-state"> · {text.ended}</span> : null}
                {notStarted ? <span class="seat-state"> · {text.notStarted}</span> : null}
                <br />
                <a href={`${base}/${seat.id}/andra`}>
                  {text.change}
                  <span class="visually-hidden"> {who}</span>
                </a>
                {' · '}
                <a href={`${base}/${seat.id}/ta-bort`}>
                  {text.remove}
                  <span class="visually-hidden"> {who}</span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <a href={`${base}/ny`}>{text.add}</a>
      </p>
    </section>
  );
}
