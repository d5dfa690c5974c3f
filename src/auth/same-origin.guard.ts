import { Injectable, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { forbiddenProblem } from '../common/problem.js';
import { AppConfig } from '../config/app-config.js';

/**
 * Whether a request says it comes from another site: `Sec-Fetch-Site: cross-site`, or an
 * `Origin` that is neither this server's (as addressed) nor PUBLIC_URL's. A request without
 * either header (a non-browser client) is not cross-site.
 */
export function isCrossSite(
  headers: { origin?: string; secFetchSite?: string },
  ownOrigins: string[],
): boolean {
  if (headers.secFetchSite?.toLowerCase() === 'cross-site') return true;
  if (headers.origin === undefined) return false;
  return !ownOrigins.includes(headers.origin.toLowerCase());
}

/** Login CSRF: a cross-site page must not sign a browser in or out, nor activate an account. */
@Injectable()
export class SameOriginGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const own = [
      new URL(this.config.PUBLIC_URL).origin,
      `${request.protocol}://${request.get('host') ?? ''}`.toLowerCase(),
    ];
    const crossSite = isCrossSite(
      { origin: request.get('origin'), secFetchSite: request.get('sec-fetch-site') },
      own,
    );
    if (crossSite) throw forbiddenProblem('This request must come from this site.');
    return true;
  }
}

export const SameOriginOnly = (): MethodDecorator & ClassDecorator => UseGuards(SameOriginGuard);
