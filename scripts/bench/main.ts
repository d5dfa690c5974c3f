import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderChart } from './chart.js';
import { serve, type ChildSpec } from './child.js';
import { measurePropagation } from './propagation.js';
import { measureRefusal } from './refusal.js';
import { rounded, summary, type BenchResults } from './results.js';
import { benchSettings } from './settings.js';
import { measureThroughput } from './throughput.js';

/**
 * `npm run bench`: this module against no lockout and against the per-request designs people use
 * instead, each in its own child process, on the same authenticated route, in alternating paired
 * rounds; then the refusal path during downtime, and propagation between three instances on
 * PostgreSQL. Writes bench-results.json and docs/bench.svg. See README "Benchmark".
 */
async function main(): Promise<void> {
  const settings = benchSettings(process.env);
  const date = new Date().toISOString().slice(0, 10);
  console.log('Throughput');
  const { variants, moduleCpuShare } = await measureThroughput(settings);
  console.log('\nRefusal path');
  const refusal = await measureRefusal(settings);
  console.log('\nPropagation');
  const propagation = await measurePropagation(settings);
  const { rounds, seconds, warmupSeconds, connections, changes } = settings;
  const results = rounded({
    date,
    settings: { rounds, seconds, warmupSeconds, connections, changes },
    variants,
    moduleCpuShare,
    refusal,
    propagation,
  } satisfies BenchResults);
  console.log(`\n${summary(results)}`);
  const root = process.cwd();
  writeFileSync(join(root, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  mkdirSync(join(root, 'docs'), { recursive: true });
  writeFileSync(join(root, 'docs', 'bench.svg'), renderChart(results));
  console.log('\nwrote bench-results.json and docs/bench.svg');
}

if (process.argv[2] === 'serve') await serve(JSON.parse(process.argv[3]) as ChildSpec);
else await main();
