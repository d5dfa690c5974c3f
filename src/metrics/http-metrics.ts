/** The route label of a request that no handler matched: raw URLs never become labels. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The route template Express matched (e.g. `/api/contracts/:id`) when it is one of the app's handler
 * routes, else the fixed label: Express also leaves `req.route` set by a middleware's catch-all route.
 * So the number of label values stays bounded by the number of routes.
 */
export function routeLabel(route: unknown, handlerRoutes: ReadonlySet<string>): string {
  const path = (route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' && handlerRoutes.has(path) ? path : UNMATCHED_ROUTE;
}

/** `2xx`, `4xx`, …: the status class label. */
export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}
