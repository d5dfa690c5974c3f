import { ROUTE, VARIANTS, type Variant } from './child.js';
import { Instance } from './instance.js';
import { pairedRatio, pairedRounds, run, type Subject } from './load.js';
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
  /** The same paired ratio of CPU time per request (less disturbed by neighbours than requests/s). */
  cpuRatioToBare: number;
  queriesPerRequest: number;
}

export interface ThroughputResult {
  variants: VariantResult[];
  /** Share of the this-module instance's busy CPU spent in the module's own code (self time). */
  moduleCpuShare: number;
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
  const subjects = instances.map((instance): Subject => ({
    label: instance.label,
    load: (seconds) =>
      run(instance, {
        path: ROUTE,
        status: 200,
        seconds,
        cookie: instance.served.cookie,
        connections: settings.connections,
      }),
  }));
  const discardProfiles = () => instances.forEach((instance) => instance.discardProfile());
  const runs = await pairedRounds(subjects, settings)
    .finally(() => Instance.stopAll(instances))
    .catch((error: unknown) => {
      discardProfiles();
      throw error;
    });
  const moduleCpuShare = instances[VARIANTS.indexOf('this-module')].selfTimeShare(MODULE_SOURCE);
  discardProfiles();
  // Each round's runs are back to back, so their ratio cancels slow drifts of the machine.
  const bareRuns = runs.get(subjects[VARIANTS.indexOf('bare')])!;
  const variants = subjects.map((subject, i): VariantResult => {
    const own = runs.get(subject)!;
    const requests = own.reduce((sum, r) => sum + r.requests, 0);
    return {
      name: VARIANTS[i],
      rps: median(own.map((r) => r.rps)),
      ratioToBare: pairedRatio(own, bareRuns, (r) => r.rps),
      cpuPerRequestUs: median(own.map((r) => r.cpuMicrosPerRequest)),
      cpuRatioToBare: pairedRatio(own, bareRuns, (r) => r.cpuMicrosPerRequest),
      queriesPerRequest: own.reduce((sum, r) => sum + r.queries, 0) / requests,
    };
  });
  return { variants, moduleCpuShare };
}
