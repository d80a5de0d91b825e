// Configuration from environment variables, read once and validated at start-up.
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  SESSION_SECRET: z.string().min(32).optional(),
  IDLE_TIMEOUT_MINUTES: z.coerce.number().positive().default(30),
  IDLE_WARNING_MINUTES: z.coerce.number().positive().default(5),
  LOCKOUT_THRESHOLD: z.coerce.number().int().positive().default(5),
  LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  SECURE_COOKIES: z.enum(['true', 'false', 'auto']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  NODE_ENV: z.string().default('development'),
  TRUST_PROXY: z.string().default(''),
  SIGN_IN_LIMIT_PER_ADDRESS: z.coerce.number().int().positive().default(100),
  SIGN_IN_LIMIT_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  API_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(300),
  AUDIT_KEY: z.string().min(32, 'AUDIT_KEY must be at least 32 characters').optional(),
  AUDIT_KEY_FILE: z.string().optional(),
  AUDIT_PREVIOUS_KEYS: z.string().default(''),
  AUDIT_DIR: z.string().default('./audit'),
  AUDIT_CHECKPOINT_SECONDS: z.coerce.number().int().positive().default(60),
  DATABASE_OWNER_URL: z.string().optional(),
  UPLOAD_LIMIT_MB: z.coerce.number().positive().max(100).default(10),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string | undefined;
  idleTimeoutMs: number;
  idleWarningMs: number;
  lockoutThreshold: number;
  lockoutMs: number;
  secureCookies: boolean | 'auto';
  logLevel: string;
  seedDemo: boolean;
  production: boolean;
  /**
   * The proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, comma-separated), or
   * a number of hops; none by default, so a client cannot choose the address the audit log records.
   */
  trustProxy: string[] | number | false;
  /** Sign-in attempts allowed in 15 minutes from one address (a council office shares one) and for one account. */
  signInLimitPerAddress: number;
  signInLimitPerAccount: number;
  /** API requests allowed per minute for one token, and for one address without a valid token. */
  apiLimitPerMinute: number;
  /** The key the audit chain is made with (never stored in the database), or a file holding it. */
  auditKey: string | undefined;
  auditKeyFile: string | undefined;
  /** Keys used before the current one, to verify the events they made. */
  auditPreviousKeys: string[];
  /** Where signed checkpoints of the newest audit event are written, outside the database. */
  auditDir: string;
  auditCheckpointMs: number;
  /** PostgreSQL: the role that owns the schema and runs the migrations; the application connects with DATABASE_URL. */
  databaseOwnerUrl: string | undefined;
  /**
   * The largest document a person may upload to a child's record, in bytes (UPLOAD_LIMIT_MB, 10 MB
   * by default): a larger one is refused with GOV.UK's message, and no more of it is kept in memory.
   */
  uploadLimitBytes: number;
}

function parseTrustProxy(value: string): string[] | number | false {
  const trimmed = value.trim();
  if (!trimmed || trimmed === 'false') return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return trimmed
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.parse(env);
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    databaseUrl: parsed.DATABASE_URL || undefined,
    dataDir: parsed.DATA_DIR,
    sessionSecret: parsed.SESSION_SECRET,
    idleTimeoutMs: parsed.IDLE_TIMEOUT_MINUTES * 60_000,
    idleWarningMs: parsed.IDLE_WARNING_MINUTES * 60_000,
    lockoutThreshold: parsed.LOCKOUT_THRESHOLD,
    lockoutMs: parsed.LOCKOUT_MINUTES * 60_000,
    secureCookies: parsed.SECURE_COOKIES === 'auto' ? 'auto' : parsed.SECURE_COOKIES === 'true',
    logLevel: parsed.LOG_LEVEL,
    seedDemo: parsed.SEED_DEMO === 'true',
    production: parsed.NODE_ENV === 'production',
    trustProxy: parseTrustProxy(parsed.TRUST_PROXY),
    signInLimitPerAddress: parsed.SIGN_IN_LIMIT_PER_ADDRESS,
    signInLimitPerAccount: parsed.SIGN_IN_LIMIT_PER_ACCOUNT,
    apiLimitPerMinute: parsed.API_LIMIT_PER_MINUTE,
    auditKey: parsed.AUDIT_KEY,
    auditKeyFile: parsed.AUDIT_KEY_FILE,
    auditPreviousKeys: parsed.AUDIT_PREVIOUS_KEYS.split(',')
      .map((key) => key.trim())
      .filter(Boolean),
    auditDir: parsed.AUDIT_DIR,
    auditCheckpointMs: parsed.AUDIT_CHECKPOINT_SECONDS * 1000,
    databaseOwnerUrl: parsed.DATABASE_OWNER_URL || undefined,
    uploadLimitBytes: Math.round(parsed.UPLOAD_LIMIT_MB * 1024 * 1024),
  };
}
