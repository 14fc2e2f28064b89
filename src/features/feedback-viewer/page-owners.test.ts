import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../../seeds/apply-seed.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/database.ts';
import { SITE_ROLE_PAGES } from '../../web/components/register-links.tsx';
import { activities } from '../activities/activities.table.ts';
import { canSeeFeedbackFor, type Viewer } from '../auth/permissions.ts';
import { groups } from '../groups/groups.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { pageOwnerChain, visiblePagePaths } from './page-owners.ts';

let database: TestDatabase;
const idOf = new Map<string, number>();

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase(database.db, { demo: true });
  for (const row of await database.db.select().from(organisations)) idOf.set(row.slug, row.id);
});
afterAll(() => database.cleanup());

const ids = (...slugs: string[]) => slugs.map((slug) => idOf.get(slug)!);

describe('pageOwnerChain', () => {
  it('gives a university page its university', async () => {
    expect(await pageOwnerChain(database.db, '/larosaten/sodertorns-hogskola')).toEqual(
      ids('sodertorns-hogskola'),
    );
  });

  it('gives a unit page the unit and every organisation above it, nearest first', async () => {
    expect(await pageOwnerChain(database.db, '/organisationer/solbackens-forskola')).toEqual(
      ids('solbackens-forskola', 'barn-och-utbildningsforvaltningen', 'huddinge-kommun'),
    );
  });

  it("gives an activity all its organisations' chains", async () => {
    const chain = await pageOwnerChain(database.db, '/aktiviteter/vfu-lararstudenter-ht-2026');
    expect(new Set(chain)).toEqual(
      new Set(
        ids('ekdalsskolan', 'sodertorns-hogskola', 'barn-och-utbildningsforvaltningen', 'huddinge-kommun'),
      ),
    );
    expect(chain?.at(-1)).toBe(idOf.get('huddinge-kommun'));
  });

  it("gives a group page, under /grupper or its own address, the group's organisation", async () => {
    const foundation = ids('stiftelsen-flemingsberg-science');
    expect(await pageOwnerChain(database.db, '/grupper/flemingsberg-science-parter')).toEqual(foundation);
    expect(await pageOwnerChain(database.db, '/flemingsberg-science')).toEqual(foundation);
    expect(await pageOwnerChain(database.db, '/hogskoleradet')).toEqual(ids('huddinge-kommun'));
  });

  it.each([
    '/',
    '/avtal',
    '/avtal/ulf-avtal-sodertorns-hogskola',
    '/larosaten',
    '/mal',
    '/larosaten/okant-larosate',
    '/larosaten/barn-och-utbildningsforvaltningen',
    '/organisationer/sodertorns-hogskola',
    '/larosaten/sodertorns-hogskola/',
    '/larosaten/sodertorns-hogskola/mer',
    '/aktiviteter/finns-inte',
    '/grupper/finns-inte',
  ])('leaves %s to the coordinators (null)', async (path) => {
    expect(await pageOwnerChain(database.db, path)).toBeNull();
  });
});

describe('visiblePagePaths', () => {
  const editorOf = (organisationId: number): Viewer => ({
    personId: 1,
    name: 'Redaktör',
    email: null,
    language: 'sv',
    memberships: [{ organisationId, role: 'editor' }],
    groupIds: [],
  });

  async function visibleTo(organisationIds: number[]): Promise<Set<string>> {
    const result = await database.db.execute<{ path: string }>(
      sql`select path from (${visiblePagePaths(organisationIds)}) as visible(path)`,
    );
    return new Set(result.rows.map((row) => row.path));
  }

  it('agrees with pageOwnerChain + canSeeFeedbackFor for every editor and every page', async () => {
    const slugs = [...idOf.keys()];
    const activitySlugs = (await database.db.select({ slug: activities.slug }).from(activities)).map(
      (row) => row.slug,
    );
    const groupSlugs = (await database.db.select({ slug: groups.slug }).from(groups)).map((row) => row.slug);
    const paths = [
      ...slugs.flatMap((slug) => [`/larosaten/${slug}`, `/organisationer/${slug}`]),
      ...activitySlugs.map((slug) => `/aktiviteter/${slug}`),
      ...groupSlugs.map((slug) => `/grupper/${slug}`),
      ...Object.values(SITE_ROLE_PAGES),
      '/',
      '/avtal',
      '/larosaten/sodertorns-hogskola/',
    ];
    const chains = new Map(
      await Promise.all(paths.map(async (path) => [path, await pageOwnerChain(database.db, path)] as const)),
    );
    let seen = 0;
    for (const organisationId of idOf.values()) {
      const visible = await visibleTo([organisationId]);
      for (const path of paths) {
        const allowed = canSeeFeedbackFor(editorOf(organisationId), chains.get(path) ?? null);
        expect({ organisationId, path, visible: visible.has(path) }).toEqual({
          organisationId,
          path,
          visible: allowed,
        });
        if (allowed) seen += 1;
      }
    }
    // The comparison must have covered pages that are visible, not only ones that are not.
    expect(seen).toBeGreaterThan(50);
  });

  it("gives the municipality's editors their administrations' pages but never the coordinators' own pages", async () => {
    const visible = await visibleTo(ids('huddinge-kommun'));
    expect(visible.has('/organisationer/barn-och-utbildningsforvaltningen')).toBe(true);
    expect(visible.has('/organisationer/solbackens-forskola')).toBe(true);
    expect(visible.has('/hogskoleradet')).toBe(true);
    expect(visible.has('/larosaten/sodertorns-hogskola')).toBe(false);
    expect(visible.has('/avtal')).toBe(false);
  });

  it('shows nothing for no organisations', async () => {
    expect(await visibleTo([])).toEqual(new Set());
  });

  it('gives a deleted record no owner, and skips a deleted organisation in the tree but not what is above it', async () => {
    const deleted = {
      organisation: 'barn-och-utbildningsforvaltningen',
      activity: 'vfu-lararstudenter-ht-2026',
      group: 'flemingsberg-science-parter',
    };
    const setDeleted = (at: 'now()' | 'null') =>
      database.db.transaction(async (tx) => {
        const value = sql.raw(at);
        await tx.execute(
          sql`update organisations set deleted_at = ${value} where slug = ${deleted.organisation}`,
        );
        await tx.execute(sql`update activities set deleted_at = ${value} where slug = ${deleted.activity}`);
        await tx.execute(sql`update groups set deleted_at = ${value} where slug = ${deleted.group}`);
      });
    await setDeleted('now()');
    try {
      expect(await pageOwnerChain(database.db, `/organisationer/${deleted.organisation}`)).toBeNull();
      expect(await pageOwnerChain(database.db, `/aktiviteter/${deleted.activity}`)).toBeNull();
      expect(await pageOwnerChain(database.db, `/grupper/${deleted.group}`)).toBeNull();
      expect(await pageOwnerChain(database.db, '/flemingsberg-science')).toBeNull();
      expect(await pageOwnerChain(database.db, '/organisationer/solbackens-forskola')).toEqual(
        ids('solbackens-forskola', 'huddinge-kommun'),
      );
      // pageOwnerChain and visiblePagePaths still agree: an activity linked to the deleted organisation and
      // to others keeps the others' chains, and a unit under it still belongs to the municipality.
      const paths = [
        `/organisationer/${deleted.organisation}`,
        '/organisationer/solbackens-forskola',
        '/aktiviteter/ulf-lasundervisning-i-forskolan',
        `/aktiviteter/${deleted.activity}`,
        `/grupper/${deleted.group}`,
        '/flemingsberg-science',
      ];
      for (const organisationId of ids(
        deleted.organisation,
        'solbackens-forskola',
        'huddinge-kommun',
        'stiftelsen-flemingsberg-science',
        'ekdalsskolan',
      )) {
        const visible = await visibleTo([organisationId]);
        for (const path of paths) {
          const allowed = canSeeFeedbackFor(
            editorOf(organisationId),
            await pageOwnerChain(database.db, path),
          );
          expect({ organisationId, path, visible: visible.has(path) }).toEqual({
            organisationId,
            path,
            visible: allowed,
          });
        }
      }
      expect(await visibleTo(ids(deleted.organisation))).toEqual(new Set());
      const municipality = await visibleTo(ids('huddinge-kommun'));
      expect(municipality.has('/organisationer/solbackens-forskola')).toBe(true);
      expect(municipality.has(`/organisationer/${deleted.organisation}`)).toBe(false);
    } finally {
      await setDeleted('null');
    }
  });
});
