import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { forbiddenProblem, unauthorizedProblem } from '../common/problem.js';
import type { IntegrationKind } from '../integrations/integration-client.entity.js';
import { MAINTENANCE_PUBLIC } from '../maintenance/index.js';
import type { Role } from '../users/role.js';
import { AUTH_INTEGRATION_KINDS, AUTH_PUBLIC, AUTH_ROLES } from './auth.decorators.js';
import { principalOf } from './principal.js';

/**
 * Default deny: a route is for signed-in users unless marked @Public() or @IntegrationOnly(). The
 * maintenance module's public status route declares MAINTENANCE_PUBLIC, honoured like @Public().
 */
/** Open to anybody: @Public(), or the maintenance module's public status route. */
export function isPublicRoute(reflector: Reflector, targets: ReadonlyArray<object>): boolean {
  return Boolean(
    reflector.getAllAndOverride<boolean>(AUTH_PUBLIC, targets as never) ||
    reflector.getAllAndOverride<boolean>(MAINTENANCE_PUBLIC, targets as never),
  );
}

@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (isPublicRoute(this.reflector, targets)) return true;
    const principal = principalOf(context.switchToHttp().getRequest<Request>());
    const kinds = this.reflector.getAllAndOverride<IntegrationKind[] | undefined>(
      AUTH_INTEGRATION_KINDS,
      targets,
    );
    if (kinds) {
      if (principal.kind === 'anonymous') throw unauthorizedProblem('A bearer token is required.');
      if (principal.kind !== 'integration' || !kinds.includes(principal.client.kind)) {
        throw forbiddenProblem('This endpoint is not available to this client.');
      }
      return true;
    }
    if (principal.kind === 'anonymous') throw unauthorizedProblem('Sign in first.');
    if (principal.kind !== 'user') throw forbiddenProblem('This endpoint is for signed-in users.');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(AUTH_ROLES, targets);
    if (roles && !roles.includes(principal.user.role)) {
      throw forbiddenProblem('Your role does not allow this.');
    }
    return true;
  }
}
