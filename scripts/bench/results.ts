import type { Percentiles, PropagationResult } from './propagation.js';
import type { RefusalResult } from './refusal.js';
import type { BenchSettings } from './settings.js';
import type { VariantResult } from './throughput.js';

/** bench-results.json */
export interface BenchResults {
  date: string;
  settings: Omit<BenchSettings, 'postgresUrl' | 'redisUrl'>;
  variants: VariantResult[];
  /** Share of the this-module instance's busy CPU in the module's own code (CPU profile, self time). */
  moduleCpuShare: number;
  refusal: RefusalResult;
  propagation: PropagationResult;
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

/** Rounded for reading; the measurement's noise is far above these digits. */
export function rounded(results: BenchResults): BenchResults {
  const ms = <T extends object>(values: T): T =>
    Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, round(value as number, 2)]),
    ) as T;
  const { propagation } = results;
  return {
    ...results,
    variants: results.variants.map((variant) => ({
      name: variant.name,
      rps: round(variant.rps, 0),
      ratioToBare: round(variant.ratioToBare, 3),
      cpuPerRequestUs: round(variant.cpuPerRequestUs, 0),
      cpuRatioToBare: round(variant.cpuRatioToBare, 3),
      queriesPerRequest: round(variant.queriesPerRequest, 3),
    })),
    moduleCpuShare: round(results.moduleCpuShare, 4),
    refusal: {
      refusedPerSecond: round(results.refusal.refusedPerSecond, 0),
      notFoundPerSecond: round(results.refusal.notFoundPerSecond, 0),
      ratio: round(results.refusal.ratio, 3),
    },
    propagation: {
      instances: propagation.instances,
      samples: propagation.samples,
      ...ms({ p50Ms: propagation.p50Ms, p99Ms: propagation.p99Ms, maxMs: propagation.maxMs }),
      stages: {
        answerToNotify: ms(propagation.stages.answerToNotify),
        notifyToSnapshot: ms(propagation.stages.notifyToSnapshot),
        snapshotToHeader: ms(propagation.stages.snapshotToHeader),
      },
    },
  };
}

/** The table on stdout. */
export function summary(results: BenchResults): string {
  const { settings, refusal, propagation } = results;
  const lines = [
    `${results.date}: ${settings.rounds} paired rounds of ${settings.seconds} s, ${settings.connections} connections, GET /api/auth/me`,
    '',
    `${'variant'.padEnd(18)} ${'req/s'.padStart(7)} ${'÷ bare'.padStart(7)} ${'µs CPU/req'.padStart(11)} ${'÷ bare'.padStart(7)} ${'queries/req'.padStart(12)}`,
    ...results.variants.map(
      (v) =>
        `${v.name.padEnd(18)} ${v.rps.toFixed(0).padStart(7)} ${v.ratioToBare.toFixed(3).padStart(7)} ` +
        `${v.cpuPerRequestUs.toFixed(0).padStart(11)} ${v.cpuRatioToBare.toFixed(3).padStart(7)} ` +
        `${v.queriesPerRequest.toFixed(3).padStart(12)}`,
    ),
    '',
    `module's own code: ${(results.moduleCpuShare * 100).toFixed(2)} % of the this-module instance's busy CPU (self time)`,
    `refusal during downtime: ${refusal.refusedPerSecond.toFixed(0)} refused/s against ${refusal.notFoundPerSecond.toFixed(0)} 404/s, ratio ${refusal.ratio.toFixed(3)}`,
    `propagation (${propagation.instances} instances, ${propagation.samples} changes): ` +
      `p50 ${propagation.p50Ms.toFixed(1)} ms, p99 ${propagation.p99Ms.toFixed(1)} ms, max ${propagation.maxMs.toFixed(1)} ms`,
    ...(Object.entries(propagation.stages) as Array<[string, Percentiles]>).map(
      ([stage, p]) =>
        `  ${stage.padEnd(17)} p50 ${p.p50Ms.toFixed(1)} ms, p99 ${p.p99Ms.toFixed(1)} ms, max ${p.maxMs.toFixed(1)} ms`,
    ),
  ];
  return lines.join('\n');
}
