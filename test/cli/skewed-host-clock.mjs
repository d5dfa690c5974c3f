// The built command line exactly as `staffing` runs it, but with this host's clock off by
// HOST_CLOCK_SKEW_MS: the Clock seam the tests use for the server (AdjustableClock), given to the
// child process. Run `npm run build` first.
import 'reflect-metadata';
import { runCommandLine } from '../../dist/src/cli/cli-main.js';
import { AdjustableClock } from '../../dist/src/common/clock.js';

const host = new AdjustableClock();
host.advance(Number(process.env.HOST_CLOCK_SKEW_MS ?? 0));
process.exitCode = await runCommandLine(host);
