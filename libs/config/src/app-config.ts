import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidateBy,
} from 'class-validator';
import { isIP } from 'node:net';

const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s]+$/;
const REDIS_URL = /^rediss?:\/\/[^\s]+$/;
const SMTP_URL = /^smtps?:\/\/[^\s]+$/;
/** `Name <address>` or an address alone. */
const MAIL_FROM = /^([^<>\r\n]* <[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;
const PUBLIC_URL = /^https?:\/\/[^\s/?#]+(\/[^\s?#]*[^\s?#/])?$/;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value === true;

/** The address ranges Express knows by name (proxy-addr): 127/8 and ::1, 169.254/16, 10/8 etc. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address, an address with a prefix length (`172.16.0.0/12`), or a range name. */
function isProxyEntry(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) {
    return true;
  }
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) {
    return false;
  }
  return (
    prefix === undefined ||
    (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128))
  );
}

/**
 * The proxies whose `X-Forwarded-For` the api believes, as Express's `trust proxy` takes them:
 * `false` for `none`, else the list of addresses, subnets and range names.
 */
export function trustedProxies(setting: string): false | string[] {
  return setting === 'none' ? false : setting.split(',').map((entry) => entry.trim());
}

/** The process environment the api and the worker need, validated once at start. */
export class AppConfig {
  /** Connection of the application role (not the tables' owner; row-level security applies). */
  @Matches(POSTGRES_URL, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  /** Connection of the owner role that runs migrations and seeds; optional for api and worker. */
  @IsOptional()
  @Matches(POSTGRES_URL, { message: 'DATABASE_OWNER_URL must be a postgres:// URL' })
  DATABASE_OWNER_URL?: string;

  @Matches(REDIS_URL, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL!: string;

  /** Prefix of every Redis key (queues, rate limits), so that installations can share a Redis. */
  @IsOptional()
  @Matches(/^[a-z0-9_-]{1,40}$/i, { message: 'REDIS_PREFIX must be 1-40 letters, digits, _ or -' })
  REDIS_PREFIX = 'cockpit';

  @Transform(toInt)
  @IsInt({ message: 'PORT must be an integer' })
  @Min(1, { message: 'PORT must be between 1 and 65535' })
  @Max(65535, { message: 'PORT must be between 1 and 65535' })
  PORT = 3000;

  /** Secret that signs access tokens; at least 32 characters. */
  @IsString({ message: 'JWT_SECRET is required' })
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET!: string;

  @Transform(toInt)
  @IsInt({ message: 'JWT_TTL_SECONDS must be an integer' })
  @Min(60, { message: 'JWT_TTL_SECONDS must be between 60 and 86400' })
  @Max(86400, { message: 'JWT_TTL_SECONDS must be between 60 and 86400' })
  JWT_TTL_SECONDS = 900;

  /** Login attempts allowed per minute for one e-mail address from one client address. */
  @Transform(toInt)
  @IsInt({ message: 'LOGIN_ATTEMPTS_PER_MINUTE must be an integer' })
  @Min(1, { message: 'LOGIN_ATTEMPTS_PER_MINUTE must be at least 1' })
  LOGIN_ATTEMPTS_PER_MINUTE = 5;

  /**
   * The reverse proxies in front of the api whose `X-Forwarded-For` names the client (the
   * login limit counts per client address). `none` believes no header: without a proxy, a
   * client could otherwise pick its own address with every attempt.
   */
  @ValidateBy({
    name: 'trustProxy',
    validator: {
      validate: (value: unknown) =>
        value === 'none' ||
        (typeof value === 'string' && value.split(',').every((e) => isProxyEntry(e.trim()))),
      defaultMessage: () =>
        'TRUST_PROXY must be none or a comma-separated list of addresses, subnets (10.0.0.0/8) and loopback, linklocal or uniquelocal',
    },
  })
  TRUST_PROXY = 'none';

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @IsIn(['development', 'production', 'test'], {
    message: 'NODE_ENV must be development, production or test',
  })
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** The system Chromium that the worker renders PDFs with. */
  @Matches(/^\/\S+$/, { message: 'CHROMIUM_PATH must be an absolute path to the Chromium binary' })
  CHROMIUM_PATH = '/usr/bin/chromium';

  /** PDF renders the worker runs at once, one Chromium page each; about one per core. */
  @Transform(toInt)
  @IsInt({ message: 'REPORT_CONCURRENCY must be an integer' })
  @Min(1, { message: 'REPORT_CONCURRENCY must be between 1 and 16' })
  @Max(16, { message: 'REPORT_CONCURRENCY must be between 1 and 16' })
  REPORT_CONCURRENCY = 2;

  /** Longest time one PDF render may take before it fails (and is retried). */
  @Transform(toInt)
  @IsInt({ message: 'REPORT_TIMEOUT_MS must be an integer' })
  @Min(1000, { message: 'REPORT_TIMEOUT_MS must be between 1000 and 600000' })
  @Max(600000, { message: 'REPORT_TIMEOUT_MS must be between 1000 and 600000' })
  REPORT_TIMEOUT_MS = 60000;

  /**
   * Renders one Chromium page serves before its incognito context is replaced; 1 gives every
   * render a fresh context at about three times the cost (see PdfRenderer).
   */
  @Transform(toInt)
  @IsInt({ message: 'REPORT_RENDERS_PER_CONTEXT must be an integer' })
  @Min(1, { message: 'REPORT_RENDERS_PER_CONTEXT must be between 1 and 1000' })
  @Max(1000, { message: 'REPORT_RENDERS_PER_CONTEXT must be between 1 and 1000' })
  REPORT_RENDERS_PER_CONTEXT = 50;

  /**
   * How long the job of a worker that died stays locked before another worker takes it over
   * (Bull's lock duration and stall check interval).
   */
  @Transform(toInt)
  @IsInt({ message: 'JOB_STALL_TIMEOUT_MS must be an integer' })
  @Min(1000, { message: 'JOB_STALL_TIMEOUT_MS must be between 1000 and 600000' })
  @Max(600000, { message: 'JOB_STALL_TIMEOUT_MS must be between 1000 and 600000' })
  JOB_STALL_TIMEOUT_MS = 30000;

  /**
   * How often a worker compares the unfinished snapshots and reports with the queues (and once
   * at its start); 0 turns that off, for workers beside others that do it.
   */
  @Transform(toInt)
  @IsInt({ message: 'JOB_RECONCILE_INTERVAL_MS must be an integer' })
  @Min(0, { message: 'JOB_RECONCILE_INTERVAL_MS must be 0 or between 1000 and 3600000' })
  @Max(3600000, { message: 'JOB_RECONCILE_INTERVAL_MS must be 0 or between 1000 and 3600000' })
  JOB_RECONCILE_INTERVAL_MS = 60000;

  /**
   * How often the worker looks for due deadline reminders and publisher digests (a repeatable
   * job of the maintenance queue, one pass at a time however many workers run); 0 turns the
   * schedule off (tests run the pass themselves, at a moment of their choosing).
   */
  @Transform(toInt)
  @IsInt({ message: 'NOTIFICATION_INTERVAL_MS must be an integer' })
  @Min(0, { message: 'NOTIFICATION_INTERVAL_MS must be 0 or between 1000 and 86400000' })
  @Max(86400000, { message: 'NOTIFICATION_INTERVAL_MS must be 0 or between 1000 and 86400000' })
  NOTIFICATION_INTERVAL_MS = 900000;

  /**
   * The SMTP server the worker sends mails through (`smtp://user:pass@host:587`, `smtps://` for
   * TLS from the start). The default is where Mailpit and MailDev listen; `npm start` without
   * it runs an SMTP catcher of its own and sets it.
   */
  @Matches(SMTP_URL, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  /** The sender of every mail: an address, or `Name <address>`. */
  @Matches(MAIL_FROM, {
    message: 'MAIL_FROM must be an e-mail address or "Name <address>"',
  })
  MAIL_FROM = 'Benchmark Cockpit <no-reply@localhost>';

  /**
   * Where people reach the web cockpit, for the links in mails (`https://cockpit.example.com`,
   * no trailing slash); `http://localhost:<PORT>` when unset.
   */
  @IsOptional()
  @Matches(PUBLIC_URL, {
    message: 'PUBLIC_URL must be an http:// or https:// URL without query and trailing slash',
  })
  PUBLIC_URL?: string;

  /** Seed the demo study with its demo logins. Never set in a real deployment. */
  @Transform(toBool)
  DEMO = false;
}

/** Where people reach the web cockpit: PUBLIC_URL, or the api on this machine. */
export function publicUrlOf(config: Pick<AppConfig, 'PUBLIC_URL' | 'PORT'>): string {
  return config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
}

/** Raised when the environment is wrong; the message names every offending variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the configuration from an environment. Unset variables take their
 * defaults; a missing required or malformed value throws a ConfigError naming it.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const config = plainToInstance(AppConfig, present, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.flatMap((e) =>
        Object.values(e.constraints ?? {}).map((message) =>
          message.startsWith(e.property) ? message : `${e.property}: ${message}`,
        ),
      ),
    );
  }
  return config;
}
