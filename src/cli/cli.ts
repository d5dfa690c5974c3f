#!/usr/bin/env node
import nodeModule from 'node:module';

// Every command loads the same few thousand modules: keep their compiled code on disk between runs
// (in the system's temporary folder, or NODE_COMPILE_CACHE), so a command starts in a fraction of
// the time. The imports come after, hence dynamic.
// (Typed loosely until @types/node knows it: Node 22.1 and later have it.)
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import('reflect-metadata');
const { SystemClock } = await import('../common/clock.js');
const { runCommandLine } = await import('./cli-main.js');

/** `staffing <command>` (package.json "bin"; `npm run cli -- <command>` runs the same file). */
process.exitCode = await runCommandLine(new SystemClock());
