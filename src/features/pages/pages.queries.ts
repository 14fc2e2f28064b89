import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { shownColumns } from '../../db/columns.ts';
import { AppError } from '../../lib/errors.ts';
import { shownToEveryone } from '../register/visibility.ts';
import { pages } from './pages.table.ts';

/** A site page's text; a deleted page is not found, so its route answers 404. */
export async function getPageBySlug(db: Db, slug: string) {
  const [page] = await db
    .select(shownColumns(pages))
    .from(pages)
    .where(and(eq(pages.slug, slug), shownToEveryone(pages)));
  if (!page) throw new AppError('NOT_FOUND', `page ${slug}`);
  return page;
}

/**
 * Several pages in one query, by slug; every slug must exist and not be deleted (they are seeded from the
 * source page), or the page that needs them is a 404.
 */
export async function getPagesBySlugs<S extends string>(db: Db, slugs: readonly S[]) {
  const rows = await db
    .select(shownColumns(pages))
    .from(pages)
    .where(and(inArray(pages.slug, [...slugs]), shownToEveryone(pages)));
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  return Object.fromEntries(
    slugs.map((slug) => {
      const page = bySlug.get(slug);
      if (!page) throw new AppError('NOT_FOUND', `page ${slug}`);
      return [slug, page];
    }),
  ) as Record<S, (typeof rows)[number]>;
}

export type ShownPage = Awaited<ReturnType<typeof getPageBySlug>>;
