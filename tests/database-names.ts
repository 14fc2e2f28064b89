/** The migrated database every test database is cloned from. */
export const TEMPLATE_DATABASE = 'samverkan_template';

/** The same server and credentials, another database. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
