import { formatDateTime } from '../../../lib/dates.ts';
import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { useT } from '../../../web/i18n/context.ts';
import { MAX_NAME_LENGTH } from '../account.forms.ts';
import type { Account } from '../account.service.ts';

/** What the form shows: the saved details, or what was typed when it came back with errors. */
export type DetailsFormState = {
  values: { name: string; email: string; keywords: string; language: string };
  errors: Partial<Record<'name' | 'email' | 'keywords' | 'language', string>>;
};

/** The field each error links to from the summary. */
const fieldIds = { name: 'namn', email: 'epost', keywords: 'nyckelord', language: 'sprak-sv' } as const;

export function formStateFor(account: Account): DetailsFormState {
  const { person } = account;
  return {
    values: {
      name: person.name,
      email: person.email ?? '',
      keywords: person.keywords.join(', '),
      language: person.language,
    },
    errors: {},
  };
}

export function AccountPage({
  account,
  form,
  notice,
}: {
  account: Account;
  form: DetailsFormState;
  notice?: string | undefined;
}) {
  const t = useT();
  return (
    <>
      <h1>{t.account.title}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>{t.account.intro}</p>
      <Details account={account} />
      <Organisations account={account} />
      <section aria-labelledby="grupper">
        <h2 id="grupper">{t.account.groupsHeading}</h2>
        {account.groups.length === 0 ? (
          <p>{t.account.noGroups}</p>
        ) : (
          <ul>
            {account.groups.map((group) => (
              <li>{group.group}</li>
            ))}
          </ul>
        )}
        <p>
          <a href="/konto/kalender">{t.meetingPages.calendarLink}</a>
        </p>
      </section>
      <Identities account={account} />
      <DetailsForm form={form} />
      <section aria-labelledby="inloggningar">
        <h2 id="inloggningar">{t.account.sessionsHeading}</h2>
        <p>{t.account.activeSessions(account.activeSessions)}</p>
        <p>{t.account.signOutEverywhereIntro}</p>
        <form method="post" action="/mina-uppgifter/logga-ut-overallt">
          <button type="submit">{t.account.signOutEverywhere}</button>
        </form>
      </section>
      <section aria-labelledby="ladda-ner">
        <h2 id="ladda-ner">{t.account.exportHeading}</h2>
        <p>{t.account.exportIntro}</p>
        <p>
          <a href="/mina-uppgifter/export" download>
            {t.account.exportLink}
          </a>
        </p>
      </section>
      <section aria-labelledby="radera">
        <h2 id="radera">{t.account.erasureHeading}</h2>
        <p>{t.account.erasureLinkIntro}</p>
        <p>
          <a href="/mina-uppgifter/radera">{t.account.erasureLink}</a>
        </p>
      </section>
    </>
  );
}

function Details({ account }: { account: Account }) {
  const t = useT();
  const { person } = account;
  const language = person.language;
  return (
    <section aria-labelledby="uppgifter">
      <h2 id="uppgifter">{t.account.detailsHeading}</h2>
      <dl class="facts">
        <dt>{t.account.name}</dt>
        <dd>{person.name || t.account.notGiven}</dd>
        <dt>{t.account.email}</dt>
        <dd>{person.email ?? t.account.notGiven}</dd>
        <dt>{t.account.keywords}</dt>
        <dd>{person.keywords.length > 0 ? person.keywords.join(', ') : t.account.noKeywords}</dd>
        <dt>{t.account.language}</dt>
        <dd lang={language === 'en' ? 'en' : undefined}>{t.account.languages[language]}</dd>
        <dt>{t.account.lastSignIn}</dt>
        <dd>
          {person.lastSignInAt ? (
            <time datetime={person.lastSignInAt.toISOString()}>{formatDateTime(person.lastSignInAt)}</time>
          ) : (
            t.account.notGiven
          )}
        </dd>
      </dl>
    </section>
  );
}

function Organisations({ account }: { account: Account }) {
  const t = useT();
  return (
    <section aria-labelledby="organisationer">
      <h2 id="organisationer">{t.account.organisationsHeading}</h2>
      {account.memberships.length === 0 ? (
        <p>{t.account.noOrganisations}</p>
      ) : (
        <div class="table-scroll table-stack">
          <table>
            <caption>{t.account.organisationsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.account.organisation}</th>
                <th scope="col">{t.account.role}</th>
              </tr>
            </thead>
            <tbody>
              {account.memberships.map((membership) => (
                <tr>
                  <th scope="row">{membership.organisation}</th>
                  <td>{t.auth.roles[membership.role]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Identities({ account }: { account: Account }) {
  const t = useT();
  return (
    <section aria-labelledby="inloggningssatt">
      <h2 id="inloggningssatt">{t.account.identitiesHeading}</h2>
      {account.identities.length === 0 ? (
        <p>{t.account.noIdentities}</p>
      ) : (
        <section class="table-scroll" aria-labelledby="identities-caption" tabindex={0}>
          <table>
            <caption id="identities-caption">{t.account.identitiesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.account.method}</th>
                <th scope="col">{t.account.account}</th>
                <th scope="col">{t.account.added}</th>
              </tr>
            </thead>
            <tbody>
              {account.identities.map((identity) => (
                <tr>
                  <th scope="row">{identity.method}</th>
                  <td>{identity.account ?? t.account.providerAccount}</td>
                  <td>
                    <time datetime={identity.createdAt.toISOString()}>
                      {formatDateTime(identity.createdAt)}
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

function DetailsForm({ form }: { form: DetailsFormState }) {
  const t = useT();
  const { values, errors } = form;
  const summary = (Object.keys(fieldIds) as (keyof typeof fieldIds)[])
    .filter((field) => errors[field])
    .map((field) => ({ field: fieldIds[field], message: errors[field]! }));
  return (
    <section aria-labelledby="andra">
      <h2 id="andra">{t.account.editHeading}</h2>
      <ErrorSummary title={t.account.errorSummary} errors={summary} />
      <form method="post" action="/mina-uppgifter" novalidate>
        <TextField
          id="namn"
          name="name"
          label={t.account.name}
          hint={t.account.nameHint}
          value={values.name}
          error={errors.name}
          autocomplete="name"
          maxlength={MAX_NAME_LENGTH}
          required
        />
        <TextField
          id="epost"
          name="email"
          type="email"
          label={t.account.email}
          hint={t.account.emailHint}
          value={values.email}
          error={errors.email}
          autocomplete="email"
          maxlength={254}
        />
        <TextField
          id="nyckelord"
          name="keywords"
          label={t.account.keywords}
          hint={t.account.keywordsHint}
          value={values.keywords}
          error={errors.keywords}
        />
        <LanguageChoice value={values.language} error={errors.language} />
        <button type="submit">{t.account.save}</button>
      </form>
    </section>
  );
}

function LanguageChoice({ value, error }: { value: string; error?: string | undefined }) {
  const t = useT();
  return (
    <fieldset
      class={error ? 'field field-error choices' : 'field choices'}
      aria-describedby={error ? 'sprak-error' : undefined}
    >
      <legend>{t.account.language}</legend>
      {error ? (
        <p id="sprak-error" class="error-message">
          {error}
        </p>
      ) : null}
      {(['sv', 'en'] as const).map((language) => (
        <div class="choice">
          <input
            type="radio"
            id={`sprak-${language}`}
            name="language"
            value={language}
            checked={value === language}
          />
          <label for={`sprak-${language}`} lang={language === 'en' ? 'en' : undefined}>
            {t.account.languages[language]}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
