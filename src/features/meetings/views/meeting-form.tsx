import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { SelectField } from '../../../web/components/field.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import { visibilities } from '../../register/register.table.ts';
import { SavedVersion } from '../../register/views/saved-version.tsx';
import { MEETING_FIELDS } from '../meetings.forms.ts';
import { meetingStatuses } from '../meetings.table.ts';

const ids: Record<string, string> = {
  title: 'mote-rubrik',
  date: 'mote-datum',
  startTime: 'mote-start',
  endTime: 'mote-slut',
  place: 'mote-plats',
  videoUrl: 'mote-video',
  secretaryPersonId: 'mote-sekreterare',
  status: 'mote-status',
  cancelledReason: 'mote-installt',
  visibility: 'mote-synlighet',
  internalReason: 'mote-skal',
};

/** A new meeting or a change of one: every field with its message next to it. */
export function MeetingForm(props: {
  heading: string;
  action: string;
  form: FormState;
  members: { id: number; name: string; email: string | null }[];
  groupInternal: boolean;
  version?: number | undefined;
  saved?: { described: Record<string, string>; labels: Record<string, string> } | undefined;
  backHref: string;
  backText: string;
  submit: string;
}) {
  const t = useT();
  const text = t.meetings;
  const { values, errors } = props.form;
  const summary = errorList(errors, MEETING_FIELDS).map((error) => ({
    field: ids[error.field] ?? error.field,
    message: error.message,
  }));
  return (
    <>
      <h1>{props.heading}</h1>
      <ErrorSummary title={t.register.errorSummary} errors={summary} />
      {props.saved ? <SavedVersion described={props.saved.described} labels={props.saved.labels} /> : null}
      <form method="post" action={props.action} novalidate>
        {props.version !== undefined ? (
          <input type="hidden" name="version" value={String(props.version)} />
        ) : null}
        <TextField
          id={ids.title!}
          name="title"
          label={text.fields.title}
          value={values.title}
          error={errors.title}
          maxlength={200}
          required
        />
        <TextField
          id={ids.date!}
          name="date"
          type="date"
          label={text.fields.date}
          value={values.date}
          error={errors.date}
          required
        />
        <TextField
          id={ids.startTime!}
          name="startTime"
          label={text.fields.startTime}
          hint={text.hints.time}
          value={values.startTime}
          error={errors.startTime}
          maxlength={5}
          required
        />
        <TextField
          id={ids.endTime!}
          name="endTime"
          label={text.fields.endTime}
          hint={text.hints.time}
          value={values.endTime}
          error={errors.endTime}
          maxlength={5}
          required
        />
        <TextField
          id={ids.place!}
          name="place"
          label={text.fields.place}
          hint={text.hints.place}
          value={values.place}
          error={errors.place}
          maxlength={300}
        />
        <TextField
          id={ids.videoUrl!}
          name="videoUrl"
          label={text.fields.videoUrl}
          hint={text.hints.videoUrl}
          value={values.videoUrl}
          error={errors.videoUrl}
          maxlength={500}
        />
        <SelectField
          id={ids.secretaryPersonId!}
          name="secretaryPersonId"
          label={text.fields.secretaryPersonId}
          error={errors.secretaryPersonId}
        >
          <option value="">{text.noSecretary}</option>
          {props.members.map((member) => (
            <option value={String(member.id)} selected={values.secretaryPersonId === String(member.id)}>
              {member.name || member.email || String(member.id)}
            </option>
          ))}
        </SelectField>
        {props.version !== undefined ? (
          <>
            <SelectField id={ids.status!} name="status" label={text.fields.status} error={errors.status}>
              {meetingStatuses.map((status) => (
                <option value={status} selected={values.status === status}>
                  {text.statuses[status]}
                </option>
              ))}
            </SelectField>
            <TextField
              id={ids.cancelledReason!}
              name="cancelledReason"
              label={text.fields.cancelledReason}
              value={values.cancelledReason}
              error={errors.cancelledReason}
              maxlength={300}
            />
          </>
        ) : null}
        {props.groupInternal ? (
          <>
            <input type="hidden" name="visibility" value="internal" />
            <p class="hint">{text.hints.internalGroup}</p>
          </>
        ) : (
          <SelectField
            id={ids.visibility!}
            name="visibility"
            label={text.fields.visibility}
            error={errors.visibility}
          >
            {visibilities.map((visibility) => (
              <option value={visibility} selected={values.visibility === visibility}>
                {text.visibilities[visibility]}
              </option>
            ))}
          </SelectField>
        )}
        <TextField
          id={ids.internalReason!}
          name="internalReason"
          label={text.fields.internalReason}
          value={values.internalReason}
          error={errors.internalReason}
          maxlength={300}
        />
        <div class="button-row">
          <button type="submit">{props.submit}</button>
          <a href={props.backHref}>{props.backText}</a>
        </div>
      </form>
    </>
  );
}

/** A guest's name, organisation and address. */
export function GuestForm(props: { heading: string; action: string; form: FormState; backHref: string }) {
  const t = useT();
  const text = t.meetings.guests;
  const { values, errors } = props.form;
  const summary = errorList(errors, ['name', 'organisationName', 'email']).map((error) => ({
    field: `gast-${error.field}`,
    message: error.message,
  }));
  return (
    <>
      <h1>{props.heading}</h1>
      <ErrorSummary title={t.register.errorSummary} errors={summary} />
      <form method="post" action={props.action} novalidate>
        <TextField
          id="gast-name"
          name="name"
          label={text.name}
          value={values.name}
          error={errors.name}
          maxlength={200}
          required
        />
        <TextField
          id="gast-organisationName"
          name="organisationName"
          label={text.organisation}
          value={values.organisationName}
          error={errors.organisationName}
          maxlength={200}
        />
        <TextField
          id="gast-email"
          name="email"
          type="email"
          label={text.email}
          value={values.email}
          error={errors.email}
          maxlength={254}
          autocomplete="off"
          required
        />
        <div class="button-row">
          <button type="submit">{text.add}</button>
          <a href={props.backHref}>{t.meetings.back}</a>
        </div>
      </form>
    </>
  );
}
