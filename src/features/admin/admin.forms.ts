import { z } from 'zod';
import { type MessageKey, messageKey } from '../../web/i18n/message-key.ts';
import { roles } from '../accounts/accounts.table.ts';
import { auditActions } from '../auth/audit.ts';

/**
 * The ids of the person page's controls, which refusal messages are shown next to and the error summary
 * links to. One place, so the service, the routes and the view agree.
 */
export const controlIds = {
  newOrganisation: 'ny-organisation',
  newRole: 'ny-roll',
  newGroup: 'ny-grupp',
  disable: 'stang-av',
  role: (organisationId: number) => `roll-${organisationId}`,
};

/** A database id as it arrives in a path, a select or a query: digits only, within integer range. */
function idFrom(message?: MessageKey) {
  return z
    .string({ error: message })
    .regex(/^[1-9][0-9]{0,9}$/, message)
    .transform(Number)
    .pipe(z.number().int().max(2_147_483_647, message));
}

export const idText = idFrom();

const pageNumber = z.coerce.number().int().min(1).max(1000).default(1);

/** GET /admin: a name or e-mail fragment; control characters are noise in a search. */
export const peopleQuery = z.object({
  q: z
    .string()
    .default('')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .transform((value) => value.replace(/[\u0000-\u001F\u007F]/g, ' ').trim())
    .pipe(z.string().max(200, messageKey('admin.people.queryTooLong'))),
  sida: pageNumber,
});

/** GET /admin/logg: filter by action and by person, paged. */
export const auditLogQuery = z.object({
  handling: z
    .union([z.literal(''), z.enum(auditActions)], { error: messageKey('admin.log.actionInvalid') })
    .default(''),
  person: z.union([z.literal(''), idText]).default(''),
  sida: pageNumber,
});

const role = z.enum(roles, { error: messageKey('admin.refused.roleMissing') });

/** Add a membership, or change the role of one: one role per organisation. */
export const membershipForm = z.strictObject({
  organisationId: idFrom('admin.refused.organisationMissing'),
  role,
});

export const groupForm = z.strictObject({
  groupId: idFrom('admin.refused.groupMissing'),
});

/** Forms that are only a button. */
export const emptyForm = z.strictObject({});

export const inviteForm = z.strictObject({
  name: z
    .string({ error: messageKey('admin.invite.nameMissing') })
    .trim()
    .min(1, messageKey('admin.invite.nameMissing'))
    .max(200, messageKey('admin.invite.nameTooLong'))
    // PostgreSQL cannot store NUL in text; anything else is kept as typed and escaped where shown.
    .refine((value) => !value.includes('\u0000'), messageKey('admin.invite.nameInvalid')),
  email: z
    .string({ error: messageKey('admin.invite.emailMissing') })
    .trim()
    .min(1, messageKey('admin.invite.emailMissing'))
    .max(254, messageKey('admin.invite.emailInvalid'))
    .pipe(z.email({ error: messageKey('admin.invite.emailInvalid') })),
  organisationId: z.union([z.literal(''), idText], {
    error: messageKey('admin.refused.organisationMissing'),
  }),
  role: z.union([z.literal(''), role], { error: messageKey('admin.refused.roleMissing') }),
});

export type InviteInput = z.infer<typeof inviteForm>;
