import { Injectable, RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ApplicationConfig, DiscoveryService, MetadataScanner } from '@nestjs/core';

type Handler = (...args: never[]) => unknown;

/** One route of the application, with what its decorators were put on. */
export interface CatalogRoute {
  /** e.g. `GET` */
  method: string;
  /** The Express template, e.g. `/api/contracts/:id` */
  path: string;
  controller: Type;
  /** The handler's name on the controller, e.g. `findOne` */
  handlerName: string;
  /** For `Reflector.getAllAndOverride`: the handler first, then its controller. */
  targets: [handler: Handler, controller: Type];
}

function joinPath(...parts: string[]): string {
  const joined = parts
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');
  return `/${joined}`;
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [''];
  return Array.isArray(value) ? value : [value];
}

/** An excluded route of the global prefix, as Nest keeps it. */
interface PrefixExclusion {
  requestMethod: RequestMethod;
  pathRegex: RegExp;
}

/**
 * Every route of the controllers in the module tree, read from their decorators (needs DiscoveryModule),
 * with the application's global prefix (and its exclusions) applied as Nest's router applies them:
 * what the route-policy table, the API document's contracts and the HTTP metrics are built on.
 */
@Injectable()
export class RouteCatalog {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly config: ApplicationConfig,
  ) {}

  routes(): CatalogRoute[] {
    const routes: CatalogRoute[] = [];
    const globalPrefix = this.config.getGlobalPrefix();
    const excluded = (this.config.getGlobalPrefixOptions().exclude ?? []) as PrefixExclusion[];
    const prefixed = (path: string, method: RequestMethod): string =>
      globalPrefix &&
      !excluded.some(
        (route) =>
          (route.requestMethod === RequestMethod.ALL || route.requestMethod === method) &&
          route.pathRegex.test(path),
      )
        ? joinPath(globalPrefix, path)
        : path;
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const prefixes = asList(
        Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined,
      );
      const prototype = controller.prototype as Record<string, unknown>;
      for (const handlerName of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[handlerName] as Handler;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (paths === undefined) continue;
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
        const method = RequestMethod[requestMethod];
        for (const prefix of prefixes) {
          for (const path of asList(paths)) {
            routes.push({
              method,
              path: prefixed(joinPath(prefix, path), requestMethod),
              controller,
              handlerName,
              targets: [handler, controller],
            });
          }
        }
      }
    }
    return routes;
  }
}
