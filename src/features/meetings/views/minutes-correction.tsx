import { formatDateTime } from '../../../lib/dates.ts';
import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { SelectField } from '../../../web/components/field.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import type { LoadedCorrection } from '../corrections.service.ts';
import { correctionPath, minutesPath } from '../minutes.service.ts';

/** A correction of approved minutes: the item, its notes and decision, the reason; earlier corrections. */
export function CorrectionPage(props: {
  loaded: LoadedCorrection;
  form: FormState;
  notice?: string | undefined;
}) {
  const t = useT();
  const text = t.minutes.correction;
  const { loaded } = props;
  const { meeting } = loaded.access;
  const { values, errors } = props.form;
  return (
    <>
      <h1>{text.title(meeting.title)}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <p class="lead">{text.lead}</p>
      <ErrorSummary
        title={t.minutes.errorSummary}
        errors={errorList(errors, ['itemId', 'notes', 'decision', 'reason'])}
      />
      <p>
        <a href={minutesPath(meeting.id)}>{t.minutes.refused.backToMeeting}</a>
      </p>
      <ul>
        {loaded.items.map((item) => (
          <li>
            <a href={`${correctionPath(meeting.id)}?arende=${item.id}`}>
              § {item.position} {item.title}
            </a>
          </li>
        ))}
      </ul>
      <form method="post" action={correctionPath(meeting.id)} novalidate>
        <input type="hidden" name="version" value={values.version ?? String(meeting.version)} />
        <SelectField id="itemId" name="itemId" label={text.item} error={errors.itemId}>
          {loaded.items.map((item) => (
            <option value={String(item.id)} selected={values.itemId === String(item.id)}>
              § {item.position} {item.title}
            </option>
          ))}
        </SelectField>
        <TextField
          id="notes"
          name="notes"
          label={text.notes}
          value={values.notes}
          error={errors.notes}
          maxlength={20_000}
          multiline
        />
        <TextField
          id="decision"
          name="decision"
          label={text.decision}
          value={values.decision}
          error={errors.decision}
          maxlength={4_000}
          multiline
        />
        <TextField
          id="reason"
          name="reason"
          label={text.reason}
          value={values.reason}
          error={errors.reason}
          maxlength={1000}
          required
          multiline
        />
        <button type="submit">{text.save}</button>
      </form>
      <CorrectionList corrections={loaded.corrections} />
    </>
  );
}

/** The corrections of approved minutes, oldest first: when, by whom, why, each field before and after. */
export function CorrectionList(props: { corrections: LoadedCorrection['corrections'] }) {
  const text = useT().minutes.correction;
  return (
    <>
      <h2>{text.earlier}</h2>
      {props.corrections.length === 0 ? <p>{text.none}</p> : null}
      {props.corrections.map((correction) => (
        <section class="minutes-correction">
          <h3>
            § {correction.itemPosition ?? '–'} {correction.itemTitle ?? ''}
          </h3>
          <p>{text.entry(formatDateTime(correction.at), correction.actorName ?? '–', correction.reason)}</p>
          <div class="table-scroll table-stack">
            <table>
              <thead>
                <tr>
                  <th scope="col">{text.field}</th>
                  <th scope="col">{text.before}</th>
                  <th scope="col">{text.after}</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(correction.changes).map(([field, [before, after]]) => (
                  <tr>
                    <th scope="row">{text.fields[field] ?? field}</th>
                    <td class="minutes-text">{String(before ?? '')}</td>
                    <td class="minutes-text">{String(after ?? '')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
