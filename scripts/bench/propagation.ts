import { Agent, get } from 'node:http';
import pg from 'pg';
import { putSettings } from './http.js';
import { Instance } from './instance.js';
import type { BenchSettings } from './settings.js';
import { epochMs, percentile } from './stats.js';
import { STARTS_AT, STATUS_PATH } from './this-module.js';

export interface Percentiles {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Where the time goes, per listening instance and change (see README "Benchmark"). */
export interface PropagationStages {
  /** From the PUT's answer until the bench's own LISTEN connection hears the NOTIFY (negative: before). */
  answerToNotify: Percentiles;
  /** From the NOTIFY until the listening instance has its new snapshot (its re-read of the window). */
  notifyToSnapshot: Percentiles;
  /** From the new snapshot until the bench's polling sees the header (the poll's own delay). */
  snapshotToHeader: Percentiles;
}

export interface PropagationResult extends Percentiles {
  instances: number;
  samples: number;
  stages: PropagationStages;
}

const INSTANCES = 3;
const MINUTE = 60_000;
const POLL_TIMEOUT_MS = 10_000;

function percentiles(values: number[]): Percentiles {
  return {
    p50Ms: percentile(values, 50),
    p99Ms: percentile(values, 99),
    maxMs: Math.max(...values),
  };
}

function schemaUrl(postgresUrl: string, schema: string): string {
  const url = new URL(postgresUrl);
  url.searchParams.set('schema', schema);
  return url.toString();
}

/** One request on a kept-alive connection (node:http: lighter than fetch, so the polls come closer). */
function probe(url: string, agent: Agent): Promise<{ startsAt: string | undefined; at: number }> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (response) => {
      const at = epochMs();
      const header = response.headers[STARTS_AT.toLowerCase()];
      response.resume();
      response.on('end', () =>
        resolve({ startsAt: Array.isArray(header) ? header[0] : header, at }),
      );
    }).on('error', reject);
  });
}

/** Polls the instance back to back until it serves the start; resolves with when it first did. */
async function untilServes(instance: Instance, agent: Agent, startsAt: string): Promise<number> {
  const deadline = epochMs() + POLL_TIMEOUT_MS;
  for (;;) {
    const seen = await probe(`${instance.served.url}${STATUS_PATH}`, agent);
    if (seen.startsAt === startsAt) return seen.at;
    if (seen.at > deadline) throw new Error(`${instance.label} never served ${startsAt}`);
  }
}

/** Waits (briefly) for a value that another process reports asynchronously. */
async function reported<T>(read: () => T | undefined, what: string): Promise<T> {
  const deadline = epochMs() + 2000;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (epochMs() > deadline) throw new Error(`${what} was never reported`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/**
 * Three instances of the app with this module on one PostgreSQL database (a schema of its own):
 * `changes` reschedules through the settings API of the first; for each, the time from the PUT's
 * answer until both others serve the new Maintenance-Starts-At.
 */
export async function measurePropagation(settings: BenchSettings): Promise<PropagationResult> {
  const schema = `bench_${process.pid}`;
  const databaseUrl = schemaUrl(settings.postgresUrl, schema);
  const admin = new pg.Client({ connectionString: settings.postgresUrl });
  await admin.connect();
  const instances: Instance[] = [];
  const cleanups: Array<() => void> = [];
  try {
    // One after another: the first runs the migrations and seeds the demo data.
    for (let i = 1; i <= INSTANCES; i++)
      instances.push(
        await Instance.start(
          `instance ${i}`,
          {
            variant: 'this-module',
            scenario: 'propagation',
            databaseUrl,
            redisUrl: settings.redisUrl,
          },
          false,
        ),
      );
    const [writer, ...listeners] = instances;
    const agents = listeners.map(() => new Agent({ keepAlive: true, maxSockets: 1 }));
    cleanups.push(() => agents.forEach((agent) => agent.destroy()));
    const notifiedAt = new Map<number, number>();
    let notifications = 0;
    admin.on('notification', () => notifiedAt.set(++notifications, epochMs()));
    await admin.query(`LISTEN "${writer.served.channel!}"`);
    const snapshotAt = listeners.map(() => new Map<string | null, number>());
    listeners.forEach((instance, i) =>
      instance.onSnapshot(({ startsAt, at }) => snapshotAt[i].set(startsAt, at)),
    );

    const totals: number[] = [];
    const stages = { answerToNotify: [], notifyToSnapshot: [], snapshotToHeader: [] } as Record<
      keyof PropagationStages,
      number[]
    >;
    const firstStart = Math.ceil((epochMs() + 2 * 60 * MINUTE) / MINUTE) * MINUTE;
    for (let change = 0; change < settings.changes; change++) {
      const startsAt = new Date(firstStart + change * MINUTE);
      const expected = startsAt.toISOString();
      const answer = await putSettings(writer.served.url, writer.served, {
        startsAt,
        version: change,
      });
      const answeredAt = epochMs();
      const seenAt = await Promise.all(
        listeners.map((instance, i) => untilServes(instance, agents[i], expected)),
      );
      await answer.arrayBuffer();
      totals.push(Math.max(...seenAt) - answeredAt);
      const notified = await reported(() => notifiedAt.get(change + 1), 'the NOTIFY');
      stages.answerToNotify.push(notified - answeredAt);
      for (const [i, seen] of seenAt.entries()) {
        const snapshot = await reported(() => snapshotAt[i].get(expected), 'a snapshot');
        stages.notifyToSnapshot.push(snapshot - notified);
        stages.snapshotToHeader.push(seen - snapshot);
      }
    }
    return {
      instances: INSTANCES,
      samples: totals.length,
      ...percentiles(totals),
      stages: {
        answerToNotify: percentiles(stages.answerToNotify),
        notifyToSnapshot: percentiles(stages.notifyToSnapshot),
        snapshotToHeader: percentiles(stages.snapshotToHeader),
      },
    };
  } finally {
    for (const cleanup of cleanups) cleanup();
    await Instance.stopAll(instances);
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}
