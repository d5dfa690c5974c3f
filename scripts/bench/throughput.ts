import { ROUTE, VARIANTS, type Variant } from './child.js';
import { Instance } from './instance.js';
import { formatRun, run, type Run } from './load.js';
import type { BenchSettings } from './settings.js';
import { median } from './stats.js';
import { MODULE_SOURCE } from './this-module.js';

export interface VariantResult {
  name: Variant;
  /** Median requests/s of the rounds. */
  rps: number;
  /** Median over the rounds of requests/s ÷ bare's requests/s in the same round. */
  ratioToBare: number;
  /** Median server CPU time per request. */
  cpuPerRequestUs: number;
  queriesPerRequest: number;
}

export interface ThroughputResult {
  variants: VariantResult[];
  /** Share of the this-module instance's busy CPU spent in the module's own code (self time). */
  moduleCpuShare: number;
}

/** The rounds' order: each round starts one further along and every other one runs backwards. */
function orderOf<T>(items: T[], round: number): T[] {
  const shift = round % items.length;
  const rotated = [...items.slice(shift), ...items.slice(0, shift)];
  return round % 2 ? rotated.reverse() : rotated;
}

/** Every variant in its own child process, on SQLite, loaded one after another in each round. */
export async function measureThroughput(settings: BenchSettings): Promise<ThroughputResult> {
  const instances = await Instance.startAll(
    VARIANTS.map((variant) => ({
      label: variant,
      spec: { variant, scenario: 'scheduled', databaseUrl: null, redisUrl: settings.redisUrl },
      profile: true,
    })),
  );
  const runs = new Map<Instance, Run[]>(instances.map((instance) => [instance, []]));
  const load = (instance: Instance, seconds: number) =>
    run(instance, {
      path: ROUTE,
      cookie: instance.served.cookie,
      status: 200,
      seconds,
      connections: settings.connections,
    });
  try {
    for (const instance of instances) await load(instance, Math.min(2, settings.seconds)); // warm-up
    for (let round = 1; round <= settings.rounds; round++) {
      for (const instance of orderOf(instances, round)) {
        const result = await load(instance, settings.seconds);
        runs.get(instance)!.push(result);
        console.log(formatRun(round, instance.label, result));
      }
    }
  } finally {
    await Instance.stopAll(instances);
  }
  const [bare] = instances;
  const moduleCpuShare = instances[VARIANTS.indexOf('this-module')].selfTimeShare(MODULE_SOURCE);
  for (const instance of instances) instance.discardProfile();
  // Each round's runs are back to back, so their ratio cancels slow drifts of the machine.
  const bareRuns = runs.get(bare)!;
  const variants = instances.map((instance, i): VariantResult => {
    const own = runs.get(instance)!;
    const requests = own.reduce((sum, r) => sum + r.requests, 0);
    return {
      name: VARIANTS[i],
      rps: median(own.map((r) => r.rps)),
      ratioToBare: median(own.map((r, round) => r.rps / bareRuns[round].rps)),
      cpuPerRequestUs: median(own.map((r) => r.cpuMicrosPerRequest)),
      queriesPerRequest: own.reduce((sum, r) => sum + r.queries, 0) / requests,
    };
  });
  return { variants, moduleCpuShare };
}
