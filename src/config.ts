import path from 'node:path';
import { z } from 'zod';
import { translate } from './web/i18n/message-key.ts';
import { messagesFor } from './web/i18n/messages.ts';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], {
    error: 'ska vara true eller false',
  })
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

/** Host names that mean this machine (URL.hostname spells IPv6 in brackets). */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/** True for localhost, 127.0.0.1 and ::1 (bracketed or not, as URL and HOST spell it). */
export function isLoopbackHostname(hostname: string): boolean {
  const name = hostname.toLowerCase();
  return LOOPBACK_HOSTS.includes(name) || name === '::1';
}

/**
 * One OpenID Connect identity provider, e.g. the municipality's Entra ID tenant. We are a confidential
 * client: the secret authenticates the code exchange (client_secret_basic unless the provider wants _post).
 */
const oidcProviderSchema = z.strictObject(
  {
    id: z
      .string({ error: 'ska vara text' })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ska vara gemener, siffror och bindestreck, t.ex. huddinge')
      .max(40, 'ska vara högst 40 tecken'),
    name: z
      .string({ error: 'ska vara text, t.ex. Huddinge kommun' })
      .trim()
      .min(1, 'ska vara ett namn, t.ex. Huddinge kommun')
      .max(100, 'ska vara högst 100 tecken'),
    issuer: z.url({ error: 'ska vara en fullständig adress' }).refine(
      (value) => {
        const url = new URL(value);
        return (
          url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname))
        );
      },
      { error: 'ska börja med https:// (http:// bara på 127.0.0.1 eller localhost)' },
    ),
    clientId: z.string({ error: 'ska vara text' }).min(1, 'saknas'),
    clientSecret: z.string({ error: 'ska vara text' }).min(1, 'saknas'),
    tokenEndpointAuthMethod: z
      .enum(['client_secret_basic', 'client_secret_post'], {
        error: 'ska vara client_secret_basic eller client_secret_post',
      })
      .default('client_secret_basic'),
  },
  { error: 'ska bara ha fälten id, name, issuer, clientId, clientSecret och tokenEndpointAuthMethod' },
);

export type OidcProviderConfig = z.infer<typeof oidcProviderSchema>;

/** `OIDC_PROVIDERS`: a JSON array. Parse errors get our own message, since JSON.parse's quotes the input. */
const oidcProvidersFromEnv = z
  .string()
  .transform((raw, ctx) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'ska vara en JSON-lista, t.ex. [{"id": "huddinge", …}]' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(oidcProviderSchema, { error: 'ska vara en JSON-lista, t.ex. [{"id": "huddinge", …}]' })
      .refine((providers) => new Set(providers.map((provider) => provider.id)).size === providers.length, {
        error: 'varje id får bara förekomma en gång',
      }),
  );

const configSchema = z
  .object({
    // No default here: without NODE_ENV the mode follows BASE_URL (see `modeFor` and decision 009).
    NODE_ENV: z
      .enum(['development', 'production', 'test'], {
        error: 'ska vara development, production eller test',
      })
      .optional(),
    PORT: z.coerce
      .number({ error: 'ska vara ett heltal' })
      .int('ska vara ett heltal')
      .min(0, 'ska vara 0–65535')
      .max(65535, 'ska vara 0–65535')
      .default(3000),
    HOST: z.string().min(1, 'ska vara en adress, t.ex. 127.0.0.1 eller 0.0.0.0').default('127.0.0.1'),
    DATA_DIR: z.string().min(1, 'ska vara en katalog').default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'ska börja med postgres:// eller postgresql://')
      .optional(),
    BASE_URL: z
      .url({ error: 'ska vara en fullständig adress, t.ex. https://samverkan.huddinge.se' })
      .optional(),
    DEMO_DATA: booleanFromEnv.default(true),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'ska vara fatal, error, warn, info, debug, trace eller silent',
      })
      .default('info'),
    FEEDBACK_RATE_LIMIT: z.coerce
      .number({ error: 'ska vara ett heltal' })
      .int('ska vara ett heltal')
      .min(1, 'ska vara minst 1')
      .max(10_000, 'ska vara högst 10000')
      .default(10),
    SIGN_IN_RATE_LIMIT: z.coerce
      .number({ error: 'ska vara ett heltal' })
      .int('ska vara ett heltal')
      .min(1, 'ska vara minst 1')
      .max(10_000, 'ska vara högst 10000')
      .default(10),
    TRUST_PROXY: booleanFromEnv.default(false),
    PAGE_CACHE_SECONDS: z.coerce
      .number({ error: 'ska vara ett antal sekunder' })
      .int('ska vara ett heltal')
      .min(0, 'ska vara 0 eller mer')
      .max(3600, 'ska vara högst 3600')
      .default(10),
    SMTP_URL: z
      .string()
      .regex(
        /^smtps?:\/\/[^\s]+$/,
        'ska börja med smtp:// eller smtps://, t.ex. smtp://användare:lösenord@smtp.example:587',
      )
      .optional(),
    MAIL_FROM: z
      .string()
      .trim()
      .min(3, 'ska vara en avsändaradress')
      .default('Samverkan <noreply@localhost>'),
    OIDC_PROVIDERS: oidcProvidersFromEnv.optional(),
    OIDC_START_RATE_LIMIT: z.coerce
      .number({ error: 'ska vara ett heltal' })
      .int('ska vara ett heltal')
      .min(1, 'ska vara minst 1')
      .max(100_000, 'ska vara högst 100000')
      .default(120),
    API_RATE_LIMIT: z.coerce
      .number({ error: 'ska vara ett heltal' })
      .int('ska vara ett heltal')
      .min(1, 'ska vara minst 1')
      .max(1_000_000, 'ska vara högst 1000000')
      .default(600),
    OPEN_DATA_CONTACT_EMAIL: z
      .email({ error: 'ska vara en e-postadress, t.ex. huddinge@huddinge.se' })
      .default('huddinge@huddinge.se'),
    PUBLISHER_ORGANISATION_NUMBER: z
      .string()
      .regex(/^\d{6}-\d{4}$/, 'ska vara ett organisationsnummer, t.ex. 212000-0142')
      .default('212000-0142'),
  })
  .transform((env) => ({
    env: env.NODE_ENV ?? modeFor(env.BASE_URL),
    port: env.PORT,
    host: env.HOST,
    dataDir: path.resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    // Through URL, so that HTTPS://Samverkan.Huddinge.se reads as https://samverkan.huddinge.se everywhere.
    baseUrl: new URL(env.BASE_URL ?? `http://localhost:${env.PORT}`).href.replace(/\/$/, ''),
    demoData: env.DEMO_DATA,
    logLevel: env.LOG_LEVEL,
    feedbackRateLimitPerHour: env.FEEDBACK_RATE_LIMIT,
    /** Sign-in link requests per client address and hour. */
    signInRateLimitPerHour: env.SIGN_IN_RATE_LIMIT,
    trustProxy: env.TRUST_PROXY,
    pageCacheSeconds: env.PAGE_CACHE_SECONDS,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    /** Identity providers people sign in with, in the order the sign-in page lists them. */
    oidcProviders: env.OIDC_PROVIDERS ?? [],
    /** OIDC sign-ins a client address may start per hour. */
    oidcStartRateLimitPerHour: env.OIDC_START_RATE_LIMIT,
    /** Open API requests a client address may make per minute (per process; decision 017). */
    apiRateLimitPerMinute: env.API_RATE_LIMIT,
    /** Where questions about the open data go: the API's and the data catalogue's contact point. */
    openDataContactEmail: env.OPEN_DATA_CONTACT_EMAIL,
    /** The municipality's organisation number: the publisher's id in the data catalogue. */
    publisherOrganisationNumber: env.PUBLISHER_ORGANISATION_NUMBER,
  }));

export type Config = z.infer<typeof configSchema>;

/**
 * The mode when NODE_ENV is not set: production as soon as BASE_URL names a public address (an operator
 * on a server), development otherwise (a newcomer on a laptop, who needs the development mail page to
 * sign in without SMTP). Decision 009.
 */
function modeFor(baseUrl: string | undefined): 'development' | 'production' {
  if (baseUrl === undefined) return 'development';
  const url = new URL(baseUrl);
  return url.protocol === 'http:' && isLoopbackHostname(url.hostname) ? 'development' : 'production';
}

export class ConfigError extends Error {}

/** Reads settings from the environment; refuses bad values with one line per setting, in Swedish. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.in.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    // The operator reads these in Swedish, whatever a visitor's language.
    const sv = messagesFor('sv');
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.')}: ${translate(sv, issue.message)}`,
    );
    throw new ConfigError(`Felaktiga inställningar:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
