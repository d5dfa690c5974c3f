import type { MaintenanceMessages } from './maintenance.messages.js';

/**
 * The module's domain errors: plain errors that the core throws (inside a transaction too) and that
 * the HTTP layer's one mapper (http/maintenance.problems.ts) turns into problem documents.
 */
export abstract class MaintenanceError extends Error {}

/** A field of a settings change breaks a rule (R2, R3); `reason` is worded in the messages of any language. */
export class MaintenanceFieldError extends MaintenanceError {
  constructor(
    readonly field: string,
    readonly reason: (messages: MaintenanceMessages) => string,
  ) {
    super(`${field} is not acceptable`);
  }
}

/** The change was based on a version that is no longer current (R6). */
export class MaintenanceVersionConflict extends MaintenanceError {
  constructor(readonly currentVersion: number) {
    super(`the maintenance setting is at version ${currentVersion}`);
  }
}

/** Downtime refuses this principal (R12, R15): the window that refuses it and when. */
export class MaintenanceDowntimeError extends MaintenanceError {
  constructor(
    readonly window: { startsAt: Date; expectedEndAt: Date | null },
    readonly at: Date,
  ) {
    super('refused during maintenance downtime');
  }
}
