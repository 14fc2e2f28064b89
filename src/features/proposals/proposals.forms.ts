import { z } from 'zod';
import { type MessageKey, messageKey } from '../../web/i18n/message-key.ts';
import { activityKinds } from '../activities/activities.table.ts';
import { isIdText, optionalId, optionalText, requiredText } from '../register/register.forms.ts';

/** "Annat lärosäte" in the university select: the proposer names it in `otherUniversity`. */
export const OTHER_UNIVERSITY = 'annat';

/** '2026-09-01', or nothing; a real calendar day (no 30 February). */
function optionalDate() {
  return z
    .string()
    .trim()
    .max(40, messageKey('proposals.dateInvalid'))
    .refine((value) => value === '' || isIsoDate(value), messageKey('proposals.dateInvalid'))
    .transform((value) => (value === '' ? null : value));
}

/** 'YYYY-MM-DD', a real calendar day from 1900 to 2199 (no 30 February, no year 0). */
function isIsoDate(value: string): boolean {
  if (!/^(19|20|21)\d{2}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A record chosen in a select that must be chosen, by id. */
function requiredId(missing: MessageKey) {
  return z.string().refine(isIdText, messageKey(missing)).transform(Number);
}

/** The same check as the sign-in form's; a contact address is where the coordinator writes. */
const emailAddress = z.email();

/**
 * "Registrera ett samarbete": a few fields, doable in a minute. `match` is the second step, after likely
 * duplicates were shown: 'new' (it is a new collaboration) or an activity's id (join that one); `checked`
 * (hidden) says the matches were shown, so an unanswered choice is a message by the choice.
 */
export const proposalForm = z.strictObject({
  title: requiredText(200),
  description: optionalText(2000),
  universityId: z
    .string()
    .refine(
      (value) => value === OTHER_UNIVERSITY || isIdText(value),
      messageKey('proposals.universityMissing'),
    ),
  otherUniversity: optionalText(200),
  organisationId: requiredId('proposals.organisationMissing'),
  contactName: requiredText(100),
  contactEmail: z
    .string()
    .trim()
    .min(1, messageKey('proposals.emailInvalid'))
    .max(254, messageKey('proposals.emailInvalid'))
    .refine((value) => emailAddress.safeParse(value).success, messageKey('proposals.emailInvalid')),
  startsOn: optionalDate(),
  endsOn: optionalDate(),
  goalId: optionalId(),
  match: z.string().refine((value) => value === '' || value === 'new' || isIdText(value)),
  checked: z.enum(['', '1']),
});

/**
 * The rules between fields, on the values as typed, so that their messages come together with every
 * other one (a schema's object-level check would only run once each field is valid): the end not before
 * the start, a name for "Annat lärosäte", and no name when a university in the list was chosen.
 */
export function crossFieldErrors(values: Partial<Record<string, string>>): Record<string, MessageKey> {
  const errors: Record<string, MessageKey> = {};
  const startsOn = values.startsOn?.trim() ?? '';
  const endsOn = values.endsOn?.trim() ?? '';
  if (isIsoDate(startsOn) && isIsoDate(endsOn) && endsOn < startsOn)
    errors.endsOn = messageKey('proposals.endBeforeStart');
  const other = values.otherUniversity?.trim() ?? '';
  if (values.universityId === OTHER_UNIVERSITY && other === '')
    errors.otherUniversity = messageKey('proposals.otherUniversityMissing');
  if (/^[1-9][0-9]*$/.test(values.universityId ?? '') && other !== '')
    errors.otherUniversity = messageKey('proposals.otherUniversityNotChosen');
  return errors;
}

export type ProposalInput = z.output<typeof proposalForm>;

/** The order of the form's fields, for the error summary. */
export const PROPOSAL_FIELDS = [
  'title',
  'description',
  'universityId',
  'otherUniversity',
  'organisationId',
  'contactName',
  'contactEmail',
  'startsOn',
  'endsOn',
  'goalId',
  'match',
] as const;

/**
 * Which institution a decision adds to the activity when the proposer named one outside the register:
 * a university from the register, or `new` (add it to the register as a new university). '' for a
 * proposal that chose one from the register.
 */
const universityChoice = z
  .string()
  .refine(
    (value) => value === '' || value === 'new' || isIdText(value),
    messageKey('proposals.review.universityChoiceMissing'),
  );

/** Accept: the proposal becomes an activity of the kind the coordinator chooses. */
export const acceptForm = z.strictObject({
  kind: z.enum(activityKinds, { error: messageKey('proposals.review.kindMissing') }),
  university: universityChoice,
});

/** Merge: the proposer's organisation and institution are added to an activity already in the register. */
export const mergeForm = z.strictObject({
  activityId: requiredId('proposals.review.activityMissing'),
  university: universityChoice,
});

/** Decline: the reason goes to the proposer in the mail, so it is required. */
export const declineForm = z.strictObject({
  reason: z.string().trim().min(1, messageKey('proposals.review.reasonMissing')).pipe(requiredText(2000)),
});
