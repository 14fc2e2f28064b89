import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

const HUDDINGE_IDP = {
  id: 'huddinge',
  name: 'Huddinge kommun',
  issuer: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
  clientId: 'samverkan',
  clientSecret: 'hemligt-klientlosenord',
};

describe('loadConfig', () => {
  it('gives development defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('./data'),
      databaseUrl: undefined,
      baseUrl: 'http://localhost:3000',
      demoData: true,
      logLevel: 'info',
      feedbackRateLimitPerHour: 10,
      trustProxy: false,
      smtpUrl: undefined,
      mailFrom: 'Samverkan <noreply@localhost>',
      signInRateLimitPerHour: 10,
      oidcStartRateLimitPerHour: 120,
      oidcProviders: [],
    });
  });

  it('reads every setting from the environment', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/samverkan',
      DATABASE_URL: 'postgres://app:secret@db.example:5432/samverkan',
      BASE_URL: 'https://samverkan.huddinge.se/',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      FEEDBACK_RATE_LIMIT: '25',
      TRUST_PROXY: 'yes',
      PAGE_CACHE_SECONDS: '30',
      SMTP_URL: 'smtp://mailer:secret@smtp.example:587',
      MAIL_FROM: 'Samverkan Huddinge <samverkan@huddinge.se>',
      SIGN_IN_RATE_LIMIT: '20',
      OIDC_START_RATE_LIMIT: '300',
      API_RATE_LIMIT: '1200',
      OIDC_PROVIDERS: JSON.stringify([HUDDINGE_IDP]),
    });
    expect(config).toEqual({
      env: 'production',
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/samverkan',
      databaseUrl: 'postgres://app:secret@db.example:5432/samverkan',
      baseUrl: 'https://samverkan.huddinge.se',
      demoData: false,
      logLevel: 'warn',
      feedbackRateLimitPerHour: 25,
      trustProxy: true,
      pageCacheSeconds: 30,
      smtpUrl: 'smtp://mailer:secret@smtp.example:587',
      mailFrom: 'Samverkan Huddinge <samverkan@huddinge.se>',
      signInRateLimitPerHour: 20,
      oidcStartRateLimitPerHour: 300,
      apiRateLimitPerMinute: 1200,
      openDataContactEmail: 'huddinge@huddinge.se',
      publisherOrganisationNumber: '212000-0142',
      oidcProviders: [{ ...HUDDINGE_IDP, tokenEndpointAuthMethod: 'client_secret_basic' }],
    });
  });

  it('treats an empty value as not set', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it.each([
    ['1', true],
    ['on', true],
    ['0', false],
    ['off', false],
    ['no', false],
  ])('reads DEMO_DATA=%s as %s', (value, expected) => {
    expect(loadConfig({ DEMO_DATA: value }).demoData).toBe(expected);
  });

  it.each([
    ['PORT', 'abc', 'PORT: ska vara ett heltal'],
    ['PORT', '70000', 'PORT: ska vara 0–65535'],
    ['PORT', '80.5', 'PORT: ska vara ett heltal'],
    ['DATABASE_URL', 'mysql://localhost/db', 'DATABASE_URL: ska börja med postgres://'],
    ['BASE_URL', 'inte en adress', 'BASE_URL: ska vara en fullständig adress'],
    ['DEMO_DATA', 'kanske', 'DEMO_DATA: ska vara true eller false'],
    ['SMTP_URL', 'smtp.example:587', 'SMTP_URL: ska börja med smtp:// eller smtps://'],
    ['FEEDBACK_RATE_LIMIT', '100000', 'FEEDBACK_RATE_LIMIT: ska vara högst 10000'],
    ['LOG_LEVEL', 'verbose', 'LOG_LEVEL: ska vara fatal, error, warn, info, debug, trace eller silent'],
    ['NODE_ENV', 'staging', 'NODE_ENV: ska vara development, production eller test'],
  ])('refuses %s=%s with a Swedish message', (key, value, message) => {
    expect(() => loadConfig({ [key]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [key]: value })).toThrow(message);
  });

  it('lists every bad setting at once, one line each', () => {
    try {
      loadConfig({ PORT: 'abc', DEMO_DATA: 'kanske' });
      expect.unreachable();
    } catch (error) {
      const lines = (error as ConfigError).message.split('\n');
      expect(lines[0]).toBe('Felaktiga inställningar:');
      expect(lines.slice(1)).toEqual([
        expect.stringContaining('PORT:'),
        expect.stringContaining('DEMO_DATA:'),
      ]);
    }
  });

  it('ignores environment variables it does not know', () => {
    expect(() => loadConfig({ PATH: '/usr/bin', SOMETHING_ELSE: 'x' })).not.toThrow();
  });

  describe('OIDC_PROVIDERS', () => {
    const refusal = (value: unknown) => {
      try {
        loadConfig({ OIDC_PROVIDERS: typeof value === 'string' ? value : JSON.stringify(value) });
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).message;
      }
      throw new Error('accepted');
    };

    it('reads a provider, with client_secret_post if asked, and http only on loopback', () => {
      const local = {
        ...HUDDINGE_IDP,
        issuer: 'http://127.0.0.1:4000',
        tokenEndpointAuthMethod: 'client_secret_post',
      };
      expect(loadConfig({ OIDC_PROVIDERS: JSON.stringify([local]) }).oidcProviders).toEqual([local]);
    });

    it.each([
      [
        'not JSON',
        '{"id": "huddinge", "clientSecret": "hemligt-klientlosenord"',
        'OIDC_PROVIDERS: ska vara en JSON-lista',
      ],
      ['an object, not a list', { ...HUDDINGE_IDP }, 'OIDC_PROVIDERS: ska vara en JSON-lista'],
      ['an id with capitals', [{ ...HUDDINGE_IDP, id: 'Huddinge' }], 'OIDC_PROVIDERS.0.id: ska vara gemener'],
      ['no name', [{ ...HUDDINGE_IDP, name: ' ' }], 'OIDC_PROVIDERS.0.name: ska vara ett namn'],
      [
        'an http issuer',
        [{ ...HUDDINGE_IDP, issuer: 'http://login.example' }],
        'OIDC_PROVIDERS.0.issuer: ska börja med https://',
      ],
      ['no client id', [{ ...HUDDINGE_IDP, clientId: '' }], 'OIDC_PROVIDERS.0.clientId: saknas'],
      [
        'a number as secret',
        [{ ...HUDDINGE_IDP, clientSecret: 123456 }],
        'OIDC_PROVIDERS.0.clientSecret: ska vara text',
      ],
      ['an unknown field', [{ ...HUDDINGE_IDP, scope: 'openid' }], 'OIDC_PROVIDERS.0: ska bara ha fälten'],
      [
        'the same id twice',
        [HUDDINGE_IDP, HUDDINGE_IDP],
        'OIDC_PROVIDERS: varje id får bara förekomma en gång',
      ],
    ])('refuses %s with a Swedish message', (_case, value, message) => {
      expect(refusal(value)).toContain(message);
    });

    it('never repeats the client secret in its message', () => {
      const values = [
        '{"id": "huddinge", "clientSecret": "hemligt-klientlosenord"',
        [{ ...HUDDINGE_IDP, id: 'Fel Id', issuer: 'ftp://x', unknown: 'hemligt-klientlosenord' }],
      ];
      for (const value of values) expect(refusal(value)).not.toContain('hemligt-klientlosenord');
    });
  });
});
