import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { AppConfig, loadAppConfig } from '../../src/config/app-config.js';

const read = (file: string): string =>
  readFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)), 'utf8');

interface ComposeService {
  environment?: Record<string, string | number | boolean>;
  ports?: string[];
  restart?: string;
}
interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
}

/**
 * The variables named in the first column of the configuration table (docs/configuration.md), and
 * of any table row in the README's "Configuration" section, so that a variable documented in either
 * place is checked.
 */
function documentedVariables(): string[] {
  const readme = read('README.md');
  const section = /^## Configuration\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
  const rows = `${read('docs/configuration.md')}\n${section}`
    .split('\n')
    .filter((line) => line.startsWith('| `'));
  return [
    ...new Set(
      rows.flatMap((row) => [...row.split('|')[1].matchAll(/`([^`]+)`/g)].map((match) => match[1])),
    ),
  ];
}

/** `${NAME:-default}` as Compose resolves it when NAME is unset. */
const withDefaults = (value: string): string =>
  value.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, (_match, fallback: string) => fallback);

describe('docker-compose.yml is production by default (issue 15)', () => {
  const compose = parse(read('docker-compose.yml')) as ComposeFile;
  const app = compose.services.app;
  const environment = app.environment ?? {};

  it('runs NODE_ENV=production without demo data', () => {
    expect(environment.NODE_ENV).toBe('production');
    expect(String(environment.DEMO_DATA ?? 'false')).toBe('false');
  });

  it('publishes on 127.0.0.1 unless told otherwise', () => {
    expect(app.ports?.length).toBeGreaterThan(0);
    for (const port of app.ports ?? [])
      expect(withDefaults(port)).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
    expect(compose.services.db.ports).toBeUndefined();
  });

  it('restarts both services unless stopped', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'db']);
    for (const service of Object.values(compose.services)) {
      expect(service.restart).toBe('unless-stopped');
    }
  });

  it('passes every documented variable through, empty meaning its default', () => {
    const documented = documentedVariables();
    expect(documented.length).toBeGreaterThan(30);
    for (const name of documented) expect([name, name in environment]).toEqual([name, true]);
    const fixed = ['DATABASE_URL', 'NODE_ENV', 'DEMO_DATA'];
    for (const name of documented.filter((name) => !fixed.includes(name))) {
      expect([name, environment[name]]).toEqual([name, `\${${name}:-}`]);
    }
  });

  it('with nothing set, the app starts on the defaults (an empty variable counts as unset)', () => {
    const resolved = Object.fromEntries(
      Object.entries(environment).map(([name, value]) => [name, withDefaults(String(value))]),
    );
    const config = loadAppConfig(resolved);
    const defaults = new AppConfig();
    expect(config.isProduction).toBe(true);
    expect(config.demoDataEnabled).toBe(false);
    expect(config.cookieSecure).toBe(true);
    expect(config.PORT).toBe(defaults.PORT);
    expect(config.LOG_LEVEL).toBe(defaults.LOG_LEVEL);
    expect(config.SMTP_FROM).toBe(defaults.SMTP_FROM);
    expect(config.MIGRATIONS_RUN).toBe(true);
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('the demo try-out is an explicit override with a project (and database) of its own', () => {
    const demo = parse(read('docker-compose.demo.yml')) as ComposeFile;
    expect(demo.name).toBeTruthy();
    expect(demo.services.app.environment).toEqual({ NODE_ENV: 'development', DEMO_DATA: 'true' });
  });
});
