import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], {
    error: 'ska vara true eller false',
  })
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce
      .number({ error: 'ska vara ett heltal' })
      .int('ska vara ett heltal')
      .min(0, 'ska vara 0–65535')
      .max(65535, 'ska vara 0–65535')
      .default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'ska börja med postgres:// eller postgresql://')
      .optional(),
    BASE_URL: z
      .url({ error: 'ska vara en fullständig adress, t.ex. https://samverkan.huddinge.se' })
      .optional(),
    DEMO_DATA: booleanFromEnv.default(true),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    FEEDBACK_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
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
  })
  .transform((env) => ({
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    dataDir: path.resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    baseUrl: (env.BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    demoData: env.DEMO_DATA,
    logLevel: env.LOG_LEVEL,
    feedbackRateLimitPerHour: env.FEEDBACK_RATE_LIMIT,
    trustProxy: env.TRUST_PROXY,
    pageCacheSeconds: env.PAGE_CACHE_SECONDS,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
  }));

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Reads settings from the environment; refuses bad values with one line per setting, in Swedish. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.in.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Felaktiga inställningar:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
