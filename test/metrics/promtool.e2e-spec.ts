import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { useTestApp } from '../support/fixtures.js';
import { scheduleWindow, turnOff, MINUTE } from '../support/maintenance.js';
import { METRICS_TOKEN } from '../support/metrics.js';
import { bearer } from '../support/sessions.js';
import { testDatabaseKind } from '../support/test-app.js';

const RULES = fileURLToPath(new URL('../../docs/prometheus/', import.meta.url));

/** Debian's `prometheus` package provides promtool; .ci/run installs it when missing. */
function promtool(args: string[], input?: string): { status: number | null; output: string } {
  const found = spawnSync('sh', ['-c', 'command -v promtool']).status === 0;
  if (!found) {
    throw new Error(
      'promtool is missing: install Debian\'s "prometheus" package (apt-get install prometheus); .ci/run does',
    );
  }
  const run = spawnSync('promtool', args, { input, cwd: RULES, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe(`promtool (${testDatabaseKind()})`, () => {
  const t = useTestApp({ env: { METRICS_TOKEN } });

  const checkScrape = async () => {
    const scraped = await request(t.url).get('/metrics').set(bearer(METRICS_TOKEN));
    expect(scraped.status).toBe(200);
    return { text: scraped.text, ...promtool(['check', 'metrics'], scraped.text) };
  };

  it('`promtool check metrics` finds nothing to report on a real scrape, with and without a window', async () => {
    const off = await checkScrape();
    expect(off.output).toBe('');
    expect(off.status).toBe(0);
    expect(off.text).not.toMatch(/^# TYPE \S+_total gauge$/m);

    const startsAt = new Date(Math.ceil((t.clock.now().getTime() + 60 * MINUTE) / 1000) * 1000);
    await scheduleWindow(t, startsAt, {
      expectedEndAt: new Date(startsAt.getTime() + 120 * MINUTE).toISOString(),
    });
    const open = await checkScrape();
    expect(open.output).toBe('');
    expect(open.status).toBe(0);
    expect(open.text).toContain(
      `maintenance_window_start_timestamp_seconds ${startsAt.getTime() / 1000}\n`,
    );
    expect(open.text).toContain(
      `maintenance_window_expected_end_timestamp_seconds ${startsAt.getTime() / 1000 + 7200}\n`,
    );
    await turnOff(t);
    const closed = await checkScrape();
    expect(closed.text).not.toMatch(/^maintenance_window_start_timestamp_seconds /m);
  });

  it("`promtool check rules` accepts the runbook's rules, and `promtool test rules` shows they fire", () => {
    const check = promtool(['check', 'rules', 'maintenance.rules.yml']);
    expect(check.output).toContain('SUCCESS: 5 rules found');
    expect(check.status).toBe(0);
    const test = promtool(['test', 'rules', 'maintenance.rules.test.yml']);
    expect(test.output).toContain('SUCCESS');
    expect(test.status).toBe(0);
  });
});
