/** What the lockout knows about the open window; kept in memory by every instance. */
export interface OpenWindow {
  id: string;
  startsAt: Date;
  expectedEndAt: Date | null;
  message: string | null;
  version: number;
  downtimeStartedAt: Date | null;
}

export const MAINTENANCE_STATES = ['off', 'scheduled', 'active'] as const;
export type MaintenanceState = (typeof MAINTENANCE_STATES)[number];

const HOUR_MS = 3_600_000;

/** off without an open window; scheduled before its start; active from the start instant on (it never ends by itself, R4). */
export function maintenanceState(
  window: Pick<OpenWindow, 'startsAt'> | null,
  now: Date,
): MaintenanceState {
  if (!window) return 'off';
  return now.getTime() >= window.startsAt.getTime() ? 'active' : 'scheduled';
}

/** Whole seconds until the start, 0 once it is reached (R11). */
export function secondsUntil(instant: Date, now: Date): number {
  return Math.max(0, Math.ceil((instant.getTime() - now.getTime()) / 1000));
}

/** Whether a window has been active longer than the configured hours (the forgotten turn-off). */
export function isActiveTooLong(
  window: Pick<OpenWindow, 'startsAt'> | null,
  now: Date,
  warningHours: number,
): boolean {
  if (!window || maintenanceState(window, now) !== 'active') return false;
  return now.getTime() - window.startsAt.getTime() > warningHours * HOUR_MS;
}

/** Whole hours of downtime so far. */
export function activeHours(window: Pick<OpenWindow, 'startsAt'>, now: Date): number {
  return Math.floor((now.getTime() - window.startsAt.getTime()) / HOUR_MS);
}

/** Whether a warning sent at `lastWarningAt` (ms) is an hour old, so the next one is due. */
export function isWarningDue(lastWarningAt: number | undefined, now: Date): boolean {
  return lastWarningAt === undefined || now.getTime() - lastWarningAt >= HOUR_MS;
}

export const STARTS_AT_HEADER = 'Maintenance-Starts-At';
export const COUNTDOWN_HEADER = 'Maintenance-Countdown';

/** R11: the headers of every response while a window is open (none without one). */
export function countdownHeaders(
  window: Pick<OpenWindow, 'startsAt'> | null,
  now: Date,
): Record<string, string> {
  if (!window) return {};
  return {
    [STARTS_AT_HEADER]: window.startsAt.toISOString(),
    [COUNTDOWN_HEADER]: String(secondsUntil(window.startsAt, now)),
  };
}

/** R17: Retry-After counts down to the expected end, or is the default when none is set (or it has passed). */
export function retryAfterSeconds(
  window: Pick<OpenWindow, 'expectedEndAt'>,
  now: Date,
  defaultSeconds: number,
): number {
  const untilEnd = window.expectedEndAt
    ? Math.ceil((window.expectedEndAt.getTime() - now.getTime()) / 1000)
    : 0;
  return untilEnd > 0 ? untilEnd : defaultSeconds;
}
