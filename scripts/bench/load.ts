import autocannon from 'autocannon';
import type { Instance } from './instance.js';
import type { BenchSettings } from './settings.js';
import { median } from './stats.js';

export interface Load {
  path: string;
  cookie: string;
  /** Every answer must have this status, or the run is void. */
  status: number;
  seconds: number;
  connections: number;
}

export interface Run {
  rps: number;
  requests: number;
  /** Server CPU time per request: far less disturbed by neighbours on the machine than requests/s. */
  cpuMicrosPerRequest: number;
  queries: number;
}

/** Loads one instance with autocannon on loopback and reads the instance's counters around it. */
export async function run(instance: Instance, load: Load): Promise<Run> {
  const before = await instance.counters();
  const result = await autocannon({
    url: `${instance.served.url}${load.path}`,
    connections: load.connections,
    duration: load.seconds,
    headers: { cookie: load.cookie },
  });
  const after = await instance.counters();
  const statuses = Object.entries(result.statusCodeStats ?? {}).filter(
    ([status, stats]) => status !== String(load.status) && (stats.count ?? 0) > 0,
  );
  if (result.errors > 0 || result.timeouts > 0 || statuses.length > 0)
    throw new Error(
      `${instance.label} ${load.path}: ${result.errors} errors, ${result.timeouts} timeouts, ` +
        `other statuses ${JSON.stringify(Object.fromEntries(statuses))} (expected ${load.status})`,
    );
  return {
    rps: result.requests.average,
    requests: result.requests.total,
    cpuMicrosPerRequest: (after.cpuMicros - before.cpuMicros) / result.requests.total,
    queries: after.queries - before.queries,
  };
}

/** Something measured in the rounds: a variant, or a path of one instance. */
export interface Subject {
  label: string;
  load(seconds: number): Promise<Run>;
}

/**
 * A warm-up, then `rounds` rounds in which every subject is loaded once, back to back; each round
 * starts one subject further along, so that drift (thermal, GC, neighbours) favours none. Returns
 * each subject's runs, round by round, so that runs of one round can be paired.
 */
export async function pairedRounds(
  subjects: Subject[],
  settings: Pick<BenchSettings, 'rounds' | 'seconds' | 'warmupSeconds'>,
): Promise<Map<Subject, Run[]>> {
  const runs = new Map<Subject, Run[]>(subjects.map((subject) => [subject, []]));
  for (const subject of subjects) await subject.load(settings.warmupSeconds);
  for (let round = 1; round <= settings.rounds; round++) {
    const shift = round % subjects.length;
    for (const subject of [...subjects.slice(shift), ...subjects.slice(0, shift)]) {
      const result = await subject.load(settings.seconds);
      runs.get(subject)!.push(result);
      console.log(
        `round ${String(round).padStart(2)}  ${subject.label.padEnd(20)} ` +
          `${result.rps.toFixed(0).padStart(6)} req/s  ` +
          `${result.cpuMicrosPerRequest.toFixed(0).padStart(5)} µs CPU/request`,
      );
    }
  }
  return runs;
}

/** Median over the rounds of a run's value ÷ the base's value in the same round. */
export function pairedRatio(runs: Run[], base: Run[], value: (run: Run) => number): number {
  return median(runs.map((run, round) => value(run) / value(base[round])));
}
