import type { MaintenanceEventType } from './maintenance-event.entity.js';
import type { RefusalsByPrincipal } from '../rules/maintenance.principal.js';
import type { OpenWindow } from '../rules/maintenance.state.js';

export interface MaintenanceWindowRecord extends OpenWindow {
  createdBy: string;
  turnedOffBy: string | null;
  turnedOffAt: Date | null;
  updatedAt: Date;
  updatedBy: string;
  announce: boolean;
}

export interface WindowFields {
  startsAt: Date;
  expectedEndAt: Date | null;
  message: string | null;
  /** The host announces the window's changes (the module only stores the flag). */
  announce: boolean;
}

export interface NewMaintenanceEvent {
  type: MaintenanceEventType;
  at: Date;
  actor: string;
  details: Record<string, unknown>;
}

export interface MaintenanceEventRecord extends NewMaintenanceEvent {
  id: string;
  windowId: string;
}

/** What the write fence reads inside the writer's transaction: the open window and the database's own clock. */
export interface FenceReading {
  startsAt: Date;
  expectedEndAt: Date | null;
  databaseNow: Date;
}

/** The change was based on a version that is no longer current (R6). */
export class StaleVersionError extends Error {
  constructor() {
    super('stale maintenance version');
  }
}

/**
 * Where windows, events and notice acknowledgements live. Every write is atomic with its event
 * and refuses (StaleVersionError) when `baseVersion` is no longer the current one.
 */
export abstract class MaintenanceStorage {
  /** The latest window (its version is the setting's version); it is open unless turnedOffAt is set. */
  abstract latest(): Promise<MaintenanceWindowRecord | null>;

  /** Creates the open window with version baseVersion + 1, if baseVersion is still current and no window is open. */
  abstract open(
    baseVersion: number,
    fields: WindowFields,
    actor: string,
    at: Date,
    event: Omit<NewMaintenanceEvent, 'at' | 'actor'>,
  ): Promise<void>;

  /** Changes the open window `id` (or turns it off) if it still has baseVersion. */
  abstract change(
    id: string,
    baseVersion: number,
    changes: Partial<WindowFields> & { turnedOff?: boolean },
    actor: string,
    at: Date,
    event: Omit<NewMaintenanceEvent, 'at' | 'actor'>,
  ): Promise<void>;

  /**
   * Records `downtime-started` for the window unless some instance already did; returns the event when this call recorded it.
   * Does nothing if the window is closed or its start (as stored) is after `now`. `details` are added
   * to the event's own.
   */
  abstract recordDowntimeStarted(
    windowId: string,
    now: Date,
    details?: Record<string, unknown>,
  ): Promise<MaintenanceEventRecord | null>;

  /** Newest first. */
  abstract events(
    offset: number,
    limit: number,
  ): Promise<{ items: MaintenanceEventRecord[]; total: number }>;

  /**
   * R15: the open window (null if none) and the database's current time, read within `transaction`,
   * the host's open transaction (for the TypeORM storage: its EntityManager).
   */
  abstract readForFence(transaction: unknown): Promise<FenceReading | null>;

  /** R9: the session closed the notice for `startsAt`; `actor` is who (a user's sessions count once). */
  abstract acknowledge(
    sessionKeyHash: string,
    startsAt: Date,
    at: Date,
    actor: string,
  ): Promise<void>;
  abstract isAcknowledged(sessionKeyHash: string, startsAt: Date): Promise<boolean>;
  /** How many distinct actors closed the notice for `startsAt`. */
  abstract countAcknowledged(startsAt: Date): Promise<number>;

  /** Adds one instance's refusal deltas, by window, to the shared counts (one write per flush, not per refusal). */
  abstract addRefusals(deltas: ReadonlyMap<string, RefusalsByPrincipal>): Promise<void>;
  /** The refusals of window `windowId` flushed so far by every instance, every kind present. */
  abstract refusals(windowId: string): Promise<RefusalsByPrincipal>;
}
