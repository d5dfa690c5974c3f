import { Injectable, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { RoutePolicy } from '../rules/maintenance.decision.js';
import { isPageRoute, routePolicyOf } from './maintenance.guard.js';

export interface RoutePolicyRow {
  method: string;
  path: string;
  policy: RoutePolicy;
  /** How a refused request is answered: 503 (API) or 303 to the maintenance page. */
  refusal: '503' | '303';
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

/** The table of `npm run routes` and of the route policy snapshot test: every route and its policy during downtime. */
@Injectable()
export class MaintenanceRoutePolicy {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  rows(): RoutePolicyRow[] {
    const rows: RoutePolicyRow[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const prefixes = asList(
        Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined,
      );
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as object;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (paths === undefined) continue;
        const method =
          RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const targets = [handler, controller];
        const policy = routePolicyOf(this.reflector, targets);
        const page = isPageRoute(this.reflector, targets);
        for (const prefix of prefixes) {
          for (const path of asList(paths)) {
            rows.push({
              method,
              path: joinPath(prefix, path),
              policy,
              refusal: page ? '303' : '503',
            });
          }
        }
      }
    }
    return rows.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  }
}

/** One line per route: `METHOD  path  policy  refusal`, aligned. */
export function formatRoutePolicyTable(rows: RoutePolicyRow[]): string {
  const methodWidth = Math.max(...rows.map((row) => row.method.length));
  const pathWidth = Math.max(...rows.map((row) => row.path.length));
  const policyWidth = Math.max(...rows.map((row) => row.policy.length));
  return rows
    .map((row) =>
      [
        row.method.padEnd(methodWidth),
        row.path.padEnd(pathWidth),
        row.policy.padEnd(policyWidth),
        row.refusal,
      ].join('  '),
    )
    .join('\n')
    .concat('\n');
}
