import type { FactoryProvider, ModuleMetadata } from '@nestjs/common';
import type { Request } from 'express';

/**
 * Who is making a request, as far as the lockout cares. The app maps its own principal to this,
 * so that the module does not depend on the auth or users modules.
 */
export type MaintenancePrincipal =
  | {
      kind: 'user';
      role: string;
      /** The login session (null while logging in, before a session exists). */
      sessionId: string | null;
      /** Recorded as the actor of changes, e.g. the user's e-mail address. */
      actor: string;
    }
  | { kind: 'integration'; integrationKind: string }
  | { kind: 'anonymous' };

/** Who may keep working during downtime (SPEC §1). */
export interface MaintenanceExemptions {
  roles: readonly string[];
  integrationKinds: readonly string[];
}

export interface MaintenanceModuleOptions {
  /** Maps a request to its principal; called only while a window is active (and by the status endpoint). */
  getPrincipal(request: Request): MaintenancePrincipal;
  /** The source of "now" (tests move it). */
  clock: { now(): Date };
  /** Default: CUSTOMER_ADMIN, CONSULTANT and BACKOFFICE (SPEC §1). */
  exemptions?: Partial<MaintenanceExemptions>;
  /** Roles that may read and change the setting (R1). Default: the exempt roles. */
  adminRoles?: readonly string[];
  /** Retry-After when no expected end is set (R17). Default 3600. */
  defaultRetryAfterSeconds?: number;
  /** After this many hours of downtime a warning is logged every hour. Default 8. */
  activeWarningHours?: number;
  /** The backstop re-read of the window from the database. Default 5000 ms. */
  refreshIntervalMs?: number;
  /** Where refused page requests are sent (R14). Default /maintenance. */
  pagePath?: string;
}

export interface MaintenanceModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: FactoryProvider['inject'];
  useFactory(...args: never[]): MaintenanceModuleOptions | Promise<MaintenanceModuleOptions>;
}

/** The options with every default applied. */
export interface ResolvedMaintenanceOptions {
  getPrincipal(request: Request): MaintenancePrincipal;
  clock: { now(): Date };
  exemptions: MaintenanceExemptions;
  adminRoles: readonly string[];
  defaultRetryAfterSeconds: number;
  activeWarningHours: number;
  refreshIntervalMs: number;
  pagePath: string;
}

export const MAINTENANCE_OPTIONS = Symbol('maintenance:options');

export const DEFAULT_EXEMPTIONS: MaintenanceExemptions = {
  roles: ['CUSTOMER_ADMIN', 'CONSULTANT'],
  integrationKinds: ['BACKOFFICE'],
};

export function resolveMaintenanceOptions(
  options: MaintenanceModuleOptions,
): ResolvedMaintenanceOptions {
  const exemptions = { ...DEFAULT_EXEMPTIONS, ...options.exemptions };
  return {
    getPrincipal: options.getPrincipal,
    clock: options.clock,
    exemptions,
    adminRoles: options.adminRoles ?? exemptions.roles,
    defaultRetryAfterSeconds: options.defaultRetryAfterSeconds ?? 3600,
    activeWarningHours: options.activeWarningHours ?? 8,
    refreshIntervalMs: options.refreshIntervalMs ?? 5000,
    pagePath: options.pagePath ?? '/maintenance',
  };
}
