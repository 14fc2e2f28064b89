import type { Child } from 'hono/jsx';
import { formatDate } from '../../../lib/dates.ts';
import { DemoLabel } from '../../../web/components/demo-label.tsx';
import { PageBody } from '../../../web/components/page-body.tsx';
import { OrganisationName } from '../../../web/components/register-links.tsx';
import { useT } from '../../../web/i18n/context.ts';
import type { findPublicBrief } from '../needs.queries.ts';
import { BriefStatus, isBriefOpen } from './brief-status.tsx';

export type PublicBrief = NonNullable<Awaited<ReturnType<typeof findPublicBrief>>>;

/**
 * A brief's public page: everything public about it (never the contact's e-mail), its status and the way
 * to answer; at the end, `outcomes` ("Det här blev": what accepted answers became).
 */
export function BriefPageView(props: {
  brief: PublicBrief;
  today: string;
  notice?: string | undefined;
  mayEdit: boolean;
  outcomes?: Child;
}) {
  const t = useT();
  const text = t.needs.page;
  const { brief } = props;
  const open = isBriefOpen(brief, props.today);
  const staff = brief.kind === 'staff_development';
  return (
    <>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <p>
        <a href="/behovsbanken">{text.backToList}</a>
      </p>
      <h1>
        {brief.title} <DemoLabel show={brief.isDemo} />
      </h1>
      {props.mayEdit ? (
        <ul class="plain edit-links">
          <li>
            <a href={`/behovsbanken/${brief.slug}/andra`}>{t.register.edit}</a>
          </li>
          <li>
            <a href={`/behovsbanken/${brief.slug}/historik`}>{t.register.history}</a>
          </li>
        </ul>
      ) : null}
      <dl class="facts">
        <dt>{text.kind}</dt>
        <dd>{t.needs.kinds[brief.kind]}</dd>
        <dt>{staff ? text.offeredBy : text.organisation}</dt>
        <dd>
          {brief.organisation ? <OrganisationName organisation={brief.organisation} /> : t.common.notGiven}
        </dd>
        <dt>{text.status}</dt>
        <dd>
          <BriefStatus brief={brief} today={props.today} />
        </dd>
        <dt>{text.deadline}</dt>
        <dd>
          {brief.deadline ? (
            <time datetime={brief.deadline}>{formatDate(brief.deadline)}</time>
          ) : (
            text.noDeadline
          )}
        </dd>
        {brief.publishedAt ? (
          <>
            <dt>{text.published}</dt>
            <dd>
              <time datetime={brief.publishedAt.toISOString()}>
                {formatDate(brief.publishedAt.toISOString().slice(0, 10))}
              </time>
            </dd>
          </>
        ) : null}
        <dt>{text.focusAreas}</dt>
        <dd>
          {brief.focusAreas.length > 0
            ? brief.focusAreas.map((area) => area.name).join(', ')
            : t.common.notGiven}
        </dd>
        <dt>{text.goals}</dt>
        <dd>
          {brief.goals.length > 0 ? (
            <ul class="plain">
              {brief.goals.map((goal) => (
                <li>
                  <a href={`/mal#mal-${goal.slug}`}>{goal.shortTitle}</a>
                </li>
              ))}
            </ul>
          ) : (
            t.common.notGiven
          )}
        </dd>
        {staff ? null : (
          <>
            <dt>{text.institutions}</dt>
            <dd>
              {brief.institutions.length > 0 ? (
                <ul class="plain">
                  {brief.institutions.map((institution) => (
                    <li>
                      <OrganisationName organisation={institution} />
                    </li>
                  ))}
                </ul>
              ) : (
                text.anyInstitution
              )}
            </dd>
          </>
        )}
        {brief.contactName ? (
          <>
            <dt>{text.contact}</dt>
            <dd>{brief.contactName}</dd>
          </>
        ) : null}
      </dl>
      <h2>{text.question}</h2>
      <PageBody body={brief.question} />
      <h2>{text.intendedUse}</h2>
      <PageBody body={brief.intendedUse} />
      {brief.background ? (
        <>
          <h2>{text.background}</h2>
          <PageBody body={brief.background} />
        </>
      ) : null}
      {brief.beneficiaries ? (
        <>
          <h2>{text.beneficiaries}</h2>
          <PageBody body={brief.beneficiaries} />
        </>
      ) : null}
      {brief.offering ? (
        <>
          <h2>{text.offering}</h2>
          <PageBody body={brief.offering} />
        </>
      ) : null}
      {open ? (
        <>
          <p>
            <a class="button-link" href={`/behovsbanken/${brief.slug}/svara`}>
              {staff ? text.signUp : text.respond}
            </a>
          </p>
          <p class="hint">{text.contactThroughSite}</p>
        </>
      ) : (
        <p>{text.closedNote}</p>
      )}
      {/*
        RESPONSES (issue 9, item 6): "Det här blev" — the activities that accepted answers became — is
        listed here, at the end of the page, by the responses feature through `outcomes`.
      */}
      {props.outcomes ?? null}
    </>
  );
}
