import { Injectable, RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';

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

/**
 * Every route of the controllers in the module tree, read from their decorators (needs DiscoveryModule):
 * what the route-policy table is built on, and exported for hosts that describe their routes too.
 */
@Injectable()
export class RouteCatalog {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  routes(): CatalogRoute[] {
    const routes: CatalogRoute[] = [];
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
        const method =
          RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        for (const prefix of prefixes) {
          for (const path of asList(paths)) {
            routes.push({
              method,
              path: joinPath(prefix, path),
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
