import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { forbiddenProblem } from '../common/problem.js';
import { constantTimeEqual } from '../common/secrets.js';
import { AUTH_SKIP_CSRF } from './auth.decorators.js';
import { principalOf } from './principal.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/** HTML forms send the token as a `_csrf` field; it is removed so body validation never sees it. */
function takeFormToken(request: Request): unknown {
  const body = request.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || !('_csrf' in body)) return undefined;
  const token = body._csrf;
  delete body._csrf;
  return token;
}

/** A state-changing request authenticated by the session cookie must carry that session's CSRF token. */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(request.method)) return true;
    const principal = principalOf(request);
    if (principal.kind !== 'user') return true;
    if (
      this.reflector.getAllAndOverride<boolean>(AUTH_SKIP_CSRF, [
        context.getHandler(),
        context.getClass(),
      ])
    ) {
      return true;
    }
    const sent = request.get(CSRF_HEADER) ?? takeFormToken(request);
    if (typeof sent !== 'string' || !constantTimeEqual(sent, principal.csrfToken)) {
      throw forbiddenProblem('Missing or invalid X-CSRF-Token header.');
    }
    return true;
  }
}
