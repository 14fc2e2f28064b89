import { z } from 'zod';
import { messageKey } from '../../web/i18n/message-key.ts';
import {
  optionalId,
  optionalText,
  optionalUrl,
  requiredText,
  versionField,
} from '../register/register.forms.ts';
import { organisationKinds } from './organisations.table.ts';

/** The fields of an organisation as its form sends them (also what a history snapshot holds). */
const organisationFields = {
  name: requiredText(200),
  shortName: optionalText(40),
  kind: z.enum(organisationKinds, { error: messageKey('register.choiceMissing') }),
  parentId: optionalId(),
  website: optionalUrl(),
  description: optionalText(5000),
};

export const organisationForm = z.strictObject({ ...organisationFields, version: versionField });

export const newOrganisationForm = z.strictObject(organisationFields);

export type OrganisationInput = z.output<typeof newOrganisationForm>;

/** The order of the form's fields: for the error summary, and the history's order of changes. */
export const ORGANISATION_FIELDS = [
  'name',
  'shortName',
  'kind',
  'parentId',
  'website',
  'description',
] as const;
