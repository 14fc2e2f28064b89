import type { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import type { RecordType } from '../register/register.table.ts';

/**
 * One kind of public record in the open data (decision 017): its API endpoints (`/api/v1/<name>` and
 * `/api/v1/<name>/{id}`), its bulk downloads and its dataset in the DCAT-AP-SE catalogue are all made
 * from this one description, so they cannot disagree. A resource only describes: the generic code in
 * api-routes.ts does paging, links, caching and errors the same way for all of them.
 */
export type ApiResource<Item extends { id: string; updatedAt: string } = { id: string; updatedAt: string }> =
  {
    /** The path segment and the dataset's id: lower-case, plural, words joined by hyphens (RES.06). */
    name: string;
    /** The register record types it publishes: the completeness test fails for a public type in none. */
    recordTypes: readonly RecordType[];
    /** The item's name among the OpenAPI document's schemas, e.g. `Agreement`. */
    schemaName: string;
    /** Built per dictionary, so the OpenAPI document's words are the site's (nothing fixed at import). */
    schemas: (t: Messages) => {
      /** One item, every field described; what list and item endpoints return. */
      item: z.ZodType<Item>;
      /** The list's filters beyond `limit` and `page`: each optional, each a query parameter. */
      filters: Record<string, z.ZodType>;
      /** A complete example item, as the API returns it (DOK.19/20; a test checks it against `item`). */
      example: Item;
    };
    /**
     * One page of items, in a stable order, with the number of all that match; `limit: null` is every item
     * (the bulk downloads). Only records anyone may read: the same rules as the site's public pages.
     */
    list: (
      deps: AppDeps,
      query: { filters: Record<string, unknown>; limit: number | null; offset: number },
    ) => Promise<{ items: Item[]; total: number }>;
    /** One item by its public id, or undefined when there is none anyone may read. */
    get: (deps: AppDeps, id: string) => Promise<Item | undefined>;
    /** How a public id looks; anything else is a 404 without asking the database. Default: a slug. */
    idPattern?: RegExp;
    /** The dataset's words: title, description and keywords (DCAT-AP-SE), from the resource's strings. */
    texts: (t: Messages) => { title: string; description: string; keywords: string[] };
    /** The dataset's DCAT facts: EU data themes (e.g. EDUC, GOVE) and how often it changes. */
    dataset: { themes: readonly EuDataTheme[]; accrualPeriodicity: Frequency };
  };

/** The EU Publications Office's data themes a dataset may name (dcat:theme). */
export type EuDataTheme = 'EDUC' | 'GOVE' | 'SOCI' | 'TECH' | 'ECON' | 'REGI' | 'HEAL';

/** The EU Publications Office's frequencies used here (dct:accrualPeriodicity). */
export type Frequency = 'CONT' | 'IRREG' | 'ANNUAL' | 'WEEKLY' | 'MONTHLY';

/** A slug as the site's addresses have it. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A goal's page on the site (/mal/<slug>). */
export function goalUrl(site: string, slug: string): string {
  return `${site}/mal/${slug}`;
}

/** Focus areas have no page of their own: they are listed, each with this anchor, on /avtal. */
export function focusAreaUrl(site: string, slug: string): string {
  return `${site}/avtal#omrade-${slug}`;
}

/** A resource with its own item type, as the registry holds it (the generic code only needs id and time). */
export function registered<Item extends { id: string; updatedAt: string }>(
  resource: ApiResource<Item>,
): ApiResource {
  return resource as unknown as ApiResource;
}
