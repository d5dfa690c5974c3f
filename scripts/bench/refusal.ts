import { ROUTE } from './child.js';
import { Instance } from './instance.js';
import { pairedRatio, pairedRounds, run, type Subject } from './load.js';
import type { BenchSettings } from './settings.js';
import { median } from './stats.js';

export interface RefusalResult {
  refusedPerSecond: number;
  notFoundPerSecond: number;
  /** Median over the rounds of refused/s ÷ 404/s in the same round. */
  ratio: number;
}

/** A path no route answers: the same user's 404, through the same middleware and filter. */
const NOT_FOUND_PATH = '/api/auth/no-such-route';

/** During downtime, a regular user's refused requests against the same user's 404s, paired rounds. */
export async function measureRefusal(settings: BenchSettings): Promise<RefusalResult> {
  const instance = await Instance.start(
    'downtime',
    {
      variant: 'this-module',
      scenario: 'downtime',
      databaseUrl: null,
      redisUrl: settings.redisUrl,
    },
    false,
  );
  const subject = (label: string, path: string, status: number): Subject => ({
    label,
    load: (seconds) =>
      run(instance, {
        path,
        status,
        seconds,
        cookie: instance.served.cookie,
        connections: settings.connections,
      }),
  });
  const refused = subject('refused (503)', ROUTE, 503);
  const notFound = subject('not found (404)', NOT_FOUND_PATH, 404);
  const runs = await pairedRounds([refused, notFound], settings).finally(() => instance.stop());
  const refusedRuns = runs.get(refused)!;
  const notFoundRuns = runs.get(notFound)!;
  return {
    refusedPerSecond: median(refusedRuns.map((r) => r.rps)),
    notFoundPerSecond: median(notFoundRuns.map((r) => r.rps)),
    ratio: pairedRatio(refusedRuns, notFoundRuns, (r) => r.rps),
  };
}
