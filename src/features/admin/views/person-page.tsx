import { formatDateTime } from '../../../lib/dates.ts';
import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { SelectField } from '../../../web/components/field.tsx';
import {
  type OrganisationChoice,
  OrganisationOptions,
} from '../../../web/components/organisation-options.tsx';
import { OrganisationName } from '../../../web/components/register-links.tsx';
import { useT } from '../../../web/i18n/context.ts';
import type { Person } from '../../accounts/accounts.table.ts';
import { controlIds } from '../admin.forms.ts';
import type { findPersonDetails } from '../admin.queries.ts';
import { AdminNav } from './admin-nav.tsx';
import { AuditTable } from './audit-table.tsx';
import { RoleOptions } from './choices.tsx';

export type PersonPageProps = {
  person: Person;
  details: Awaited<ReturnType<typeof findPersonDetails>>;
  /** How each identity's issuer is named: "E-postlänk", a provider's name, or the issuer itself. */
  issuerName: (issuer: string) => string;
  organisations: OrganisationChoice[];
  groups: { id: number; name: string }[];
  isViewer: boolean;
  notice?: string | undefined;
  /** Messages by the id of the control they belong to. */
  errors?: Record<string, string>;
  /** What was chosen in the add forms, kept when they fail. */
  values?: { organisationId?: string; role?: string; groupId?: string };
};

export function PersonPage(props: PersonPageProps) {
  const t = useT();
  const text = t.admin.person;
  const { person, details, errors = {}, values = {} } = props;
  const base = `/admin/personer/${person.id}`;
  const name = person.name || person.email || t.admin.unnamed;
  return (
    <>
      <h1>{name}</h1>
      <AdminNav current={null} />
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <ErrorSummary
        title={t.admin.errorSummary}
        errors={Object.entries(errors).map(([field, message]) => ({ field, message }))}
      />
      <p>
        <a href="/admin">{text.backToList}</a>
      </p>

      <h2>{text.details}</h2>
      <dl class="facts">
        <dt>{text.name}</dt>
        <dd>{person.name || t.admin.unnamed}</dd>
        <dt>{text.email}</dt>
        <dd>{person.email ?? '–'}</dd>
        <dt>{text.language}</dt>
        <dd>{text.languages[person.language]}</dd>
        <dt>{text.status}</dt>
        <dd>{person.disabledAt ? text.disabledSince(formatDateTime(person.disabledAt)) : t.admin.active}</dd>
        <dt>{text.lastSignIn}</dt>
        <dd>{person.lastSignInAt ? formatDateTime(person.lastSignInAt) : t.admin.never}</dd>
        <dt>{text.created}</dt>
        <dd>{formatDateTime(person.createdAt)}</dd>
      </dl>

      <h2>{text.identities}</h2>
      {details.identities.length === 0 ? (
        <p>{text.noIdentities}</p>
      ) : (
        <section class="table-scroll" aria-labelledby="identities-caption" tabindex={0}>
          <table>
            <caption id="identities-caption">{text.identitiesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.issuer}</th>
                <th scope="col">{text.subject}</th>
                <th scope="col">{text.addedAt}</th>
              </tr>
            </thead>
            <tbody>
              {details.identities.map((identity) => (
                <tr>
                  <th scope="row">{props.issuerName(identity.issuer)}</th>
                  <td>{identity.subject}</td>
                  <td>{formatDateTime(identity.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <h2>{text.memberships}</h2>
      {details.memberships.length === 0 ? (
        <p>{text.noMemberships}</p>
      ) : (
        <section class="table-scroll" aria-labelledby="memberships-caption" tabindex={0}>
          <table>
            <caption id="memberships-caption">{text.membershipsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.organisation}</th>
                <th scope="col">{text.role}</th>
                <th scope="col">{text.remove}</th>
              </tr>
            </thead>
            <tbody>
              {details.memberships.map((membership) => {
                const id = controlIds.role(membership.organisationId);
                return (
                  <tr>
                    <th scope="row">
                      <OrganisationName organisation={membership.organisation} />
                    </th>
                    <td>
                      <form method="post" action={`${base}/medlemskap`} class="inline-form">
                        <input
                          type="hidden"
                          name="organisationId"
                          value={String(membership.organisationId)}
                        />
                        <SelectField
                          id={id}
                          name="role"
                          label={text.roleIn(membership.organisation.name)}
                          error={errors[id]}
                        >
                          <RoleOptions selected={membership.role} />
                        </SelectField>
                        <button type="submit">
                          {text.changeRole}
                          <span class="visually-hidden"> ({membership.organisation.name})</span>
                        </button>
                      </form>
                    </td>
                    <td>
                      <form method="post" action={`${base}/medlemskap/${membership.organisationId}/ta-bort`}>
                        <button type="submit" class="secondary">
                          {text.remove}
                          <span class="visually-hidden"> ({membership.organisation.name})</span>
                        </button>
                      </form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      <h3>{text.addMembership}</h3>
      <form method="post" action={`${base}/medlemskap`} novalidate>
        <p class="hint">{text.addMembershipHint}</p>
        <SelectField
          id={controlIds.newOrganisation}
          name="organisationId"
          label={text.organisation}
          error={errors[controlIds.newOrganisation]}
        >
          <option value="">{text.chooseOrganisation}</option>
          <OrganisationOptions organisations={props.organisations} selected={values.organisationId} />
        </SelectField>
        <SelectField id={controlIds.newRole} name="role" label={text.role} error={errors[controlIds.newRole]}>
          <RoleOptions selected={values.role ?? 'member'} />
        </SelectField>
        <button type="submit">{text.addMembershipButton}</button>
      </form>

      <h2>{text.groups}</h2>
      {details.groups.length === 0 ? (
        <p>{text.noGroups}</p>
      ) : (
        <div class="table-scroll table-stack">
          <table>
            <caption>{text.groupsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.group}</th>
                <th scope="col">{text.remove}</th>
              </tr>
            </thead>
            <tbody>
              {details.groups.map((group) => (
                <tr>
                  <th scope="row">{group.name}</th>
                  <td>
                    <form method="post" action={`${base}/grupper/${group.id}/ta-bort`}>
                      <button type="submit" class="secondary">
                        {text.remove}
                        <span class="visually-hidden"> ({group.name})</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{text.addGroup}</h3>
      <form method="post" action={`${base}/grupper`} novalidate>
        <SelectField
          id={controlIds.newGroup}
          name="groupId"
          label={text.group}
          error={errors[controlIds.newGroup]}
        >
          <option value="">{text.chooseGroup}</option>
          {props.groups.map((group) => (
            <option value={String(group.id)} selected={values.groupId === String(group.id)}>
              {group.name}
            </option>
          ))}
        </SelectField>
        <button type="submit">{text.addGroupButton}</button>
      </form>

      <h2>{text.account}</h2>
      <AccountForm
        base={base}
        disabled={person.disabledAt !== null}
        isViewer={props.isViewer}
        error={errors[controlIds.disable]}
      />

      <h2>{text.recentLog}</h2>
      <AuditTable entries={details.log} caption={text.recentLog} />
      <p>
        <a href={`/admin/logg?person=${person.id}`}>{text.fullLog}</a>
      </p>
    </>
  );
}

function AccountForm(props: {
  base: string;
  disabled: boolean;
  isViewer: boolean;
  error?: string | undefined;
}) {
  const t = useT();
  const text = t.admin.person;
  if (props.disabled)
    return (
      <form method="post" action={`${props.base}/aktivera`}>
        <p>{text.enableIntro}</p>
        <button type="submit">{text.enable}</button>
      </form>
    );
  // Nobody disables their own account (the server refuses it too): say so instead of offering a button.
  if (props.isViewer && !props.error) return <p>{t.admin.refused.selfDisable}</p>;
  return (
    <form method="post" action={`${props.base}/stang-av`}>
      <p id="stang-av-intro">{text.disableIntro}</p>
      {props.error ? (
        <p id="stang-av-error" class="error-message">
          {props.error}
        </p>
      ) : null}
      <button
        type="submit"
        id={controlIds.disable}
        aria-describedby={props.error ? 'stang-av-intro stang-av-error' : 'stang-av-intro'}
      >
        {text.disable}
      </button>
    </form>
  );
}
