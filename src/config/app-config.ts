import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MinLength,
  Max,
  Min,
  validateSync,
  type ValidationError,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  if (['true', '1', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['false', '0', 'no', 'off'].includes(value.toLowerCase())) return false;
  return value;
};
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A number variable that is not one says so (not "must not be greater than 65535"). */
const WHOLE_NUMBER = { message: 'is not a number (a whole number is expected)' };

/** Environment variables, validated at start-up (see README "Configuration"). */
export class AppConfig {
  @Transform(toInt)
  @IsInt(WHOLE_NUMBER)
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @Matches(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, {
    message: 'must be sqlite:<file> or a postgres:// URL',
  })
  DATABASE_URL = 'sqlite:data/app.sqlite';

  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsString()
  APP_TIMEZONE = 'Europe/Amsterdam';

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  DEMO_DATA?: boolean;

  @Transform(toBoolean)
  @IsBoolean()
  MIGRATIONS_RUN = true;

  @IsIn(['en', 'nl'])
  DEFAULT_LANGUAGE: 'en' | 'nl' = 'en';

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_URL = 'http://localhost:3000';

  /** Defaults to true when NODE_ENV=production (see loadAppConfig). */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  COOKIE_SECURE?: boolean;

  /**
   * Express "trust proxy": which proxies' X-Forwarded-For is believed (e.g. `loopback`, `1`,
   * `10.0.0.0/8`). Unset: none; the client address is the socket's.
   */
  @IsOptional()
  @IsString()
  @Matches(/^[\w.:/, -]{1,200}$/, {
    message: 'must be a hop count, an address, a subnet or loopback',
  })
  TRUST_PROXY?: string;

  /** Rate-limit counters go to Redis when set, else to the database. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['redis', 'rediss'] })
  REDIS_URL?: string;

  @IsString()
  @Matches(/^[\w:.-]{0,100}$/, { message: 'must be letters, digits, _ : . or -' })
  REDIS_KEY_PREFIX = 'staffing:';

  @Transform(toInt)
  @IsInt(WHOLE_NUMBER)
  @Min(1)
  SESSION_IDLE_MINUTES = 30;

  @Transform(toInt)
  @IsInt(WHOLE_NUMBER)
  @Min(1)
  SESSION_ABSOLUTE_HOURS = 12;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Failures for one account from one address (OWASP: elsewhere's failures never lock you out). */
  @Transform(toInt)
  @IsInt(WHOLE_NUMBER)
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS = 5;

  /** The ceiling for one account from all addresses together, against distributed guessing. */
  @Transform(toInt)
  @IsInt(WHOLE_NUMBER)
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 100;

  @Transform(toInt)
  @IsInt(WHOLE_NUMBER)
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ADDRESS = 20;

  @Transform(toInt)
  @IsInt(WHOLE_NUMBER)
  @Min(1)
  LOGIN_FAILURE_WINDOW_MINUTES = 15;

  @Transform(toInt)
  @IsInt(WHOLE_NUMBER)
  @Min(1)
  ACTIVATION_TOKEN_TTL_HOURS = 72;

  @Transform(toInt)
  @IsInt(WHOLE_NUMBER)
  @Min(1)
  MAINTENANCE_DEFAULT_RETRY_AFTER_SECONDS = 3600;

  @Transform(toInt)
  @IsInt(WHOLE_NUMBER)
  @Min(1)
  MAINTENANCE_ACTIVE_WARNING_HOURS = 8;

  @Transform(toInt)
  @IsInt(WHOLE_NUMBER)
  @Min(100)
  MAINTENANCE_REFRESH_INTERVAL_MS = 5000;

  @Transform(toInt)
  @IsInt(WHOLE_NUMBER)
  @Min(1)
  MAINTENANCE_IMPACT_ACTIVE_MINUTES = 15;

  @Transform(toInt)
  @IsInt(WHOLE_NUMBER)
  @Min(100)
  MAINTENANCE_REFUSAL_FLUSH_MS = 3000;

  @IsOptional()
  @IsString()
  SMTP_HOST?: string;

  @Transform(toInt)
  @IsInt(WHOLE_NUMBER)
  @Min(1)
  @Max(65535)
  SMTP_PORT = 25;

  @IsString()
  SMTP_FROM = 'Staffing platform <no-reply@localhost>';

  @IsString()
  ALERTS_CRON = '*/15 * * * *';

  @Transform(toInt)
  @IsInt(WHOLE_NUMBER)
  @Min(1)
  PUBLIC_SUBMISSIONS_PER_MINUTE = 10;

  @Transform(toBoolean)
  @IsBoolean()
  API_DOCS = true;

  @IsOptional()
  @IsString()
  @MinLength(16)
  METRICS_TOKEN?: string;

  /** Signs the device cookies of the login (at least 32 characters); required in production. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  DEVICE_COOKIE_SECRET?: string;

  /** Maintenance announcements: mails sent per minute by all instances together. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ANNOUNCEMENT_MAILS_PER_MINUTE = 300;

  /** How often each instance looks for window changes to announce and mails to send. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  ANNOUNCEMENT_INTERVAL_MS = 10000;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get cookieSecure(): boolean {
    return this.COOKIE_SECURE ?? this.isProduction;
  }

  get demoDataEnabled(): boolean {
    return this.DEMO_DATA ?? !this.isProduction;
  }
}

export class ConfigError extends Error {}

/** Variables whose value is, or may contain, a credential: an error never echoes it. */
const SECRET_VARIABLES = new Set([
  'METRICS_TOKEN',
  'DEVICE_COOKIE_SECRET',
  'DATABASE_URL',
  'REDIS_URL',
]);

/** The constraint a line reports first: the type (a number, a boolean) before any range. */
const FIRST_CONSTRAINTS = ['isInt', 'isBoolean'];

function firstProblem(errors: ValidationError[]): string {
  const error = errors[0];
  const constraints = error.constraints ?? {};
  const first = FIRST_CONSTRAINTS.find((name) => name in constraints);
  // class-validator's default messages start with the property name, which the line already names.
  const reason = (
    (first && constraints[first]) ??
    Object.values(constraints)[0] ??
    'is invalid'
  ).replace(`${error.property} `, '');
  const got = SECRET_VARIABLES.has(error.property)
    ? `a value of ${String(error.value).length} characters, not shown`
    : JSON.stringify(error.value);
  return `Invalid configuration: ${error.property}: ${reason} (got ${got})`;
}

/** Builds the validated configuration; throws a ConfigError whose message is one line naming the variable. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, string> = {};
  for (const key of [
    ...known,
    'DEMO_DATA',
    'SMTP_HOST',
    'COOKIE_SECURE',
    'TRUST_PROXY',
    'REDIS_URL',
    'METRICS_TOKEN',
    'DEVICE_COOKIE_SECRET',
  ]) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw);
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) throw new ConfigError(firstProblem(errors));
  if (!isTimeZone(config.APP_TIMEZONE)) {
    throw new ConfigError(
      `Invalid configuration: APP_TIMEZONE: must be an IANA time zone such as Europe/Amsterdam (got ${JSON.stringify(config.APP_TIMEZONE)})`,
    );
  }
  if (config.isProduction && config.DEMO_DATA === true) {
    throw new ConfigError(
      'Invalid configuration: DEMO_DATA: demo data (with its known passwords) is refused when NODE_ENV=production',
    );
  }
  return config;
}
