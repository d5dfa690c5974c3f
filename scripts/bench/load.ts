import autocannon from 'autocannon';
import type { Instance } from './instance.js';

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

export function formatRun(round: number, label: string, result: Run): string {
  return (
    `round ${String(round).padStart(2)}  ${label.padEnd(20)} ` +
    `${result.rps.toFixed(0).padStart(6)} req/s  ` +
    `${result.cpuMicrosPerRequest.toFixed(0).padStart(5)} µs CPU/request`
  );
}
