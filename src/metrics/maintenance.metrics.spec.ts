import { Registry } from 'prom-client';
import { MaintenanceRefusalCounter, type MaintenanceStateService } from '../maintenance/index.js';
import { MaintenanceMetrics } from './maintenance.metrics.js';

const NOW = new Date('2030-01-05T17:00:00Z');
const clock = { now: () => NOW };

function stateWith(
  confirmedAt: Date | null,
  window: { startsAt: Date; expectedEndAt: Date | null } | null = null,
): MaintenanceStateService {
  return {
    window: () => window,
    state: () => (window ? 'scheduled' : 'off'),
    confirmedAt: () => confirmedAt,
  } as unknown as MaintenanceStateService;
}

function metrics(refusals = new MaintenanceRefusalCounter(), confirmedAt: Date | null = null) {
  const registry = new Registry();
  new MaintenanceMetrics(registry, stateWith(confirmedAt), clock, refusals);
  return registry;
}

/** Written out here, so that a kind or surface the metric leaves out fails the test. */
const PRINCIPAL_KINDS = ['user', 'integration', 'anonymous'];
const SURFACES = ['api', 'page', 'login'];

describe('MaintenanceMetrics', () => {
  it('copies the refusal counts for every principal and surface, zeros included', async () => {
    const refusals = new MaintenanceRefusalCounter();
    for (let i = 0; i < 7; i++) refusals.record({ kind: 'anonymous' }, 'page', 'w1');
    refusals.record({ kind: 'integration', integrationKind: 'THIRD_PARTY' }, 'api', 'w1');
    const text = await metrics(refusals).metrics();
    expect(text).toContain('# TYPE maintenance_refusals_total counter');
    for (const principal of PRINCIPAL_KINDS) {
      for (const surface of SURFACES) {
        const expected =
          principal === 'anonymous' && surface === 'page'
            ? 7
            : principal === 'integration' && surface === 'api'
              ? 1
              : 0;
        expect(text).toContain(
          `maintenance_refusals_total{principal="${principal}",surface="${surface}"} ${expected}\n`,
        );
      }
    }
  });

  it('follows the refusal counts from one scrape to the next', async () => {
    const refusals = new MaintenanceRefusalCounter();
    const registry = metrics(refusals);
    const user = { kind: 'user', role: 'CLIENT', sessionId: 's', actor: 'a' } as const;
    refusals.record(user, 'api', 'w1');
    expect(await registry.metrics()).toContain(
      'maintenance_refusals_total{principal="user",surface="api"} 1\n',
    );
    for (let i = 0; i < 4; i++) refusals.record(user, 'api', 'w1');
    expect(await registry.metrics()).toContain(
      'maintenance_refusals_total{principal="user",surface="api"} 5\n',
    );
  });

  it('gives the seconds since the snapshot was last confirmed', async () => {
    const text = await metrics(undefined, new Date(NOW.getTime() - 4500)).metrics();
    expect(text).toContain('maintenance_snapshot_age_seconds 4.5\n');
  });

  it('leaves the snapshot age out before the first confirmation', async () => {
    const text = await metrics(undefined, null).metrics();
    expect(text).not.toMatch(/^maintenance_snapshot_age_seconds /m);
    expect(text).toContain('maintenance_state{state="off"} 1\n');
  });

  describe('the window as Unix timestamps, for rules with time()', () => {
    const text = (window: { startsAt: Date; expectedEndAt: Date | null } | null) => {
      const registry = new Registry();
      new MaintenanceMetrics(
        registry,
        stateWith(NOW, window),
        clock,
        new MaintenanceRefusalCounter(),
      );
      return registry.metrics();
    };

    it('gives the start and the expected end while a window is open', async () => {
      const scraped = await text({
        startsAt: new Date('2030-01-05T18:00:00Z'),
        expectedEndAt: new Date('2030-01-05T23:30:00.500Z'),
      });
      expect(scraped).toContain('maintenance_window_start_timestamp_seconds 1893866400\n');
      expect(scraped).toContain('maintenance_window_expected_end_timestamp_seconds 1893886200.5\n');
    });

    it('leaves the expected end out when there is none, and both out when no window is open', async () => {
      const open = await text({ startsAt: new Date('2030-01-05T18:00:00Z'), expectedEndAt: null });
      expect(open).toContain('maintenance_window_start_timestamp_seconds 1893866400\n');
      expect(open).not.toMatch(/^maintenance_window_expected_end_timestamp_seconds /m);
      const off = await text(null);
      expect(off).not.toMatch(/^maintenance_window_(start|expected_end)_timestamp_seconds /m);
      expect(off).toContain('# TYPE maintenance_window_start_timestamp_seconds gauge');
    });
  });
});
