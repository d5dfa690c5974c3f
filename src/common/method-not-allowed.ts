import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { match } from 'path-to-regexp';
import { ProblemException, problemType } from './problem.js';

/** A route as the route catalogue lists it: `GET` and `/api/contracts/:id`. */
export interface RouteTemplate {
  method: string;
  path: string;
}

/**
 * The methods a path answers (the `Allow` list), or null for a path no route has. HEAD comes with
 * GET (Express answers it from the GET handler).
 */
export function methodsAllowed(
  routes: readonly RouteTemplate[],
): (path: string) => string[] | null {
  const matchers = routes.map((route) => ({
    method: route.method,
    matches: match(route.path, { decode: false }),
  }));
  return (path) => {
    const methods = new Set(matchers.filter((m) => m.matches(path)).map((m) => m.method));
    if (methods.size === 0) return null;
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}

/**
 * 405 with `Allow` for a known path and a method none of its routes has (TRACE, PUT on a list…);
 * an unknown path goes on to the 404. OPTIONS always goes on: CORS preflights are answered later.
 */
export function refuseUnsupportedMethods(routes: readonly RouteTemplate[]) {
  const allowedFor = methodsAllowed(routes);
  return (request: Request, _response: Response, next: NextFunction): void => {
    const allowed = request.method === 'OPTIONS' ? null : allowedFor(request.path);
    if (!allowed || allowed.includes('ALL') || allowed.includes(request.method)) return next();
    next(
      new ProblemException(
        {
          type: problemType('method-not-allowed'),
          title: 'Method not allowed',
          status: HttpStatus.METHOD_NOT_ALLOWED,
          detail: `${request.method} is not supported here; use ${allowed.join(', ')}.`,
        },
        { Allow: allowed.join(', ') },
      ),
    );
  };
}
