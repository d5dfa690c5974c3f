import type { RefusalsByPrincipal } from '../rules/maintenance.principal.js';
import type { SignedInCount } from '../maintenance.options.js';

/**
 * A change of the setting (R2–R6): `enabled: false` turns the open window off; with `enabled: true`
 * a field left out keeps its value and `null` clears it. Instants are Dates: parsing is the caller's.
 */
export interface MaintenanceSettingsChange {
  enabled: boolean;
  startsAt?: Date | null;
  expectedEndAt?: Date | null;
  message?: string | null;
  /** Announce this window's changes (left out: unchanged; a new window: false). */
  announce?: boolean;
  /** The version the change is based on (0 when there never was a window). */
  version: number;
}

/** What the setting reads: the plain data the API sends and pages render (instants in RFC 3339, UTC). */
export interface MaintenanceSettingsView {
  enabled: boolean;
  state: string;
  startsAt: string | null;
  expectedEndAt: string | null;
  message: string | null;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
  earliestStartsAt: string;
  activeSince: string | null;
  activeTooLong: boolean;
  /** Whether changes of this window are announced to the regular users (by the host). */
  announce: boolean;
}

export interface MaintenanceEventView {
  id: string;
  windowId: string;
  type: string;
  at: string;
  actor: string;
  details: Record<string, unknown>;
}

export interface MaintenanceEventsView {
  items: MaintenanceEventView[];
  total: number;
  page: number;
  pageSize: number;
}

/** What one principal needs to know about maintenance (pages render the countdown, banner and notice from it). */
export interface MaintenanceStatusView {
  state: string;
  startsAt: string | null;
  secondsUntilStart: number | null;
  expectedEndAt: string | null;
  message: string | null;
  noticeDue: boolean;
  now: string;
  exempt: boolean;
  activeTooLong: boolean;
}

/** Who a window affects. */
export interface MaintenanceImpactView {
  at: string;
  signedIn: SignedInCount;
  notice: { acknowledged: number };
  refusals: { since: string; total: number; byPrincipal: RefusalsByPrincipal } | null;
}
