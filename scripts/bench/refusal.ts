import { ROUTE } from './child.js';
import { Instance } from './instance.js';
import { formatRun, run, type Load, type Run } from './load.js';
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
  const common = { cookie: instance.served.cookie, connections: settings.connections };
  const refused = { ...common, label: 'refused (503)', path: ROUTE, status: 503 };
  const notFound = { ...common, label: 'not found (404)', path: NOT_FOUND_PATH, status: 404 };
  const runs = new Map<typeof refused, Run[]>([
    [refused, []],
    [notFound, []],
  ]);
  const load = (kind: typeof refused, seconds: number): Promise<Run> =>
    run(instance, { ...kind, seconds } satisfies Load);
  try {
    for (const kind of [refused, notFound]) await load(kind, Math.min(2, settings.seconds)); // warm-up
    for (let round = 1; round <= settings.rounds; round++) {
      for (const kind of round % 2 ? [refused, notFound] : [notFound, refused]) {
        const result = await load(kind, settings.seconds);
        runs.get(kind)!.push(result);
        console.log(formatRun(round, kind.label, result));
      }
    }
  } finally {
    await instance.stop();
  }
  const refusedRuns = runs.get(refused)!;
  const notFoundRuns = runs.get(notFound)!;
  return {
    refusedPerSecond: median(refusedRuns.map((r) => r.rps)),
    notFoundPerSecond: median(notFoundRuns.map((r) => r.rps)),
    ratio: median(refusedRuns.map((r, round) => r.rps / notFoundRuns[round].rps)),
  };
}
