import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built command line (`npm run cli` runs the same file); `npm test` builds before the e2e run. */
export const CLI = fileURLToPath(new URL('../../dist/src/cli/cli.js', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The same command line with the host clock of the child off by HOST_CLOCK_SKEW_MS. */
const SKEWED = fileURLToPath(new URL('./skewed-host-clock.mjs', import.meta.url));

/**
 * Runs the command line as a child process with these environment variables; resolves when it
 * exits. With `hostClockSkewMs`, the child's own clock is that far off (the server's is not).
 */
export function runCli(
  args: string[],
  env: Record<string, string>,
  hostClockSkewMs?: number,
): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  const entry = hostClockSkewMs === undefined ? [CLI] : [SKEWED];
  const skew = hostClockSkewMs === undefined ? {} : { HOST_CLOCK_SKEW_MS: String(hostClockSkewMs) };
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...entry, ...args],
      // Never hangs the suite: a CLI that does not exit by itself is killed and fails the test.
      { env: { PATH: process.env.PATH ?? '', ...env, ...skew }, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(new Error(error.message));
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
  });
}

/** The lines a command wrote to stderr that are not its JSON log lines. */
export function messageLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('{'));
}

/** The JSON log lines a command wrote to stderr. */
export function logLines(stderr: string): Array<Record<string, unknown>> {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
