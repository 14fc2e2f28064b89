import { createSign, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type AdapterFactory, type AdapterPayload, type KoaContextWithOIDC } from 'oidc-provider';

/**
 * A real OpenID Connect provider (panva's `oidc-provider`, the certified one) on 127.0.0.1 over http,
 * for signing in through it in tests: from `app.request()` with `signInAtProvider`, or in Chromium
 * through its login page.
 */

export type TestAccount = { sub: string; email: string; name: string };

export type IdTokenTamper = (claims: Record<string, unknown>) => Record<string, unknown>;

export type TestIdentityProvider = {
  /** e.g. http://127.0.0.1:40123, no trailing slash. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The entry for OIDC_PROVIDERS that points the app at this provider. */
  providerSetting: (id: string, name: string) => Record<string, string>;
  /** Starts answering; the app's callback URL must be known by now (it is the client's redirect_uri). */
  start: (options: { redirectUris: string[] }) => void;
  /**
   * Changes the next ID token the token endpoint hands out, signed again with the provider's own key:
   * a token the provider really issued, but with claims we must refuse (e.g. someone else's `aud`).
   */
  tamperNextIdToken: (change: IdTokenTamper, options?: { signer?: 'provider' | 'stranger' }) => void;
  stop: () => Promise<void>;
};

export type IdentityProviderOptions = {
  accounts: TestAccount[];
  clientId?: string;
  /**
   * true (the library's default, and the letter of the spec): e-mail and name come only from the
   * userinfo endpoint. false: they are in the ID token too, as Entra ID and most providers do.
   */
  conformIdTokenClaims?: boolean;
};

/** Listens at once (so the issuer URL is known for the app's settings); answers after `start`. */
export async function listenIdentityProvider(
  options: IdentityProviderOptions,
): Promise<TestIdentityProvider> {
  let handler: http.RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end('not started');
  };
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = options.clientId ?? 'samverkan';
  const clientSecret = randomBytes(24).toString('base64url');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  /** A key the provider never published: what a forger would have to sign with. */
  const { privateKey: strangerKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let pendingTamper: { change: IdTokenTamper; key: KeyObject } | undefined;

  return {
    issuer,
    clientId,
    clientSecret,
    providerSetting: (id, name) => ({ id, name, issuer, clientId, clientSecret }),
    start: ({ redirectUris }) => {
      const provider = createProvider(issuer, privateKey, {
        ...options,
        clientId,
        clientSecret,
        redirectUris,
      });
      provider.use(async (ctx, next) => {
        await next();
        const tamper = pendingTamper;
        if (ctx.path === '/token' && ctx.status === 200 && tamper) {
          pendingTamper = undefined;
          const body = ctx.body as { id_token?: string };
          if (body.id_token) body.id_token = resign(body.id_token, tamper.change, tamper.key);
        }
      });
      provider.use(interactions(provider, options.accounts));
      handler = provider.callback();
    },
    tamperNextIdToken: (change, { signer = 'provider' } = {}) => {
      pendingTamper = { change, key: signer === 'provider' ? privateKey : strangerKey };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function createProvider(
  issuer: string,
  privateKey: KeyObject,
  options: IdentityProviderOptions & { clientId: string; clientSecret: string; redirectUris: string[] },
): Provider {
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
  return new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    adapter: memoryAdapter(),
    // Set, not defaulted, so the library has nothing to warn about; a test is over long before these.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Grant: 600,
      Session: 600,
    },
    conformIdTokenClaims: options.conformIdTokenClaims ?? true,
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    findAccount: (_ctx, sub) => {
      const account = options.accounts.find((candidate) => candidate.sub === sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: account.email, email_verified: true, name: account.name }),
      };
    },
  });
}

/** The provider's state in memory, for one provider; our own, so the library does not warn about its. */
function memoryAdapter(): AdapterFactory {
  const store = new Map<string, AdapterPayload>();
  return (model) => {
    const key = (id: string) => `${model}:${id}`;
    const entries = () => [...store].filter(([stored]) => stored.startsWith(`${model}:`));
    return {
      upsert: async (id, payload) => {
        store.set(key(id), payload);
      },
      find: async (id) => store.get(key(id)),
      findByUid: async (uid) => entries().find(([, payload]) => payload.uid === uid)?.[1],
      findByUserCode: async (userCode) => entries().find(([, payload]) => payload.userCode === userCode)?.[1],
      consume: async (id) => {
        const payload = store.get(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => {
        store.delete(key(id));
      },
      revokeByGrantId: async (grantId) => {
        for (const [stored, payload] of entries()) if (payload.grantId === grantId) store.delete(stored);
      },
    };
  };
}

/**
 * Our own small login page instead of the library's development one: a user name (the account's `sub`)
 * and "Logga in", or "Avbryt", which sends the person back to the app with error=access_denied.
 * Signing in grants the requested scopes at once, so there is no separate consent step.
 */
function interactions(provider: Provider, accounts: TestAccount[]) {
  return async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
    if (!/^\/interaction\/[\w-]+$/.test(ctx.path)) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (ctx.method === 'GET') {
      ctx.type = 'html';
      ctx.body = loginPage(details.uid);
      return;
    }
    const form = new URLSearchParams(await readBody(ctx.req));
    let result: Parameters<Provider['interactionResult']>[2];
    if (form.has('avbryt')) {
      result = { error: 'access_denied', error_description: 'The person cancelled' };
    } else {
      const account = accounts.find((candidate) => candidate.sub === form.get('login'));
      if (!account) {
        ctx.status = 400;
        ctx.type = 'html';
        ctx.body = loginPage(details.uid, 'Okänt konto');
        return;
      }
      const grant = new provider.Grant({
        accountId: account.sub,
        clientId: String(details.params.client_id),
      });
      grant.addOIDCScope(String(details.params.scope));
      result = { login: { accountId: account.sub }, consent: { grantId: await grant.save() } };
    }
    const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, {
      mergeWithLastSubmission: false,
    });
    ctx.status = 303;
    ctx.redirect(returnTo);
  };
}

function loginPage(uid: string, error?: string): string {
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Testleverantören</title></head>
<body><main><h1>Logga in hos testleverantören</h1>
${error ? `<p role="alert">${error}</p>` : ''}
<form method="post" action="/interaction/${uid}">
<label for="login">Användarnamn</label> <input id="login" name="login" autocomplete="username">
<button type="submit">Logga in</button> <button type="submit" name="avbryt" value="1">Avbryt</button>
</form></main></body></html>`;
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function resign(jwt: string, change: IdTokenTamper, privateKey: KeyObject): string {
  const [header, payload] = jwt.split('.');
  if (!header || !payload) throw new Error('not a JWT');
  const claims = change(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  const signature = createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url');
  return `${body}.${signature}`;
}

/** The provider's cookies, as a browser would keep them between requests (by name; paths ignored). */
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', setting = ''] = attribute.split('=').map((part) => part.trim());
        if (key.toLowerCase() === 'max-age') return Number(setting) <= 0;
        if (key.toLowerCase() === 'expires') return new Date(setting).getTime() <= Date.now();
        return false;
      });
      if (expired || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get(name: string): string | undefined {
    return this.#cookies.get(name);
  }
}

/**
 * Signs in at the provider as a browser would, from the authorisation URL our app redirected to, and
 * returns where the provider sends the browser back (the app's callback with code and state).
 * `cancel` presses "Avbryt" instead.
 */
export async function signInAtProvider(
  idp: Pick<TestIdentityProvider, 'issuer'>,
  authorizationUrl: string,
  login: string,
  options: { cancel?: boolean; jar?: CookieJar } = {},
): Promise<string> {
  const jar = options.jar ?? new CookieJar();
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    if (!url.startsWith(`${idp.issuer}/`)) return url;
    const onLoginPage = /\/interaction\/[\w-]+$/.test(new URL(url).pathname);
    const response = await fetch(url, {
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(onLoginPage ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(onLoginPage
        ? { method: 'POST', body: new URLSearchParams(options.cancel ? { avbryt: '1' } : { login }) }
        : {}),
    });
    jar.store(response);
    const location = response.headers.get('location');
    if (!location)
      throw new Error(`the provider answered ${response.status} at ${url}: ${await response.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects at the provider');
}
