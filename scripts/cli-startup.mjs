#!/usr/bin/env node
/**
 * The command line's start-up cost: the time from exec to exit of `maintenance status`, on a fresh
 * SQLite database (or DATABASE_URL when set), over RUNS runs (default 5); prints each and the median.
 * Run `npm run build` first. Usage: node scripts/cli-startup.mjs [runs]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/src/cli/cli.js', import.meta.url));
const runs = Number(process.argv[2] ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'cli-startup-'));
const env = {
  PATH: process.env.PATH,
  DATABASE_URL: process.env.DATABASE_URL ?? `sqlite:${join(dir, 'app.sqlite')}`,
};
const run = () => execFileSync(process.execPath, [cli, 'maintenance', 'status'], { env });

try {
  run(); // creates and migrates the database: not part of the figure
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`runs (ms): ${times.map((ms) => ms.toFixed(0)).join(', ')}`);
  console.log(`median exec→exit of "maintenance status": ${median.toFixed(0)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
