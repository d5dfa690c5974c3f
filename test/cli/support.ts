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

/** Runs the command line as a child process with these environment variables; resolves when it exits. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      // Never hangs the suite: a CLI that does not exit by itself is killed and fails the test.
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 },
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
