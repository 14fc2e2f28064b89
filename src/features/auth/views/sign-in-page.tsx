import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { useT } from '../../../web/i18n/context.ts';

export type SignInPageProps = {
  providers: { id: string; name: string }[];
  nextPath: string;
  email?: string;
  error?: string;
  notice?: string;
};

export function SignInPage({ providers, nextPath, email, error, notice }: SignInPageProps) {
  const t = useT();
  const next = new URLSearchParams({ nasta: nextPath });
  return (
    <>
      <h1>{t.auth.signInTitle}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {error ? (
        <ErrorSummary title={t.auth.errorSummary} errors={[{ field: 'epost', message: error }]} />
      ) : null}
      <p>{t.auth.signInIntro}</p>
      {providers.length > 0 ? (
        <section aria-labelledby="med-organisation">
          <h2 id="med-organisation">{t.auth.withProviderHeading}</h2>
          <ul class="provider-list">
            {providers.map((provider) => (
              <li>
                <a class="button-link" href={`/logga-in/oidc/${provider.id}?${next}`}>
                  {t.auth.withProvider(provider.name)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="med-lank">
        <h2 id="med-lank">{t.auth.withLinkHeading}</h2>
        <p>{t.auth.withLinkIntro}</p>
        <form method="post" action="/logga-in/lank" novalidate>
          <input type="hidden" name="nasta" value={nextPath} />
          <TextField
            id="epost"
            name="email"
            type="email"
            label={t.auth.emailLabel}
            hint={t.auth.emailHint}
            value={email ?? ''}
            error={error}
            autocomplete="email"
            maxlength={254}
          />
          <button type="submit">{t.auth.sendLink}</button>
        </form>
      </section>
    </>
  );
}
