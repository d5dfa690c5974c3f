import { Injectable, type PipeTransform, type Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import { isPublicRoute } from '../auth/access.guard.js';
import { ResourceIdPipe } from '../common/resource-id.pipe.js';
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
  /** The DTO classes of `@Body()` and `@Query()`, whose validation decorators the document reads. */
  body?: Type;
  query?: Type;
  /** The path parameters checked by ResourceIdPipe (a UUID, or 400 naming the parameter). */
  resourceIds: string[];
}

interface RouteArgument {
  index: number;
  data?: unknown;
  pipes?: Array<PipeTransform | Type<PipeTransform>>;
}

/** What the handler's parameter decorators say: its body and query classes and its resource ids. */
function argumentsOf(route: CatalogRoute): Pick<RouteContract, 'body' | 'query' | 'resourceIds'> {
  const declared = (Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, route.handlerName) ??
    {}) as Record<string, RouteArgument>;
  const types = (Reflect.getMetadata(
    'design:paramtypes',
    route.controller.prototype as object,
    route.handlerName,
  ) ?? []) as Type[];
  const typeOf = (kind: RouteParamtypes): Type | undefined => {
    const entry = Object.entries(declared).find(([key]) => key.split(':')[0] === String(kind));
    return entry && entry[1].data === undefined ? types[entry[1].index] : undefined;
  };
  const resourceIds = Object.entries(declared)
    .filter(([key]) => key.split(':')[0] === String(RouteParamtypes.PARAM))
    .filter(([, argument]) =>
      (argument.pipes ?? []).some(
        (pipe) => pipe === ResourceIdPipe || pipe instanceof ResourceIdPipe,
      ),
    )
    .map(([, argument]) => String(argument.data));
  return {
    body: typeOf(RouteParamtypes.BODY) ?? documentedBody(route),
    query: typeOf(RouteParamtypes.QUERY),
    resourceIds,
  };
}

/**
 * The `@ApiBody` class of a handler whose body a custom parameter decorator reads (a module's own
 * validation pipe, e.g. the maintenance module's), which validates it as that same class.
 */
function documentedBody(route: CatalogRoute): Type | undefined {
  const handler = (route.controller.prototype as Record<string, object>)[route.handlerName];
  const parameters = (Reflect.getMetadata(DECORATORS.API_PARAMETERS, handler) ?? []) as Array<{
    in: string;
    type?: unknown;
  }>;
  const body = parameters.find((parameter) => parameter.in === 'body')?.type;
  return typeof body === 'function' ? (body as Type) : undefined;
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
      ...argumentsOf(route),
    };
  }
}
