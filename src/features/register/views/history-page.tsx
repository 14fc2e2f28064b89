import { formatDateTime } from '../../../lib/dates.ts';
import { useT } from '../../../web/i18n/context.ts';
import type { HistoryRow } from '../history.queries.ts';

/**
 * A record's history in plain Swedish: each change with when, who and the changed fields' old and new
 * values under the fields' own names. With `restorePath`, each earlier version has a button to bring it back.
 */
export function HistoryPage(props: {
  title: string;
  backHref: string;
  backText: string;
  entries: HistoryRow[];
  /** The fields' names, by field. */
  labels: Record<string, string>;
  /** Where a version's restore form posts to; absent for someone who may not restore. */
  restorePath?: ((version: number) => string) | undefined;
  /** False for a record no one can restore (a meeting, an indicator): the page then promises no restore. */
  restorable?: boolean;
}) {
  const t = useT();
  const text = t.register;
  const latest = props.entries[0]?.version;
  return (
    <>
      <h1>{props.title}</h1>
      <p>
        <a href={props.backHref}>{props.backText}</a>
      </p>
      <p>
        {text.historyIntro}
        {props.restorable === false ? '' : ` ${text.historyRestorable}`}
      </p>
      {props.entries.length === 0 ? (
        <p>{text.historyEmpty}</p>
      ) : (
        <ol class="history">
          {props.entries.map((entry) => (
            <li>
              <h2>
                {text.version} {entry.version}: {text.actions[entry.action]}
              </h2>
              <p class="meta">
                <time datetime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time>
                {' · '}
                {entry.actor ? entry.actor.name || entry.actor.email || text.system : text.system}
                {entry.note ? ` · ${entry.note}` : ''}
              </p>
              <Changes changes={entry.changes} labels={props.labels} />
              {props.restorePath && entry.version !== latest && entry.action !== 'deleted' ? (
                <form method="post" action={props.restorePath(entry.version)}>
                  <button type="submit" class="secondary">
                    {text.restore}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function Changes({
  changes,
  labels,
}: {
  changes: Record<string, [unknown, unknown]>;
  labels: Record<string, string>;
}) {
  const t = useT();
  const fields = Object.keys(changes);
  if (fields.length === 0) return null;
  const shown = (value: unknown) =>
    value === '' || value === null || value === undefined ? t.register.noValue : String(value);
  return (
    <dl class="changes">
      {fields.map((field) => {
        const [before, after] = changes[field] ?? ['', ''];
        return (
          <>
            <dt>{labels[field] ?? field}</dt>
            <dd>
              <del>{shown(before)}</del> → <ins>{shown(after)}</ins>
            </dd>
          </>
        );
      })}
    </dl>
  );
}
