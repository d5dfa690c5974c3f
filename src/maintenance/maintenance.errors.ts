import { HttpStatus } from '@nestjs/common';
import { ProblemException, problemType } from '../common/problem.js';
import { MIN_LEAD_MINUTES } from './maintenance.rules.js';

/** Every message the maintenance module sends, in one place. */
export const MAINTENANCE_MESSAGES = {
  notRfc3339: () =>
    'must be an RFC 3339 date-time with a UTC offset, e.g. 2030-01-05T18:00:00+01:00',
  startTooSoon: (earliest: Date) =>
    `must be at least ${MIN_LEAD_MINUTES} minutes after the server's current time (earliest ${earliest.toISOString()})`,
  startRequired: () => 'is required to turn maintenance on',
  startLocked: () =>
    'cannot be changed once downtime has started; turn maintenance off instead (only the message and the expected end can change)',
  endBeforeStart: () => 'must be after startsAt',
  staleVersion: (current: number) =>
    `The maintenance setting was changed by someone else (current version ${current}); reload it and try again.`,
  refusalDetail: (startsAt: Date) =>
    `The platform is unavailable for maintenance since ${startsAt.toISOString()}. Please try again later.`,
  adminOnly: () =>
    'Only customer admins and consultants can read or change the maintenance setting.',
  signInFirst: () => 'Sign in first.',
  activeTooLong: (hours: number) =>
    `Maintenance has been active for more than ${hours} hours; did someone forget to turn it off?`,
} as const;

export const MAINTENANCE_PROBLEM_TYPE = problemType('maintenance');

/** The refusal of R17: 503 problem+json with startsAt, Retry-After and Cache-Control: no-store. */
export function maintenanceRefusal(
  window: { startsAt: Date; expectedEndAt: Date | null },
  now: Date,
  defaultRetryAfterSeconds: number,
): ProblemException {
  const untilEnd = window.expectedEndAt
    ? Math.ceil((window.expectedEndAt.getTime() - now.getTime()) / 1000)
    : 0;
  const retryAfter = untilEnd > 0 ? untilEnd : defaultRetryAfterSeconds;
  return new ProblemException(
    {
      type: MAINTENANCE_PROBLEM_TYPE,
      title: 'Service unavailable for maintenance',
      status: HttpStatus.SERVICE_UNAVAILABLE,
      detail: MAINTENANCE_MESSAGES.refusalDetail(window.startsAt),
      startsAt: window.startsAt.toISOString(),
      ...(window.expectedEndAt ? { expectedEndAt: window.expectedEndAt.toISOString() } : {}),
    },
    { 'Retry-After': String(retryAfter), 'Cache-Control': 'no-store' },
  );
}
