import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { shownColumns } from '../../db/columns.ts';
import { AppError } from '../../lib/errors.ts';
import { pages } from './pages.table.ts';

export async function getPageBySlug(db: Db, slug: string) {
  const [page] = await db.select(shownColumns(pages)).from(pages).where(eq(pages.slug, slug));
  if (!page) throw new AppError('NOT_FOUND', `page ${slug}`);
  return page;
}

/** Several pages in one query, by slug; every slug must exist (they are seeded from the source page). */
export async function getPagesBySlugs<S extends string>(db: Db, slugs: readonly S[]) {
  const rows = await db
    .select(shownColumns(pages))
    .from(pages)
    .where(inArray(pages.slug, [...slugs]));
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
