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
