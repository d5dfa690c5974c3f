#!/usr/bin/env node
import 'reflect-metadata';
import { SystemClock } from '../common/clock.js';
import { runCommandLine } from './cli-main.js';

/** `staffing <command>` (package.json "bin"; `npm run cli -- <command>` runs the same file). */
process.exitCode = await runCommandLine(new SystemClock());
