import { formatInstant } from '../pages/pages.time.js';
import { formatCountdown } from '../pages/pages.views.js';

/** `maintenance status --json`. */
export interface MaintenanceStatusJson {
  state: 'off' | 'scheduled' | 'active';
  startsAt: string | null;
  expectedEndAt: string | null;
  message: string | null;
  secondsUntilStart: number | null;
  activeSince: string | null;
  version: number;
}

const secondsBetween = (from: Date, to: Date): number =>
  Math.max(0, Math.ceil((to.getTime() - from.getTime()) / 1000));

/** One or two lines a person reads: state, start in the platform's zone, time left, message. */
export function describeMaintenanceStatus(
  status: MaintenanceStatusJson,
  now: Date,
  zone: string,
): string[] {
  const at = (iso: string): string => formatInstant(new Date(iso), zone, 'en');
  const end = status.expectedEndAt
    ? `; expected end ${at(status.expectedEndAt)} (in ${formatCountdown(secondsBetween(now, new Date(status.expectedEndAt)))})`
    : '; no expected end';
  let first: string;
  switch (status.state) {
    case 'off':
      first = 'Maintenance is off.';
      break;
    case 'scheduled':
      first = `Maintenance is scheduled: starts ${at(status.startsAt!)} (in ${formatCountdown(status.secondsUntilStart ?? 0)})${end}.`;
      break;
    case 'active':
      first = `Maintenance is ACTIVE since ${at(status.activeSince ?? status.startsAt!)}: regular users are locked out${end}.`;
      break;
    default: {
      const unknown: never = status.state;
      throw new Error(`unknown state ${String(unknown)}`);
    }
  }
  return status.message ? [first, `Message: ${status.message}`] : [first];
}
