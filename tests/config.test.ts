import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

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
});
