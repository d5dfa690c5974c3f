import { Registry } from 'prom-client';
import { MaintenanceRefusalCounter, type MaintenanceStateService } from '../maintenance/index.js';
import { MaintenanceMetrics } from './maintenance.metrics.js';

const NOW = new Date('2030-01-05T17:00:00Z');
const clock = { now: () => NOW };

function stateWith(confirmedAt: Date | null): MaintenanceStateService {
  return {
    window: () => null,
    state: () => 'off',
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
});
