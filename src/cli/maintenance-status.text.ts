import { formatCountdown } from '../pages/pages.views.js';
import { escapeControl } from './cli-text.js';
import { formatZoned } from './cli-time.js';

/** `maintenance status --json`. */
export interface MaintenanceStatusJson {
  state: 'off' | 'scheduled' | 'active';
  startsAt: string | null;
  expectedEndAt: string | null;
  message: string | null;
  secondsUntilStart: number | null;
  activeSince: string | null;
  /** Active longer than MAINTENANCE_ACTIVE_WARNING_HOURS: was turning it off forgotten? */
  activeTooLong: boolean;
  version: number;
  /** The instant the state was decided at, and by which clock. */
  now: string;
  clock: string;
}

/** What the text form needs besides the status: the platform's zone and the warning threshold. */
export interface StatusTextContext {
  zone: string;
  activeWarningHours: number;
}

const secondsBetween = (from: Date, to: Date): number =>
  Math.max(0, Math.ceil((to.getTime() - from.getTime()) / 1000));

/** The lines a person reads: state, times in the platform's zone (named), time left, message, clock. */
export function describeMaintenanceStatus(
  status: MaintenanceStatusJson,
  { zone, activeWarningHours }: StatusTextContext,
): string[] {
  const now = new Date(status.now);
  const at = (iso: string): string => formatZoned(iso, zone);
  const end = status.expectedEndAt
    ? `; expected end ${at(status.expectedEndAt)} (in ${formatCountdown(secondsBetween(now, new Date(status.expectedEndAt)))})`
    : '; no expected end';
  const lines: string[] = [];
  switch (status.state) {
    case 'off':
      lines.push('Maintenance is off.');
      break;
    case 'scheduled':
      lines.push(
        `Maintenance is scheduled: starts ${at(status.startsAt!)} (in ${formatCountdown(status.secondsUntilStart ?? 0)})${end}.`,
      );
      break;
    case 'active':
      lines.push(
        `Maintenance is ACTIVE since ${at(status.activeSince ?? status.startsAt!)}: regular users are locked out${end}.`,
      );
      break;
    default: {
      const unknown: never = status.state;
      throw new Error(`unknown state ${String(unknown)}`);
    }
  }
  if (status.activeTooLong) {
    lines.push(
      `Warning: active for more than ${activeWarningHours} hours. Was turning it off forgotten?`,
    );
  }
  if (status.message) lines.push(`Message: ${escapeControl(status.message)}`);
  lines.push(`Now: ${at(status.now)}, by ${status.clock}.`);
  return lines;
}
