import { FIRST_YEAR, LAST_YEAR, MIN_LEAD_MINUTES } from './maintenance.rules.js';

/** Every message the module sends. The host passes its own wording and languages (the `messages` option). */
export interface MaintenanceMessages {
  notRfc3339(): string;
  yearOutOfRange(): string;
  startTooSoon(earliest: Date): string;
  startRequired(): string;
  startLocked(): string;
  endBeforeStart(): string;
  staleVersion(current: number): string;
  refusalTitle(): string;
  refusalDetail(startsAt: Date): string;
  adminOnly(): string;
  signInFirst(): string;
}

/** Messages by language tag; the first language is the default (and the one logs and validation use). */
export type MaintenanceMessageCatalogue = Readonly<Record<string, MaintenanceMessages>>;

/** The module's own English wording, used when the host passes none. */
export const DEFAULT_MAINTENANCE_MESSAGES: MaintenanceMessages = {
  notRfc3339: () =>
    'must be an RFC 3339 date-time with a UTC offset, e.g. 2030-01-05T18:00:00+01:00',
  yearOutOfRange: () => `must fall in the UTC years ${FIRST_YEAR} to ${LAST_YEAR}`,
  startTooSoon: (earliest) =>
    `must be at least ${MIN_LEAD_MINUTES} minutes after the server's current time (earliest ${earliest.toISOString()})`,
  startRequired: () => 'is required to turn maintenance on',
  startLocked: () =>
    'cannot be changed once downtime has started; turn maintenance off instead (only the message and the expected end can change)',
  endBeforeStart: () => 'must be after startsAt',
  staleVersion: (current) =>
    `The maintenance setting was changed by someone else (current version ${current}); reload it and try again.`,
  refusalTitle: () => 'Service unavailable for maintenance',
  refusalDetail: (startsAt) =>
    `The platform is unavailable for maintenance since ${startsAt.toISOString()}. Please try again later.`,
  adminOnly: () => 'Only administrators can read or change the maintenance setting.',
  signInFirst: () => 'Sign in first.',
};
