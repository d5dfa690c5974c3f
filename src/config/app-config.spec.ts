import { ConfigError, loadAppConfig } from './app-config.js';

describe('loadAppConfig', () => {
  it('has working defaults for a first run', () => {
    const config = loadAppConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'sqlite:data/app.sqlite',
      NODE_ENV: 'development',
      APP_TIMEZONE: 'Europe/Amsterdam',
      MIGRATIONS_RUN: true,
      API_DOCS: true,
    });
    expect(config.demoDataEnabled).toBe(true);
    expect(config.METRICS_TOKEN).toBeUndefined();
  });

  it('turns demo data off by default in production and honours an explicit DEMO_DATA=false', () => {
    expect(loadAppConfig({ NODE_ENV: 'production' }).demoDataEnabled).toBe(false);
    expect(loadAppConfig({ DEMO_DATA: 'false' }).demoDataEnabled).toBe(false);
  });

  it('marks cookies Secure by default in production only, and honours an explicit COOKIE_SECURE', () => {
    expect(loadAppConfig({ NODE_ENV: 'production' }).cookieSecure).toBe(true);
    expect(loadAppConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false' }).cookieSecure).toBe(
      false,
    );
    expect(loadAppConfig({}).cookieSecure).toBe(false);
    expect(loadAppConfig({ COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
  });

  it('takes TRUST_PROXY and REDIS_URL only when they are well-formed', () => {
    expect(loadAppConfig({}).TRUST_PROXY).toBeUndefined();
    expect(loadAppConfig({ TRUST_PROXY: 'loopback' }).TRUST_PROXY).toBe('loopback');
    expect(() => loadAppConfig({ TRUST_PROXY: 'x\ny' })).toThrow(
      /^Invalid configuration: TRUST_PROXY: /,
    );
    expect(loadAppConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).REDIS_URL).toBe(
      'redis://127.0.0.1:6379',
    );
    expect(() => loadAppConfig({ REDIS_URL: 'http://x' })).toThrow(
      /^Invalid configuration: REDIS_URL: /,
    );
  });

  it('parses numbers and booleans', () => {
    const config = loadAppConfig({
      PORT: '8080',
      COOKIE_SECURE: 'true',
      DATABASE_URL: 'postgres://u@h:5432/db',
    });
    expect(config.PORT).toBe(8080);
    expect(config.COOKIE_SECURE).toBe(true);
  });

  it('turns the API docs off and takes a metrics token', () => {
    const config = loadAppConfig({ API_DOCS: 'false', METRICS_TOKEN: 'a-long-enough-secret' });
    expect(config.API_DOCS).toBe(false);
    expect(config.METRICS_TOKEN).toBe('a-long-enough-secret');
  });

  it.each([
    [{ PORT: '-1' }, /^Invalid configuration: PORT: /],
    [{ PORT: '3.5' }, /^Invalid configuration: PORT: /],
    [
      { DATABASE_URL: 'data.db' },
      /^Invalid configuration: DATABASE_URL: must be sqlite:<file> or a postgres/,
    ],
    [
      { APP_TIMEZONE: 'Europe/Atlantis' },
      /^Invalid configuration: APP_TIMEZONE: must be an IANA time zone/,
    ],
    [{ NODE_ENV: 'production', DEMO_DATA: 'yes' }, /^Invalid configuration: DEMO_DATA: .*refused/],
    [{ DEMO_DATA: 'maybe' }, /^Invalid configuration: DEMO_DATA: /],
    [{ MIGRATIONS_RUN: 'perhaps' }, /^Invalid configuration: MIGRATIONS_RUN: /],
    [{ PUBLIC_URL: 'not a url' }, /^Invalid configuration: PUBLIC_URL: /],
    [{ API_DOCS: 'sometimes' }, /^Invalid configuration: API_DOCS: /],
    [{ METRICS_TOKEN: 'short' }, /^Invalid configuration: METRICS_TOKEN: /],
  ])('refuses %o with one line naming the variable', (env, message) => {
    expect(() => loadAppConfig(env)).toThrow(ConfigError);
    expect(() => loadAppConfig(env)).toThrow(message);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '99999x'],
    ['SMTP_PORT', 'twenty-five'],
    ['SESSION_IDLE_MINUTES', ''.padEnd(3, 'x')],
  ])('%s=%s says "not a number", not a range', (name, value) => {
    expect(() => loadAppConfig({ [name]: value })).toThrow(
      `Invalid configuration: ${name}: is not a number (a whole number is expected) (got "${value}")`,
    );
  });

  it.each([
    ['METRICS_TOKEN', 'short-secret'],
    ['DATABASE_URL', 'mysql://admin:hunter2-secret@db/x'],
    ['REDIS_URL', 'http://:hunter2-secret@cache'],
  ])('a bad %s never echoes its value (it may be a credential)', (name, value) => {
    let message = '';
    try {
      loadAppConfig({ [name]: value });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      new RegExp(
        `^Invalid configuration: ${name}: .+ \\(got a value of ${value.length} characters, not shown\\)$`,
      ),
    );
    expect(message).not.toContain('secret');
  });
});
