import type pg from 'pg';

/** What backup and restore need to know about one table in schema `public`. */
export type CatalogTable = {
  name: string;
  /** Columns that hold data, in table order; generated columns are left out (PostgreSQL computes them). */
  columns: string[];
  primaryKey: string[];
};

type Queryable = Pick<pg.PoolClient, 'query'>;

/**
 * Every ordinary table in schema `public`, by name. UNLOGGED tables (rate-limit counters) hold nothing
 * worth keeping past the hour, so they are no part of a backup.
 */
export async function readTables(client: Queryable): Promise<CatalogTable[]> {
  const result = await client.query<{ name: string; columns: string[]; primary_key: string[] }>(`
    select c.relname as name,
      array(
        select a.attname::text from pg_attribute a
        where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
        order by a.attnum
      ) as columns,
      array(
        select a.attname::text
        from pg_index i
        cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, n)
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = c.oid and i.indisprimary
        order by k.n
      ) as primary_key
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
      and c.relpersistence = 'p'
    order by c.relname`);
  return result.rows.map((row) => ({ name: row.name, columns: row.columns, primaryKey: row.primary_key }));
}

/** Foreign keys between tables in `public`, as child → parent (self-references left out). */
export async function readForeignKeys(client: Queryable): Promise<{ child: string; parent: string }[]> {
  const result = await client.query<{ child: string; parent: string }>(`
    select distinct child.relname as child, parent.relname as parent
    from pg_constraint k
    join pg_class child on child.oid = k.conrelid
    join pg_namespace child_ns on child_ns.oid = child.relnamespace
    join pg_class parent on parent.oid = k.confrelid
    join pg_namespace parent_ns on parent_ns.oid = parent.relnamespace
    where k.contype = 'f' and child_ns.nspname = 'public' and parent_ns.nspname = 'public'
      and child.oid <> parent.oid`);
  return result.rows;
}

/**
 * Tables in `public` with a foreign key to themselves (organisations.parent_id). Their rows cannot go in
 * batch by batch in a fixed order: a child may come before its parent, and rows may even refer to each
 * other in a circle. None of the keys is DEFERRABLE, so restore inserts such a table in one statement.
 */
export async function readSelfReferencingTables(client: Queryable): Promise<string[]> {
  const result = await client.query<{ name: string }>(`
    select distinct c.relname as name
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = 'public' and k.conrelid = k.confrelid
    order by c.relname`);
  return result.rows.map((row) => row.name);
}

/**
 * Orders tables so that every table comes after the tables it refers to (parents first), ties by name.
 * Returns undefined when the foreign keys form a cycle.
 */
export function sortParentsFirst(
  tables: string[],
  foreignKeys: { child: string; parent: string }[],
): string[] | undefined {
  const known = new Set(tables);
  const parentsOf = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const { child, parent } of foreignKeys) {
    if (known.has(child) && known.has(parent)) parentsOf.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables
      .filter((table) => !placed.has(table))
      .filter((table) => [...(parentsOf.get(table) ?? [])].every((parent) => placed.has(parent)))
      .sort();
    if (ready.length === 0) return undefined;
    for (const table of ready) {
      ordered.push(table);
      placed.add(table);
    }
  }
  return ordered;
}

/** The sequences behind identity and serial columns of a table. */
export async function readSequences(
  client: Queryable,
  table: string,
): Promise<{ column: string; sequence: string }[]> {
  const qualified = `public.${escapeIdentifier(table)}`;
  const result = await client.query<{ column: string; sequence: string | null }>(
    `select a.attname::text as column, pg_get_serial_sequence($1, a.attname) as sequence
     from pg_attribute a
     where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped
     order by a.attnum`,
    [qualified],
  );
  return result.rows.flatMap((row) => (row.sequence ? [{ column: row.column, sequence: row.sequence }] : []));
}

/** Quotes a name for SQL, as PostgreSQL's quote_ident does (names come from the catalog or a backup file). */
export function escapeIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
