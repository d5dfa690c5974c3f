#!/usr/bin/env node
/**
 * The command line's start-up cost: the time from exec to exit of `maintenance status` on a fresh
 * SQLite database (or DATABASE_URL), median of RUNS runs (default 5). Given several built CLIs (e.g.
 * another checkout's dist/src/cli/cli.js), it runs them in turn, so that they share the machine's
 * load. Run `npm run build` first. Usage: node scripts/cli-startup.mjs [runs] [cli.js ...]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [runsArgument, ...given] = process.argv.slice(2);
const runs = Number(runsArgument ?? 5);
const clis =
  given.length > 0 ? given : [fileURLToPath(new URL('../dist/src/cli/cli.js', import.meta.url))];
const dir = mkdtempSync(join(tmpdir(), 'cli-startup-'));
const env = {
  PATH: process.env.PATH,
  DATABASE_URL: process.env.DATABASE_URL ?? `sqlite:${join(dir, 'app.sqlite')}`,
};
const run = (cli) => execFileSync(process.execPath, [cli, 'maintenance', 'status'], { env });

try {
  for (const cli of clis) run(cli); // creates and migrates the database, fills caches: not counted
  const times = new Map(clis.map((cli) => [cli, []]));
  for (let i = 0; i < runs; i++) {
    for (const cli of clis) {
      const start = process.hrtime.bigint();
      run(cli);
      times.get(cli).push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  for (const [cli, list] of times) {
    const median = [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
    console.log(`${cli}\n  runs (ms): ${list.map((ms) => ms.toFixed(0)).join(', ')}`);
    console.log(`  median exec→exit of "maintenance status": ${median.toFixed(0)} ms`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
