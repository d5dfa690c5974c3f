import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ChildSpec, Counters, ParentMessage, Served } from './child.js';

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { url: string; functionName: string } }>;
  samples: number[];
  timeDeltas: number[];
}

export type SnapshotListener = (snapshot: { startsAt: string | null; at: number }) => void;

const ENTRY = fileURLToPath(new URL('./main.js', import.meta.url));

/** Parent side of one app instance in its own child process (its own event loop, apart from the load). */
export class Instance {
  private readonly pendingCounters: Array<{
    resolve: (counters: Counters) => void;
    reject: (error: Error) => void;
  }> = [];
  private readonly snapshotListeners = new Set<SnapshotListener>();

  private constructor(
    readonly label: string,
    private readonly child: ChildProcess,
    readonly served: Served,
    /** Where the child writes its CPU profile when it exits, if profiled. */
    private readonly profileDir: string | null,
  ) {
    child.on('message', (message: ChildMessage) => {
      if ('counters' in message) this.pendingCounters.shift()?.resolve(message.counters);
      else if ('snapshot' in message)
        for (const listener of this.snapshotListeners) listener(message.snapshot);
    });
    // A child that dies during a measurement fails it instead of leaving it waiting.
    child.on('exit', (code) => {
      for (const { reject } of this.pendingCounters.splice(0))
        reject(new Error(`${label} exited with ${code}`));
    });
  }

  static start(label: string, spec: ChildSpec, profile: boolean): Promise<Instance> {
    const profileDir = profile ? mkdtempSync(join(tmpdir(), 'bench-profile-')) : null;
    const child = fork(ENTRY, ['serve', JSON.stringify(spec)], {
      execArgv: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => {
        if (profileDir) rmSync(profileDir, { recursive: true, force: true });
        reject(new Error(`${label} exited with ${code}`));
      });
      child.once('message', (message: ChildMessage) => {
        if ('served' in message) resolve(new Instance(label, child, message.served, profileDir));
      });
    });
  }

  /** Starts several at once; if one fails, stops the others before failing. */
  static async startAll(
    starts: Array<{ label: string; spec: ChildSpec; profile: boolean }>,
  ): Promise<Instance[]> {
    const settled = await Promise.allSettled(
      starts.map(({ label, spec, profile }) => Instance.start(label, spec, profile)),
    );
    const started = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = settled.find((s) => s.status === 'rejected');
    if (!failed) return started;
    await Instance.stopAll(started);
    for (const instance of started) instance.discardProfile();
    throw failed.reason;
  }

  static async stopAll(instances: Instance[]): Promise<void> {
    await Promise.all(instances.map((instance) => instance.stop()));
  }

  counters(): Promise<Counters> {
    return new Promise((resolve, reject) => {
      this.pendingCounters.push({ resolve, reject });
      this.send('counters');
    });
  }

  onSnapshot(listener: SnapshotListener): void {
    this.snapshotListeners.add(listener);
  }

  /** Stops the child and waits until it has exited (and so written its profile). */
  stop(): Promise<void> {
    this.child.removeAllListeners('exit');
    if (this.child.exitCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.send('stop');
    return exited;
  }

  /**
   * Share of the child's busy CPU whose own code (self time) is in files whose URL contains `part`;
   * removes the profile. Call after stop().
   */
  selfTimeShare(part: string): number {
    if (!this.profileDir) throw new Error(`${this.label} was not profiled`);
    const file = readdirSync(this.profileDir).find((name) => name.endsWith('.cpuprofile'))!;
    const profile = JSON.parse(readFileSync(join(this.profileDir, file), 'utf8')) as CpuProfile;
    this.discardProfile();
    const urls = new Map(profile.nodes.map((node) => [node.id, node.callFrame.url]));
    const names = new Map(profile.nodes.map((node) => [node.id, node.callFrame.functionName]));
    let busy = 0;
    let matching = 0;
    profile.samples.forEach((id, i) => {
      if (names.get(id) === '(idle)') return;
      busy += profile.timeDeltas[i];
      if (urls.get(id)?.includes(part)) matching += profile.timeDeltas[i];
    });
    return matching / busy;
  }

  discardProfile(): void {
    if (this.profileDir) rmSync(this.profileDir, { recursive: true, force: true });
  }

  private send(message: ParentMessage): void {
    this.child.send(message);
  }
}
