import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { MAINTENANCE_OPTIONS, type ResolvedMaintenanceOptions } from '../maintenance.options.js';
import { MaintenanceChangeNotifier } from '../persistence/maintenance.notifier.js';
import {
  decodeSnapshotMessage,
  encodeSnapshotMessage,
  type SnapshotMessage,
} from '../persistence/maintenance.snapshot-message.js';
import { MaintenanceStorage } from '../persistence/maintenance.storage.js';
import {
  maintenanceState,
  type MaintenanceState,
  type OpenWindow,
} from '../rules/maintenance.state.js';

export type SnapshotListener = (window: OpenWindow | null) => void;

/**
 * The in-memory snapshot of the open window, the only thing the guard reads per request.
 * It is loaded before the app serves (so a restart during downtime is in downtime at once), taken
 * from every announced change (the announcement carries the committed state, so no read is needed),
 * and reloaded by the scheduler's periodic backstop. Every update carries the version of the latest
 * window; an older one never overwrites a newer one, whichever arrives last.
 */
@Injectable()
export class MaintenanceStateService implements OnModuleInit, OnModuleDestroy {
  private open: OpenWindow | null = null;
  /** The latest window's version the snapshot reflects (0: none yet; -1: not loaded). */
  private version = -1;
  private confirmed: Date | null = null;
  private loads: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<SnapshotListener>();

  constructor(
    private readonly storage: MaintenanceStorage,
    private readonly notifier: MaintenanceChangeNotifier,
    @Inject(MAINTENANCE_OPTIONS) private readonly options: ResolvedMaintenanceOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.refresh();
    await this.notifier.listen((payload) => {
      const message = decodeSnapshotMessage(payload);
      if (message) this.apply(message);
      else void this.refresh().catch(() => undefined);
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.listeners.clear();
    await this.notifier.close();
  }

  /** The open window, or null. */
  window(): OpenWindow | null {
    return this.open;
  }

  /** When this instance last read the window from the storage (null before the first read): the snapshot's age. */
  confirmedAt(): Date | null {
    return this.confirmed;
  }

  state(now: Date = this.options.clock.now()): MaintenanceState {
    return maintenanceState(this.open, now);
  }

  /** Reloads the snapshot; loads run one after another so an older read never overwrites a newer one. */
  refresh(): Promise<void> {
    const load = this.loads.then(async () => {
      const latest = await this.storage.latest();
      this.confirmed = this.options.clock.now();
      const open = latest && !latest.turnedOffAt ? latest : null;
      this.apply({
        version: latest?.version ?? 0,
        window: open && {
          id: open.id,
          startsAt: open.startsAt,
          expectedEndAt: open.expectedEndAt,
          message: open.message,
          version: open.version,
          downtimeStartedAt: open.downtimeStartedAt,
        },
      });
    });
    this.loads = load.catch(() => undefined);
    return load;
  }

  /** Takes a committed state unless the snapshot already reflects a newer one; tells the listeners if it changed. */
  private apply(message: SnapshotMessage): void {
    if (message.version < this.version) return;
    this.version = message.version;
    const changed = JSON.stringify(message.window) !== JSON.stringify(this.open);
    this.open = message.window;
    if (changed) for (const listener of this.listeners) listener(message.window);
  }

  /** Runs after every change of the snapshot (e.g. to re-arm a timer or push to open pages). Returns an unsubscribe. */
  subscribe(listener: SnapshotListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Announces a committed change to the other instances, with the state this one reloaded. */
  async changed(): Promise<void> {
    await this.refresh();
    await this.notifier.announce(
      encodeSnapshotMessage({ version: this.version, window: this.open }),
    );
  }
}
