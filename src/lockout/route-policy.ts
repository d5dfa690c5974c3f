import { Injectable, Module } from '@nestjs/common';
import { DiscoveryModule, Reflector } from '@nestjs/core';
import { RouteCatalog } from '../common/route-catalog.js';
import { isPageRoute, routePolicyOf } from '../maintenance/index.js';

type RoutePolicy = ReturnType<typeof routePolicyOf>;

export interface RoutePolicyRow {
  method: string;
  path: string;
  policy: RoutePolicy;
  /** How a refused request is answered: 503 (API) or 303 to the maintenance page. */
  refusal: '503' | '303';
}

/** The table of `npm run routes` and of the route policy snapshot test: every route and its policy during downtime. */
@Injectable()
export class MaintenanceRoutePolicy {
  constructor(
    private readonly catalog: RouteCatalog,
    private readonly reflector: Reflector,
  ) {}

  rows(): RoutePolicyRow[] {
    return this.catalog
      .routes()
      .map(({ method, path, targets }): RoutePolicyRow => ({
        method,
        path,
        policy: routePolicyOf(this.reflector, targets),
        refusal: isPageRoute(this.reflector, targets) ? '303' : '503',
      }))
      .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
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

/** The route-policy table's providers (`app.get(MaintenanceRoutePolicy)`). */
@Module({
  imports: [DiscoveryModule],
  providers: [RouteCatalog, MaintenanceRoutePolicy],
  exports: [MaintenanceRoutePolicy],
})
export class RoutePolicyModule {}
