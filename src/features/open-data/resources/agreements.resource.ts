import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../../app-deps.ts';
import { stockholmDate } from '../../../lib/dates.ts';
import { organisationPath } from '../../../web/components/register-links.tsx';
import type { Messages } from '../../../web/i18n/messages.ts';
import {
  type AgreementStatus,
  agreementStatus,
  agreementStatuses,
} from '../../agreements/agreement-status.ts';
import { type AgreementKind, agreementKinds } from '../../agreements/agreements.table.ts';
import { documentPath } from '../../documents/document-path.ts';
import { documentKinds } from '../../documents/documents.table.ts';
import { organisationKinds } from '../../organisations/organisations.table.ts';
import { groupRows, pageWithTotal } from '../api-paging.ts';
import { type ApiResource, focusAreaUrl } from '../api-resource.ts';
import {
  dateField,
  nullableReference,
  parseUpdatedSince,
  presentTimestamp,
  recordFields,
  referenceSchema,
  slugParameter,
  updatedSinceParameter,
  urlField,
} from '../api-schemas.ts';
import {
  countAgreementRows,
  findAgreementContacts,
  findAgreementDocuments,
  findAgreementFocusAreas,
  findAgreementParties,
  findAgreementRows,
} from './agreements.queries.ts';

function agreementSchemas(t: Messages) {
  const words = t.apiRegister.agreements.fields;
  const party = referenceSchema(t)
    .extend({ kind: z.enum(organisationKinds).openapi({ description: words.partyKind }) })
    .openapi('OrganisationReference');
  const item = z
    .object({
      ...recordFields(t),
      title: z.string().openapi({ description: words.title }),
      kind: z.enum(agreementKinds).openapi({ description: words.kind }),
      status: z.enum(agreementStatuses).openapi({ description: words.status }),
      diarienummer: z.string().nullable().openapi({ description: words.diarienummer }),
      signedOn: dateField(words.signedOn).nullable(),
      validFrom: dateField(words.validFrom).nullable(),
      validTo: dateField(words.validTo).nullable(),
      description: z.string().openapi({ description: words.description }),
      parties: z.array(party).openapi({ description: words.parties }),
      focusAreas: z.array(referenceSchema(t)).openapi({ description: words.focusAreas }),
      contacts: z
        .array(
          z.object({
            name: z.string().openapi({ description: words.contactName }),
            organisation: nullableReference(t, words.contactParty),
          }),
        )
        .openapi({ description: words.contacts }),
      documents: z
        .array(
          z.object({
            title: z.string().openapi({ description: words.documentTitle }),
            kind: z.enum(documentKinds).openapi({ description: words.documentKind }),
            url: urlField(words.documentUrl),
            byteSize: z.number().int().min(0).openapi({ description: words.documentSize }),
          }),
        )
        .openapi({ description: words.documents }),
    })
    .openapi('Agreement', { description: t.apiRegister.agreements.description });
  return { item, words };
}

export type ApiAgreement = z.infer<ReturnType<typeof agreementSchemas>['item']>;

export const agreementsResource: ApiResource<ApiAgreement> = {
  name: 'agreements',
  recordTypes: ['agreement', 'document'],
  schemaName: 'Agreement',
  schemas(t) {
    const { item, words } = agreementSchemas(t);
    return {
      item,
      filters: {
        kind: z
          .enum(agreementKinds)
          .optional()
          .openapi({ param: { name: 'kind', in: 'query' }, description: words.kindFilter }),
        status: z
          .enum(agreementStatuses)
          .optional()
          .openapi({
            param: { name: 'status', in: 'query' },
            description: words.statusFilter,
            example: 'active',
          }),
        organisation: slugParameter(words.organisationFilter, 'organisation'),
        focusArea: slugParameter(words.focusAreaFilter, 'focusArea'),
        updatedSince: updatedSinceParameter(t),
      },
      example: {
        id: 'samverkansavtal-sodertorns-hogskola',
        url: 'https://samverkan.huddinge.se/avtal/samverkansavtal-sodertorns-hogskola',
        updatedAt: '2026-03-05T09:30:00Z',
        isExampleData: false,
        title: 'Samverkansavtal med Södertörns högskola',
        kind: 'collaboration',
        status: 'active',
        diarienummer: 'KS-2023/1234',
        signedOn: '2023-05-10',
        validFrom: '2023-06-01',
        validTo: null,
        description: 'Avtal om samverkan inom utbildning, forskning och kompetensutveckling.',
        parties: [
          {
            id: 'huddinge-kommun',
            name: 'Huddinge kommun',
            url: 'https://samverkan.huddinge.se/organisationer/huddinge-kommun',
            kind: 'municipality',
          },
          {
            id: 'sodertorns-hogskola',
            name: 'Södertörns högskola',
            url: 'https://samverkan.huddinge.se/larosaten/sodertorns-hogskola',
            kind: 'university',
          },
        ],
        focusAreas: [
          {
            id: 'kompetensforsorjning',
            name: 'Kompetensförsörjning',
            url: 'https://samverkan.huddinge.se/avtal#omrade-kompetensforsorjning',
          },
        ],
        contacts: [],
        documents: [
          {
            title: 'Samverkansavtal, undertecknat',
            kind: 'agreement',
            url: 'https://samverkan.huddinge.se/dokument/12/samverkansavtal-sh.pdf',
            byteSize: 184320,
          },
        ],
      },
    };
  },
  list: (deps, query) => listAgreements(deps, query.filters, query.limit, query.offset),
  async get(deps, id) {
    const found = await listAgreements(deps, { id }, 1, 0);
    return found.items[0];
  },
  texts: (t) => t.apiRegister.agreements.dataset,
  dataset: { themes: ['EDUC', 'GOVE'], accrualPeriodicity: 'IRREG' },
};

async function listAgreements(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config'>,
  filters: Record<string, unknown>,
  limit: number | null,
  offset: number,
): Promise<{ items: ApiAgreement[]; total: number }> {
  const today = stockholmDate(deps.clock.now());
  const filter = {
    today,
    kind: filters.kind as AgreementKind | undefined,
    status: filters.status as AgreementStatus | undefined,
    organisation: filters.organisation as string | undefined,
    focusArea: filters.focusArea as string | undefined,
    updatedSince:
      typeof filters.updatedSince === 'string' ? parseUpdatedSince(filters.updatedSince) : undefined,
    slug: filters.id as string | undefined,
  };
  const { rows, total } = await pageWithTotal(
    await findAgreementRows(deps.db, filter, limit, offset),
    offset,
    () => countAgreementRows(deps.db, filter),
  );
  const ids = rows.map((row) => row.id);
  const [parties, areas, contacts, files] = await Promise.all([
    findAgreementParties(deps.db, ids),
    findAgreementFocusAreas(deps.db, ids),
    findAgreementContacts(deps.db, ids),
    findAgreementDocuments(deps.db, ids),
  ]);
  const filesOf = groupRows(files, (row) => row.agreementId);
  const partiesOf = groupRows(parties, (row) => row.agreementId);
  const areasOf = groupRows(areas, (row) => row.agreementId);
  const contactsOf = groupRows(contacts, (row) => row.agreementId);
  const site = deps.config.baseUrl;
  const items = rows.map((row) => ({
    id: row.slug,
    url: `${site}/avtal/${row.slug}`,
    updatedAt: presentTimestamp(row.updatedAt),
    isExampleData: row.isDemo,
    title: row.title,
    kind: row.kind,
    status: agreementStatus(row, today),
    diarienummer: row.diarienummer,
    signedOn: row.signedOn,
    validFrom: row.validFrom,
    validTo: row.validTo,
    description: row.description,
    parties: (partiesOf.get(row.id) ?? []).map((party) => ({
      id: party.slug,
      name: party.name,
      url: `${site}${organisationPath(party)}`,
      kind: party.kind,
    })),
    focusAreas: (areasOf.get(row.id) ?? []).map((area) => ({
      id: area.slug,
      name: area.name,
      url: focusAreaUrl(site, area.slug),
    })),
    contacts: (contactsOf.get(row.id) ?? []).map((contact) => ({
      name: contact.name,
      organisation:
        contact.organisationSlug && contact.organisationName && contact.organisationKind
          ? {
              id: contact.organisationSlug,
              name: contact.organisationName,
              url: `${site}${organisationPath({ slug: contact.organisationSlug, kind: contact.organisationKind })}`,
            }
          : null,
    })),
    documents: (filesOf.get(row.id) ?? []).map((file) => ({
      title: file.title,
      kind: file.kind,
      url: `${site}${documentPath(file)}`,
      byteSize: file.byteSize,
    })),
  }));
  return { items, total };
}
