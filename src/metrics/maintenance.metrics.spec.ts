import { Registry } from 'prom-client';
import {
  MaintenanceMetrics,
  REFUSAL_PRINCIPALS,
  REFUSAL_SURFACES,
  type RefusalPrincipal,
  type RefusalSurface,
} from './maintenance.metrics.js';

const NOW = new Date('2030-01-05T17:00:00Z');
const clock = { now: () => NOW };
const noWindow = { window: () => null };

async function exposition(
  refusals?: (principal: RefusalPrincipal, surface: RefusalSurface) => number,
  confirmedAt?: Date | null,
): Promise<string> {
  const registry = new Registry();
  new MaintenanceMetrics(
    registry,
    noWindow,
    clock,
    refusals && { refusals },
    confirmedAt === undefined ? undefined : { confirmedAt: () => confirmedAt },
  );
  return registry.metrics();
}

describe('MaintenanceMetrics', () => {
  it('copies the refusal counts for every principal and surface, zeros included', async () => {
    const text = await exposition((principal, surface) =>
      principal === 'user' && surface === 'page' ? 7 : principal === 'anonymous' ? 2 : 0,
    );
    expect(text).toContain('# TYPE maintenance_refusals_total counter');
    for (const principal of REFUSAL_PRINCIPALS) {
      for (const surface of REFUSAL_SURFACES) {
        const expected =
          principal === 'user' && surface === 'page' ? 7 : principal === 'anonymous' ? 2 : 0;
        expect(text).toContain(
          `maintenance_refusals_total{principal="${principal}",surface="${surface}"} ${expected}\n`,
        );
      }
    }
  });

  it('follows the refusal counts from one scrape to the next', async () => {
    let count = 1;
    const registry = new Registry();
    new MaintenanceMetrics(registry, noWindow, clock, { refusals: () => count }, undefined);
    expect(await registry.metrics()).toContain(
      'maintenance_refusals_total{principal="user",surface="api"} 1\n',
    );
    count = 5;
    expect(await registry.metrics()).toContain(
      'maintenance_refusals_total{principal="user",surface="api"} 5\n',
    );
  });

  it('gives the seconds since the snapshot was last confirmed', async () => {
    const text = await exposition(undefined, new Date(NOW.getTime() - 4500));
    expect(text).toContain('maintenance_snapshot_age_seconds 4.5\n');
  });

  it('leaves the snapshot age out before the first confirmation', async () => {
    const text = await exposition(undefined, null);
    expect(text).not.toMatch(/^maintenance_snapshot_age_seconds /m);
  });

  it('exposes neither metric when its source is not bound', async () => {
    const text = await exposition();
    expect(text).not.toContain('maintenance_refusals_total');
    expect(text).not.toContain('maintenance_snapshot_age_seconds');
    expect(text).toContain('maintenance_state{state="off"} 1\n');
  });
});
