import { describe, expect, it } from 'vitest';
import { API_RESOURCES } from '../src/features/open-data/resources.ts';
import { type RecordType, recordTypes } from '../src/features/register/register.table.ts';

/**
 * Issue 12: every kind of register record that anyone may read has an endpoint in the open API (and so a
 * download and a dataset in the catalogue). A new record type fails here until it is published or its
 * line below says why it is not — as the crawl does for pages.
 */
const NOT_PUBLISHED: Partial<Record<RecordType, string>> = {
  page: 'the site’s own text pages (e.g. the accessibility statement): web pages, not register data',
  placement_offer:
    'single offers are shown only to signed-in staff (/praktik/platser, canSeePlacementCapacity); the public gets their sums as placement-capacities',
  placement_request:
    'requests are seen only by the two parties and coordinators (/praktik/forfragningar, canSeePlacementRequest); counted in placement-capacities',
  placement_need:
    'needs lists are for signed-in placement staff only (/praktik/behov, canListPlacementRequests)',
  brief_response:
    'answers are personal data shown only to the responder, the brief’s owner and coordinators; the public brief page shows only the public activities accepted answers became (the briefs’ outcomes)',
};

describe('the open data', () => {
  it('publishes every public kind of record, or says why not', () => {
    const published = new Set(API_RESOURCES.flatMap((resource) => resource.recordTypes));
    const missing = recordTypes.filter((type) => !published.has(type) && !(type in NOT_PUBLISHED));
    expect(missing).toEqual([]);
  });

  it('gives no reason for a kind it does publish, nor for one that is gone', () => {
    const published = new Set(API_RESOURCES.flatMap((resource) => resource.recordTypes));
    for (const type of Object.keys(NOT_PUBLISHED)) {
      expect(published.has(type as RecordType), type).toBe(false);
      expect(recordTypes as readonly string[], type).toContain(type);
    }
  });

  it('has each resource once, named as DIGG’s profile asks (lower-case plural, hyphens)', () => {
    const names = API_RESOURCES.map((resource) => resource.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+(?:-[a-z]+)*s$/);
  });
});
