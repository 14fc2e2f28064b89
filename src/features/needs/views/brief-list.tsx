import { formatDate } from '../../../lib/dates.ts';
import { DemoLabel } from '../../../web/components/demo-label.tsx';
import { Pagination } from '../../../web/components/pagination.tsx';
import { useT } from '../../../web/i18n/context.ts';
import { kindSlugs } from '../needs.forms.ts';
import { type BriefKind, briefKinds } from '../needs.table.ts';
import { BriefStatus } from './brief-status.tsx';

export type ListedBrief = {
  slug: string;
  kind: BriefKind;
  title: string;
  question: string;
  deadline: string | null;
  publishedAt: Date | null;
  closedAt: Date | null;
  isDemo: boolean;
  organisation: string | null;
};

type Choice = { slug: string; name: string };

/** The chosen filters, by the values the address carries (slugs). */
export type ChosenFilters = {
  typ?: string | undefined;
  omrade?: string | undefined;
  mal?: string | undefined;
  larosate?: string | undefined;
};

/** The address of the list (or the feed) with these filters and page. */
export function listHref(base: string, filters: ChosenFilters, page = 1): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  if (page > 1) params.set('sida', String(page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/** /behovsbanken: the filters (a GET form), the briefs of this page, the ways to follow new ones. */
export function BriefListView(props: {
  briefs: ListedBrief[];
  total: number;
  page: number;
  pages: number;
  filters: ChosenFilters;
  choices: { focusAreas: Choice[]; goals: Choice[]; institutions: Choice[] };
  today: string;
  mayAdd: boolean;
}) {
  const t = useT();
  const text = t.needs.list;
  const filtered = Object.values(props.filters).some(Boolean);
  const select = (name: keyof ChosenFilters, label: string, options: Choice[]) => (
    <div class="field">
      <label for={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name}>
        <option value="">{text.all}</option>
        {options.map((option) => (
          <option value={option.slug} selected={props.filters[name] === option.slug}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <h1>{t.needs.title}</h1>
      <p>{t.needs.intro}</p>
      {props.mayAdd ? (
        <p>
          <a href="/behovsbanken/ny">{text.add}</a>
        </p>
      ) : null}
      <search aria-labelledby="behov-filter">
        <form method="get" action="/behovsbanken" class="filters">
          <h2 id="behov-filter">{text.filterHeading}</h2>
          {select(
            'typ',
            text.kind,
            briefKinds.map((kind) => ({ slug: kindSlugs[kind], name: t.needs.kindsPlural[kind] })),
          )}
          {select('omrade', text.focusArea, props.choices.focusAreas)}
          {select('mal', text.goal, props.choices.goals)}
          {select('larosate', text.institution, props.choices.institutions)}
          <div class="button-row">
            <button type="submit">{text.show}</button>
            {filtered ? <a href="/behovsbanken">{text.clear}</a> : null}
          </div>
        </form>
      </search>
      <p role="status">{text.count(props.total)}</p>
      {props.briefs.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <ul class="plain brief-list">
          {props.briefs.map((brief) => (
            <li>
              <h2>
                <a href={`/behovsbanken/${brief.slug}`}>{brief.title}</a> <DemoLabel show={brief.isDemo} />
              </h2>
              <p class="meta">
                {t.needs.kinds[brief.kind]}
                {brief.organisation ? ` · ${text.organisation} ${brief.organisation}` : ''}
                {' · '}
                <BriefStatus brief={brief} today={props.today} />
              </p>
              <p>{brief.question}</p>
              <p class="meta">
                {brief.publishedAt ? (
                  <>
                    {text.published}{' '}
                    <time datetime={brief.publishedAt.toISOString()}>
                      {formatDate(brief.publishedAt.toISOString().slice(0, 10))}
                    </time>
                  </>
                ) : null}
                {brief.deadline ? (
                  <>
                    {' · '}
                    {text.deadline} <time datetime={brief.deadline}>{formatDate(brief.deadline)}</time>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        label={text.pagination}
        page={props.page}
        pages={props.pages}
        href={(page) => listHref('/behovsbanken', props.filters, page)}
      />
      <section aria-labelledby="folj-behov">
        <h2 id="folj-behov">{text.follow}</h2>
        <ul>
          <li>
            <a href="/behovsbanken/bevaka">{text.alerts}</a>
          </li>
          <li>
            <a href="/behovsbanken/flode.atom" type="application/atom+xml">
              {text.feed}
            </a>
          </li>
          {props.filters.typ || props.filters.omrade ? (
            <li>
              <a
                href={listHref('/behovsbanken/flode.atom', {
                  typ: props.filters.typ,
                  omrade: props.filters.omrade,
                })}
                type="application/atom+xml"
              >
                {text.feedFiltered}
              </a>
            </li>
          ) : null}
        </ul>
      </section>
    </>
  );
}
