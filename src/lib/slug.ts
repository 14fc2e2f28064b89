/**
 * A record's address from its name: lower case, å/ä → a, ö → o (as the seeded addresses are written),
 * other letters without accents, anything else a hyphen. "Barn- och utbildningsförvaltningen" →
 * "barn-och-utbildningsforvaltningen". Never empty.
 */
export function slugFrom(name: string): string {
  const slug = name
    .toLocaleLowerCase('sv')
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'post';
}

/** The first of `slug`, `slug-2`, `slug-3`, … that `taken` does not hold. */
export function freeSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

/**
 * Inserts under the first free address from `base`. `insert` must do nothing on a taken address (ON
 * CONFLICT DO NOTHING) and return undefined: another save that took the address between the look and the
 * insert then moves this one to the next address, never a 500.
 */
export async function insertAtFreeSlug<Row>(
  base: string,
  taken: Set<string>,
  insert: (slug: string) => Promise<Row | undefined>,
): Promise<{ slug: string; row: Row }> {
  for (;;) {
    const slug = freeSlug(base, taken);
    const row = await insert(slug);
    if (row !== undefined) return { slug, row };
    taken.add(slug);
  }
}
