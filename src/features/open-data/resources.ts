import { type ApiResource, registered } from './api-resource.ts';
import { agreementsResource } from './resources/agreements.resource.ts';

/**
 * Every kind of public record in the open data, in the order the API document and the data catalogue list
 * them. A public record type that is in none of these fails tests/open-data-completeness.test.ts.
 */
export const API_RESOURCES: readonly ApiResource[] = [registered(agreementsResource)];
