import type { TestDatabase } from '../tests/database.ts';
import type { CrawlTarget } from './routes.ts';

type Person = { personId: number; cookie: string };

const COMPUTED = 'genomforda-praktikperioder';
const SURVEY = 'medarbetare-nojda-med-kompetensutveckling';

/**
 * The coordinator's indicator pages (src/features/goals/indicator-edits.*) in each of their states: the
 * target and value forms empty, after a save, with messages by the fields and after someone else saved;
 * the history with a change in it; a refusal. Every form state here is refused by the rules, so crawling
 * it changes nothing.
 */
export async function indicatorEditTargets(
  database: TestDatabase,
  people: { admin: Person; member: Person },
): Promise<CrawlTarget[]> {
  await recordTargetChange(database, people.admin.personId);
  const asAdmin = (target: Omit<CrawlTarget, 'cookie'>): CrawlTarget => ({
    ...target,
    cookie: people.admin.cookie,
  });
  const target = `/mal/indikatorer/${COMPUTED}/malvarde`;
  const value = `/mal/indikatorer/${SURVEY}/varde`;
  return [
    asAdmin({ name: 'indicator target', url: target, status: 200 }),
    asAdmin({ name: 'indicator target, saved', url: `${target}?ar=2027&sparat=1`, status: 200 }),
    asAdmin({
      name: 'indicator target with errors',
      url: target,
      status: 422,
      form: { action: target, fields: { year: '2027', target: '-tolv', version: '1' } },
    }),
    asAdmin({
      name: 'indicator target, saved by someone else meanwhile',
      url: target,
      status: 409,
      form: { action: target, fields: { year: '2027', target: '50', version: '999' } },
    }),
    asAdmin({ name: 'indicator value', url: value, status: 200 }),
    asAdmin({
      name: 'indicator value with errors',
      url: value,
      status: 422,
      form: {
        action: value,
        fields: { year: '2026', value: '101', source: '', measuredOn: '2099-01-01', version: '1' },
      },
    }),
    asAdmin({ name: 'indicator history', url: `/mal/indikatorer/${COMPUTED}/historik`, status: 200 }),
    { name: 'indicator target refused to a member', url: target, status: 403, cookie: people.member.cookie },
  ];
}

/** A target for 2027 set by the administrator, with its history, so the pages show a year set and a change. */
async function recordTargetChange(database: TestDatabase, personId: number): Promise<void> {
  const { pool } = database;
  const { rows } = await pool.query<{ id: number }>(
    `update indicators set version = version + 1 where slug = $1 returning id`,
    [COMPUTED],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(COMPUTED);
  await pool.query(
    `insert into indicator_values (indicator_id, year, target) values ($1, 2027, 40)
     on conflict (indicator_id, year) do update set target = excluded.target`,
    [id],
  );
  await pool.query(
    `insert into record_history (record_type, record_id, version, action, actor_person_id, changes, snapshot)
     select 'indicator', $1, version, 'changed', $2, $3::jsonb, '{}'::jsonb from indicators where id = $1`,
    [id, personId, JSON.stringify({ 'target:2027': ['', '40'] })],
  );
}
