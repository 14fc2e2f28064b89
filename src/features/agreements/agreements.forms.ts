import { z } from 'zod';
import { messageKey } from '../../web/i18n/message-key.ts';
import { optionalId, optionalText, requiredText, versionField } from '../register/register.forms.ts';
import { visibilities } from '../register/register.table.ts';
import type { AgreementColumns, AgreementContact } from './agreement-edits.queries.ts';
import { agreementKinds } from './agreements.table.ts';

/**
 * The agreement form (issue 8). A browser without JavaScript sends one value per field name, so the
 * lists are rows of their own: `party1`…`party20` (a select each), `contactPerson1`/`contactParty1`…, and
 * one checkbox per focus area (`focusArea-<id>`, from the areas in the register when the form is read).
 */

export const MAX_PARTIES = 20;
export const MAX_CONTACTS = 8;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year <= 2200 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date typed as ÅÅÅÅ-MM-DD, or nothing ('' is stored as null). */
export function optionalDate() {
  return (
    z
      .string()
      .trim()
      .max(40, messageKey('agreementEdits.dateFormat'))
      // No `abort`: an aborted field would keep the rules between fields (checkAgreement) from running.
      .refine((value) => value === '' || ISO_DATE.test(value), messageKey('agreementEdits.dateFormat'))
      .refine(
        (value) => value === '' || !ISO_DATE.test(value) || isCalendarDate(value),
        messageKey('agreementEdits.noSuchDate'),
      )
      .transform((value) => (value === '' ? null : value))
  );
}

export const partyField = (row: number) => `party${row}`;
export const contactPersonField = (row: number) => `contactPerson${row}`;
export const contactPartyField = (row: number) => `contactParty${row}`;
export const focusAreaField = (id: number) => `focusArea-${id}`;

const rows = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

function agreementShape(focusAreaIds: number[]): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {
    kind: z.enum(agreementKinds, { error: messageKey('register.choiceMissing') }),
    title: requiredText(300),
    diarienummer: optionalText(60),
    signedOn: optionalDate(),
    validFrom: optionalDate(),
    validTo: optionalDate(),
  };
  for (const row of rows(MAX_PARTIES)) shape[partyField(row)] = optionalId();
  for (const id of focusAreaIds)
    shape[focusAreaField(id)] = z.enum(['', 'ja'], { error: messageKey('register.choiceMissing') });
  for (const row of rows(MAX_CONTACTS)) {
    shape[contactPersonField(row)] = optionalId();
    shape[contactPartyField(row)] = optionalId();
  }
  shape.description = optionalText(5000);
  shape.visibility = z.enum(visibilities, { error: messageKey('register.choiceMissing') });
  shape.internalReason = optionalText(300);
  return shape;
}

type Data = Record<string, unknown>;
type Context = { addIssue: (issue: { code: 'custom'; path: string[]; message: string }) => void };

/**
 * The rules between fields, with a message next to the field each concerns. They run even when another
 * field is wrong (so every message shows at once), on values that may still be as typed: each rule only
 * looks at values that passed their own field's check.
 */
function checkAgreement(data: Data, ctx: Context): void {
  const issue = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
  const { validFrom, validTo } = data;
  if (
    typeof validFrom === 'string' &&
    typeof validTo === 'string' &&
    ISO_DATE.test(validFrom) &&
    ISO_DATE.test(validTo) &&
    validTo < validFrom
  )
    issue('validTo', messageKey('agreementEdits.validToBeforeFrom'));

  const parties = new Set<number>();
  let typedParty = false;
  for (const row of rows(MAX_PARTIES)) {
    const value = data[partyField(row)];
    if (value !== null && value !== undefined) typedParty = true;
    if (typeof value !== 'number') continue;
    if (parties.has(value)) issue(partyField(row), messageKey('agreementEdits.partyTwice'));
    parties.add(value);
  }
  if (!typedParty) issue('parties', messageKey('agreementEdits.partiesMissing'));

  const contacts = new Set<number>();
  for (const row of rows(MAX_CONTACTS)) {
    const person = data[contactPersonField(row)];
    const party = data[contactPartyField(row)];
    if (typeof person === 'number') {
      if (contacts.has(person)) issue(contactPersonField(row), messageKey('agreementEdits.contactTwice'));
      contacts.add(person);
      if (party === null) issue(contactPartyField(row), messageKey('agreementEdits.contactPartyMissing'));
    } else if (person === null && typeof party === 'number') {
      issue(contactPersonField(row), messageKey('agreementEdits.contactPersonMissing'));
    }
    if (typeof party === 'number' && !parties.has(party))
      issue(contactPartyField(row), messageKey('agreementEdits.contactPartyNotParty'));
  }

  if (data.visibility === 'internal' && data.internalReason === null)
    issue('internalReason', messageKey('agreementEdits.internalReasonMissing'));
}

/** The form for a new agreement, with a checkbox for each of these focus areas. */
export function newAgreementForm(focusAreaIds: number[]) {
  return z.strictObject(agreementShape(focusAreaIds)).superRefine(checkAgreement, { when: () => true });
}

/** The form for changing an agreement: the same, and the version it was opened on. */
export function agreementForm(focusAreaIds: number[]) {
  return z
    .strictObject({ ...agreementShape(focusAreaIds), version: versionField })
    .superRefine(checkAgreement, { when: () => true });
}

/** An agreement as its form and a history snapshot hold it: its own columns and its links, by id. */
export type AgreementValues = AgreementColumns & {
  parties: number[];
  focusAreas: number[];
  contacts: AgreementContact[];
};

const byNumber = (a: number, b: number) => a - b;

/**
 * The values of a checked form. Lists are put in id order, so moving a party to another row changes
 * nothing; a reason is kept only for an internal agreement. `keptAreas`: focus areas the agreement
 * prioritises that have been deleted since, which the form no longer shows but a save must not drop.
 */
export function agreementValuesFrom(
  data: Data,
  focusAreaIds: number[],
  keptAreas: number[],
): AgreementValues {
  const text = (field: string) => (data[field] as string | null | undefined) ?? null;
  const id = (field: string) => (typeof data[field] === 'number' ? (data[field] as number) : null);
  const visibility = data.visibility === 'internal' ? 'internal' : 'public';
  const contacts = rows(MAX_CONTACTS)
    .map((row) => ({ personId: id(contactPersonField(row)), organisationId: id(contactPartyField(row)) }))
    .filter((contact): contact is AgreementContact => contact.personId !== null)
    .sort((a, b) => a.personId - b.personId);
  return agreementValuesOf({
    kind: data.kind as AgreementColumns['kind'],
    title: data.title as string,
    diarienummer: text('diarienummer'),
    signedOn: text('signedOn'),
    validFrom: text('validFrom'),
    validTo: text('validTo'),
    description: text('description') ?? '',
    visibility,
    internalReason: visibility === 'internal' ? text('internalReason') : null,
    parties: rows(MAX_PARTIES)
      .map((row) => id(partyField(row)))
      .filter((party): party is number => party !== null),
    focusAreas: [...focusAreaIds.filter((area) => data[focusAreaField(area)] === 'ja'), ...keptAreas],
    contacts,
  });
}

/** The values in one shape and order (what the history compares and stores), lists sorted and unique. */
export function agreementValuesOf(values: AgreementValues): AgreementValues {
  return {
    kind: values.kind,
    title: values.title,
    diarienummer: values.diarienummer,
    signedOn: values.signedOn,
    validFrom: values.validFrom,
    validTo: values.validTo,
    description: values.description,
    visibility: values.visibility,
    internalReason: values.internalReason,
    parties: [...new Set(values.parties)].sort(byNumber),
    focusAreas: [...new Set(values.focusAreas)].sort(byNumber),
    contacts: [...values.contacts]
      .map((contact) => ({ personId: contact.personId, organisationId: contact.organisationId }))
      .sort((a, b) => a.personId - b.personId),
  };
}

/** The values as the form's fields hold them, to open the form on a saved agreement. */
export function agreementFormValues(values: AgreementValues): Record<string, string> {
  const fields: Record<string, string> = {
    kind: values.kind,
    title: values.title,
    diarienummer: values.diarienummer ?? '',
    signedOn: values.signedOn ?? '',
    validFrom: values.validFrom ?? '',
    validTo: values.validTo ?? '',
    description: values.description,
    visibility: values.visibility,
    internalReason: values.internalReason ?? '',
  };
  values.parties.forEach((party, i) => {
    fields[partyField(i + 1)] = String(party);
  });
  for (const area of values.focusAreas) fields[focusAreaField(area)] = 'ja';
  values.contacts.forEach((contact, i) => {
    fields[contactPersonField(i + 1)] = String(contact.personId);
    fields[contactPartyField(i + 1)] = contact.organisationId === null ? '' : String(contact.organisationId);
  });
  return fields;
}

/** The order of the form's fields: for the error summary. */
export function agreementFieldOrder(focusAreaIds: number[]): string[] {
  return [
    'kind',
    'title',
    'diarienummer',
    'signedOn',
    'validFrom',
    'validTo',
    'parties',
    ...rows(MAX_PARTIES).map(partyField),
    ...focusAreaIds.map(focusAreaField),
    ...rows(MAX_CONTACTS).flatMap((row) => [contactPersonField(row), contactPartyField(row)]),
    'description',
    'visibility',
    'internalReason',
  ];
}

/** What a new agreement's form starts with. */
export const NEW_AGREEMENT_VALUES: Record<string, string> = { kind: 'collaboration', visibility: 'public' };
