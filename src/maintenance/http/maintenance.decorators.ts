import { SetMetadata } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { RoutePolicy } from '../rules/maintenance.decision.js';

export const MAINTENANCE_ALLOW = 'maintenance:allow-during-downtime';
export const MAINTENANCE_PAGE = 'maintenance:page-route';
/** Set on the module's routes that need no login; the host's access guard reads it (as terminus leaves access to the host). */
export const MAINTENANCE_PUBLIC = 'maintenance:public-route';

/**
 * The route stays open to every principal during downtime (R13). Declared on the handler or the
 * controller, never derived from the URL (R20).
 */
export const AllowDuringMaintenance = (): MethodDecorator & ClassDecorator =>
  SetMetadata(MAINTENANCE_ALLOW, true);

/** The route renders a page: a refusal redirects (303) to the maintenance page instead of answering 503 (R14). */
export const MaintenancePageRoute = (): MethodDecorator & ClassDecorator =>
  SetMetadata(MAINTENANCE_PAGE, true);

/** The route needs no login (the public status, R13). The module only declares it: the host's access guard honours MAINTENANCE_PUBLIC. */
export const MaintenancePublicRoute = (): MethodDecorator & ClassDecorator =>
  SetMetadata(MAINTENANCE_PUBLIC, true);

/** A route's policy during downtime, from its decorators (never from its URL, R20). */
export function routePolicyOf(reflector: Reflector, targets: ReadonlyArray<object>): RoutePolicy {
  return reflector.getAllAndOverride<boolean>(MAINTENANCE_ALLOW, targets as never)
    ? 'open'
    : 'exempt-only';
}

/**
 * Whether the route renders a page (@MaintenancePageRoute): the one page-or-API classifier of a
 * refusal, whoever refuses it (the guard, or the write fence at commit).
 */
export function isPageRoute(reflector: Reflector, targets: ReadonlyArray<object>): boolean {
  return reflector.getAllAndOverride<boolean>(MAINTENANCE_PAGE, targets as never) ?? false;
}
