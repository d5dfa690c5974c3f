/** What the announcements decide, apart from any I/O. */

export type AnnouncementMethod = 'PUBLISH' | 'CANCEL';

/** The maintenance events that change a window as its users see it (the iCalendar SEQUENCE counts them). */
export const WINDOW_CHANGE_EVENTS = [
  'scheduled',
  'rescheduled',
  'message-changed',
  'turned-off',
] as const;

export interface WindowChange {
  type: string;
  details: Record<string, unknown>;
}

function side(details: Record<string, unknown>, key: 'old' | 'new'): Record<string, unknown> {
  const value = details[key];
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * Whether a change of a window is announced, and how. The event's own details decide where they
 * carry the flag; a move names only what changed, so then `windowAnnounces` (the window's flag) does.
 * - scheduled with announce on, a moved start, or announce switched on for a scheduled window: PUBLISH;
 * - turned off while still scheduled (before its start), after having been announced: CANCEL;
 * - anything else (a message or end edited, downtime started, turned off once active): nothing.
 */
export function announcementOf(
  change: WindowChange,
  windowAnnounces: boolean,
): AnnouncementMethod | null {
  const before = side(change.details, 'old');
  const after = side(change.details, 'new');
  switch (change.type) {
    case 'scheduled':
      return after.announce === true ? 'PUBLISH' : null;
    case 'rescheduled':
      return (after.announce ?? windowAnnounces) === true ? 'PUBLISH' : null;
    case 'message-changed':
      return after.announce === true && before.announce === false ? 'PUBLISH' : null;
    case 'turned-off':
      return before.announce === true && before.state === 'scheduled' ? 'CANCEL' : null;
    default:
      return null;
  }
}

/** How many mails this batch may send: the batch size, within what the per-minute limit leaves. */
export function sendAllowance(
  perMinute: number,
  sentLastMinute: number,
  batchSize: number,
): number {
  return Math.max(0, Math.min(batchSize, perMinute - sentLastMinute));
}

export interface AnnouncementProgress {
  recipients: number;
  sent: number;
  /** Not sent yet, and the last attempt failed: they are retried. */
  failed: number;
}
