import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The built server, as `npm start` runs it. */
export const MAIN = fileURLToPath(new URL('../../dist/src/main.js', import.meta.url));

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ServerProcess {
  url: string;
  /** The JSON lines it wrote to stdout so far. */
  logs(): Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

export type ServerStart =
  | { kind: 'listening'; server: ServerProcess }
  | { kind: 'exited'; code: number | null; logs: Array<Record<string, unknown>>; stderr: string };

const jsonLines = (text: string): Array<Record<string, unknown>> =>
  text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const exited = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => child.once('exit', (code) => resolve(code)));

/**
 * Starts `node dist/src/main.js` with these environment variables and resolves when it either
 * answers /health/ready or exits (a refused start), whichever comes first.
 */
export async function startServer(env: Record<string, string>): Promise<ServerStart> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first`);
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = exited(child);
  const url = `http://127.0.0.1:${port}`;
  // Generous: a start on a loaded machine (migrations, seeding) takes long, and that is not under test.
  const deadline = Date.now() + 180_000;
  for (;;) {
    const outcome = await Promise.race([
      exit.then((code) => ({ code })),
      new Promise<undefined>((resolve) => setTimeout(resolve, 100)),
    ]);
    if (outcome) return { kind: 'exited', code: outcome.code, logs: jsonLines(stdout), stderr };
    const ready = await fetch(`${url}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not get ready in time: ${stdout}${stderr}`);
    }
  }
  return {
    kind: 'listening',
    server: {
      url,
      logs: () => jsonLines(stdout),
      stop: async () => {
        child.kill('SIGTERM');
        await exit;
      },
    },
  };
}
