import type { FactoryProvider, ModuleMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { MaintenanceChangeNotifier } from './persistence/maintenance.notifier.js';
import type { MaintenanceStorage } from './persistence/maintenance.storage.js';
import type { MaintenanceTransactionRunner } from './persistence/maintenance.typeorm-storage.js';
import {
  DEFAULT_MAINTENANCE_MESSAGES,
  type MaintenanceMessageCatalogue,
  type MaintenanceMessages,
} from './rules/maintenance.messages.js';
import type { MaintenanceExemptions, MaintenancePrincipal } from './rules/maintenance.principal.js';

/** Where the module's routes are mounted (the host chooses; relative to any global prefix). */
export interface MaintenanceRouteOptions {
  /** The setting, its events and impact. Default `maintenance/settings`. */
  settings?: string;
  /** The public status and the notice acknowledgement (`<status>/status`, `<status>/notice/ack`). Default `maintenance`. */
  status?: string;
}

/** Signed-in regular users: distinct users, and how many of each of the host's regular roles. */
export interface SignedInCount {
  total: number;
  byRole: Record<string, number>;
}

/**
 * The host's side of the impact view: the module knows no sessions or roles, so the host counts its
 * regular (non-exempt) users who are signed in and active, by its own definition of "active".
 */
export interface MaintenanceAudience {
  signedIn(now: Date): Promise<SignedInCount>;
}

export interface MaintenanceModuleOptions {
  /** Maps a request to its principal; called only while a window is active (and by the status endpoint). */
  getPrincipal(request: Request): MaintenancePrincipal;
  /** Who keeps working during downtime: the host's own role and integration names. */
  exemptions: MaintenanceExemptions;
  /** The source of "now" (tests move it). Default: the system clock. */
  clock?: { now(): Date };
  /** Roles that may read and change the setting (R1). Default: the exempt roles. */
  adminRoles?: readonly string[];
  /** Messages by language, the default language first. Default: the module's English. */
  messages?: MaintenanceMessageCatalogue;
  /** Retry-After when no expected end is set (R17). Default 3600. */
  defaultRetryAfterSeconds?: number;
  /** After this many hours of downtime a warning is logged every hour. Default 8. */
  activeWarningHours?: number;
  /** The backstop re-read of the window from the database. Default 5000 ms. */
  refreshIntervalMs?: number;
  /** The host's maintenance page, where refused page requests are sent (R14). Without it, they get the 503 too. */
  pagePath?: string;
  /** The language of a problem for this request, one of the catalogue's. Default: Accept-Language, else the first. */
  languageOf?(request: Request): string;
  /** Where windows, events and acknowledgements live. Default: the TypeORM storage on the host's DataSource. */
  storage?: MaintenanceStorage;
  /** The transaction runner of the default storage. Default: `dataSource.transaction`. */
  runInTransaction?: MaintenanceTransactionRunner;
  /** How instances tell each other about changes. Default: LISTEN/NOTIFY on PostgreSQL, in-process otherwise. */
  notifier?: MaintenanceChangeNotifier;
  /** Who is signed in, for the impact view and the event history. Default: nobody known (total 0, no roles). */
  audience?: MaintenanceAudience;
  /** How often each instance writes its refusal counts to the database. Default 3000 ms. */
  refusalFlushIntervalMs?: number;
  /** Where the module's routes are mounted. */
  routes?: MaintenanceRouteOptions;
}

export interface MaintenanceModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  /** The routes are mounted before the factory runs, so they are given here. */
  routes?: MaintenanceRouteOptions;
  inject?: FactoryProvider['inject'];
  useFactory(...args: never[]): MaintenanceModuleOptions | Promise<MaintenanceModuleOptions>;
}

/** The options with every default applied. */
export interface ResolvedMaintenanceOptions {
  getPrincipal(request: Request): MaintenancePrincipal;
  clock: { now(): Date };
  exemptions: MaintenanceExemptions;
  adminRoles: readonly string[];
  messages: MaintenanceMessageCatalogue;
  defaultRetryAfterSeconds: number;
  activeWarningHours: number;
  refreshIntervalMs: number;
  pagePath: string | null;
  languageOf(request: Request): string;
  storage?: MaintenanceStorage;
  runInTransaction?: MaintenanceTransactionRunner;
  notifier?: MaintenanceChangeNotifier;
  audience: MaintenanceAudience;
  refusalFlushIntervalMs: number;
}

export const MAINTENANCE_OPTIONS = Symbol('maintenance:options');

const systemClock = { now: () => new Date() };
const unknownAudience: MaintenanceAudience = {
  signedIn: () => Promise.resolve({ total: 0, byRole: {} }),
};

export function resolveMaintenanceOptions(
  options: MaintenanceModuleOptions,
): ResolvedMaintenanceOptions {
  const messages = options.messages ?? { en: DEFAULT_MAINTENANCE_MESSAGES };
  if (Object.keys(messages).length === 0) throw new Error('messages needs at least one language');
  return {
    ...options,
    clock: options.clock ?? systemClock,
    adminRoles: options.adminRoles ?? options.exemptions.roles,
    messages,
    defaultRetryAfterSeconds: options.defaultRetryAfterSeconds ?? 3600,
    activeWarningHours: options.activeWarningHours ?? 8,
    refreshIntervalMs: options.refreshIntervalMs ?? 5000,
    pagePath: options.pagePath ?? null,
    languageOf:
      options.languageOf ??
      ((request) => request.acceptsLanguages(...Object.keys(messages)) || Object.keys(messages)[0]),
    audience: options.audience ?? unknownAudience,
    refusalFlushIntervalMs: options.refusalFlushIntervalMs ?? 3000,
  };
}

/** The messages of the default (first) language. */
export function defaultMessages(options: ResolvedMaintenanceOptions): MaintenanceMessages {
  return Object.values(options.messages)[0];
}

/** The routes with their defaults. */
export function resolveRoutes(
  routes: MaintenanceRouteOptions = {},
): Required<MaintenanceRouteOptions> {
  return {
    settings: routes.settings ?? 'maintenance/settings',
    status: routes.status ?? 'maintenance',
  };
}
