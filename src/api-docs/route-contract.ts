import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isPublicRoute } from '../auth/access.guard.js';
import { AUTH_INTEGRATION_KINDS, AUTH_SKIP_CSRF } from '../auth/auth.decorators.js';
import { RouteCatalog, type CatalogRoute } from '../common/route-catalog.js';
import { routePolicyOf } from '../maintenance/index.js';

/** How a caller authenticates: nothing, the session cookie, or an integration's bearer token. */
export type RouteAccess = 'public' | 'session' | 'bearer';

/** What the guards will do with a route, as its API document has to tell. */
export interface RouteContract {
  access: RouteAccess;
  /** A signed-in user's write must carry the session's X-CSRF-Token header. */
  csrf: boolean;
  /** The maintenance lockout refuses it during downtime (503), except to exempt principals. */
  lockout: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The operation id @nestjs/swagger gives a handler; the document builder passes it on explicitly. */
export function operationIdOf(controllerName: string, handlerName: string): string {
  return `${controllerName}_${handlerName}`;
}

/** Each route's contract, read from the same decorators the access, CSRF and maintenance guards read. */
@Injectable()
export class RouteContracts {
  constructor(
    private readonly catalog: RouteCatalog,
    private readonly reflector: Reflector,
  ) {}

  /** By operation id. */
  byOperationId(): Map<string, RouteContract> {
    return new Map(
      this.catalog
        .routes()
        .map((route) => [operationIdOf(route.controller.name, route.handlerName), this.of(route)]),
    );
  }

  private of(route: CatalogRoute): RouteContract {
    const read = <T>(key: string) =>
      this.reflector.getAllAndOverride<T | undefined>(key, route.targets);
    const access: RouteAccess = isPublicRoute(this.reflector, route.targets)
      ? 'public'
      : read<string[]>(AUTH_INTEGRATION_KINDS)
        ? 'bearer'
        : 'session';
    return {
      access,
      csrf:
        access !== 'bearer' && !SAFE_METHODS.has(route.method) && !read<boolean>(AUTH_SKIP_CSRF),
      lockout: routePolicyOf(this.reflector, route.targets) === 'exempt-only',
    };
  }
}
