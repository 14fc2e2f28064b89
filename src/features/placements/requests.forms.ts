import { z } from 'zod';
import { hasControlCharacter } from '../../lib/text.ts';
import { type MessageKey, messageKey } from '../../web/i18n/message-key.ts';
import {
  isIdText,
  optionalId,
  optionalText,
  requiredText,
  versionField,
} from '../register/register.forms.ts';
import { placementKinds, placementRequestStatuses } from './placements.table.ts';
import { requestMoves } from './request-status.ts';

/** "VT2027" or "HT2027" (placements.table.ts, TERM_PATTERN). */
export const TERM_RE = /^(VT|HT)[0-9]{4}$/;

/** A whole number from `min` to `max`, as typed. */
function wholeNumber(min: number, max: number, message: MessageKey) {
  return z
    .string()
    .trim()
    .refine(
      (value) => /^[0-9]{1,6}$/.test(value) && Number(value) >= min && Number(value) <= max,
      messageKey(message),
    )
    .transform(Number);
}

function requiredId(missing: MessageKey) {
  return z.string().refine(isIdText, messageKey(missing)).transform(Number);
}

/** 'YYYY-MM-DD', a real day, or nothing. */
function optionalDate() {
  return z
    .string()
    .trim()
    .refine((value) => value === '' || isIsoDate(value), messageKey('placementRequests.dateInvalid'))
    .transform((value) => (value === '' ? null : value));
}

export function isIsoDate(value: string): boolean {
  if (!/^(19|20|21)\d{2}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const MAX_STUDENTS = 50;

export type StudentLine = { firstName: string; programme: string };

/**
 * Students, one a line: "Förnamn, program" (first name and programme only: data minimisation). Empty
 * lines are skipped; undefined when a line is not like that.
 */
export function parseStudents(text: string): StudentLine[] | undefined {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length > MAX_STUDENTS) return undefined;
  const students: StudentLine[] = [];
  for (const line of lines) {
    if (hasControlCharacter(line)) return undefined;
    const comma = line.indexOf(',');
    const firstName = (comma === -1 ? line : line.slice(0, comma)).trim();
    const programme = comma === -1 ? '' : line.slice(comma + 1).trim();
    // A first name only: one or two words, no e-mail or personal number slipping in.
    if (
      firstName === '' ||
      firstName.length > 40 ||
      /[@0-9]/.test(firstName) ||
      firstName.split(' ').length > 2
    )
      return undefined;
    if (programme.length > 120) return undefined;
    students.push({ firstName, programme });
  }
  return students;
}

const studentsField = z
  .string()
  .max(8000, messageKey('placementRequests.studentsInvalid'))
  .refine((value) => parseStudents(value) !== undefined, messageKey('placementRequests.studentsInvalid'))
  .transform((value) => parseStudents(value) ?? []);

/** A request for places on one offer. */
export const requestForm = z.strictObject({
  universityId: requiredId('placementRequests.institutionMissing'),
  places: wholeNumber(1, 10000, 'placementRequests.placesInvalid'),
  preference: wholeNumber(1, 99, 'placementRequests.preferenceInvalid'),
  message: optionalText(2000),
  students: studentsField,
});

export type RequestInput = z.output<typeof requestForm>;
export const REQUEST_FIELDS = ['universityId', 'places', 'preference', 'message', 'students'] as const;

/** A status move; the version the page was opened on rides along (optimistic locking). */
export const moveForm = z.strictObject({
  move: z.enum(requestMoves),
  version: versionField,
  reason: optionalText(2000),
  proposedOfferId: optionalId(),
});

export type MoveInput = z.output<typeof moveForm>;

/** The request list's filters; a bad value is no filter. */
export const listQuery = z.object({
  termin: z.string().regex(TERM_RE).optional().catch(undefined),
  status: z.enum(placementRequestStatuses).optional().catch(undefined),
});

/** A list of needs: "12 sjuksköterskestudenter, termin 5, v. 36–43". */
export const needForm = z.strictObject({
  universityId: requiredId('placementRequests.institutionMissing'),
  term: z.string().trim().toUpperCase().regex(TERM_RE, messageKey('placementRequests.termInvalid')),
  kind: z.enum(placementKinds, { error: messageKey('placementRequests.kindMissing') }),
  programme: requiredText(200),
  studyLevel: optionalText(100),
  students: wholeNumber(1, 10000, 'placementRequests.studentsCountInvalid'),
  weeks: optionalText(100),
  startsOn: optionalDate(),
  endsOn: optionalDate(),
  area: optionalText(100),
  description: optionalText(2000),
});

export type NeedInput = z.output<typeof needForm>;
export const NEED_FIELDS = [
  'universityId',
  'term',
  'kind',
  'programme',
  'studyLevel',
  'students',
  'weeks',
  'startsOn',
  'endsOn',
  'area',
  'description',
] as const;

/** The end not before the start, on the values as typed. */
export function needCrossErrors(values: Partial<Record<string, string>>): Record<string, MessageKey> {
  const startsOn = values.startsOn?.trim() ?? '';
  const endsOn = values.endsOn?.trim() ?? '';
  return isIsoDate(startsOn) && isIsoDate(endsOn) && endsOn < startsOn
    ? { endsOn: messageKey('placementRequests.endBeforeStart') }
    : {};
}

/** A unit's answer to a list of needs: places on one of its offers. */
export const answerForm = z.strictObject({
  offerId: requiredId('placementRequests.offerMissing'),
  places: wholeNumber(1, 10000, 'placementRequests.placesInvalid'),
  message: optionalText(2000),
});

export type AnswerInput = z.output<typeof answerForm>;
export const ANSWER_FIELDS = ['offerId', 'places', 'message'] as const;

export const needsQuery = z.object({
  termin: z.string().regex(TERM_RE).optional().catch(undefined),
});

/** Confirming the term proposal: the term and the fingerprint of the proposal that was shown. */
export const allocationForm = z.strictObject({
  term: z.string().regex(TERM_RE),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
