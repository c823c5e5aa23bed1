import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Configuration is parsed once, from the environment, with embedded defaults: a bare start runs
 * on the embedded PostgreSQL (PGlite) in ./data. Production values (DATABASE_URL, a secret) are
 * explicit. See docs/operator-guide.md for every variable.
 */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  KRUISPUNT_DATA_DIR: z.string().default('./data'),
  KRUISPUNT_PUBLIC_URL: z.string().url().optional(),
  KRUISPUNT_ADMIN_EMAIL: z.string().email().optional(),
  KRUISPUNT_ADMIN_PASSWORD: z.string().min(12).optional(),
  KRUISPUNT_SESSION_HOURS: z.coerce.number().positive().default(10),
  KRUISPUNT_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  KRUISPUNT_JOBS: z.enum(['on', 'off']).default('on'),
  KRUISPUNT_WEB_DIST: z.string().default('web/dist'),
  KRUISPUNT_PORTAL_DIST: z.string().default('portal/dist'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KRUISPUNT_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
});

export type AppConfig = {
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string };
  /** Behind a reverse proxy that sets X-Forwarded-For: only then is the client IP taken from it. */
  trustProxy: boolean;
  publicUrl: string;
  bootstrapAdmin: { email: string; password: string } | null;
  sessionTtlMs: number;
  cookieSecure: 'auto' | boolean;
  jobs: boolean;
  webDist: string;
  portalDist: string;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (Boolean(e.KRUISPUNT_ADMIN_EMAIL) !== Boolean(e.KRUISPUNT_ADMIN_PASSWORD)) {
    throw new ConfigError('Set both KRUISPUNT_ADMIN_EMAIL and KRUISPUNT_ADMIN_PASSWORD, or neither.');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: resolve(e.KRUISPUNT_DATA_DIR, 'pgdata') },
    trustProxy: e.KRUISPUNT_TRUST_PROXY === 'true',
    publicUrl: e.KRUISPUNT_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    bootstrapAdmin:
      e.KRUISPUNT_ADMIN_EMAIL && e.KRUISPUNT_ADMIN_PASSWORD
        ? { email: e.KRUISPUNT_ADMIN_EMAIL.toLowerCase(), password: e.KRUISPUNT_ADMIN_PASSWORD }
        : null,
    sessionTtlMs: e.KRUISPUNT_SESSION_HOURS * 3600_000,
    cookieSecure: e.KRUISPUNT_COOKIE_SECURE === 'auto' ? 'auto' : e.KRUISPUNT_COOKIE_SECURE === 'true',
    jobs: e.KRUISPUNT_JOBS === 'on',
    webDist: resolve(e.KRUISPUNT_WEB_DIST),
    portalDist: resolve(e.KRUISPUNT_PORTAL_DIST),
    logLevel: e.LOG_LEVEL,
  };
}
