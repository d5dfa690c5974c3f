/** The bench's knobs (environment variables; see README "Benchmark"). */
export interface BenchSettings {
  /** Paired rounds of the throughput and refusal measurements. */
  rounds: number;
  /** Seconds of load per variant and round. */
  seconds: number;
  /** Seconds of load per variant before the rounds, for the JIT to settle. */
  warmupSeconds: number;
  connections: number;
  /** Settings changes timed by the propagation measurement. */
  changes: number;
  /** PostgreSQL of the propagation measurement; it works in a schema of its own, dropped after. */
  postgresUrl: string;
  /** Redis of the redis-per-request peer. */
  redisUrl: string;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

export function benchSettings(env: NodeJS.ProcessEnv): BenchSettings {
  return {
    rounds: positiveInteger(env, 'BENCH_ROUNDS', 10),
    seconds: positiveInteger(env, 'BENCH_SECONDS', 3),
    warmupSeconds: positiveInteger(env, 'BENCH_WARMUP_SECONDS', 5),
    connections: positiveInteger(env, 'BENCH_CONNECTIONS', 10),
    changes: positiveInteger(env, 'BENCH_CHANGES', 50),
    postgresUrl: env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test',
    redisUrl: env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379',
  };
}
