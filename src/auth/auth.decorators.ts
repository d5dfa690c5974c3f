import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { IntegrationKind } from '../integrations/integration-client.entity.js';
import type { Role } from '../users/role.js';
import { principalOf, type Principal } from './principal.js';

export const AUTH_PUBLIC = 'auth:public';
export const AUTH_ROLES = 'auth:roles';
export const AUTH_INTEGRATION_KINDS = 'auth:integration-kinds';
export const AUTH_SKIP_CSRF = 'auth:skip-csrf';

/** No login needed. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(AUTH_PUBLIC, true);

/** Only signed-in users with one of these roles (default for unmarked routes: any signed-in user). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(AUTH_ROLES, roles);

/** Only machine clients of these kinds, authenticated by bearer token. */
export const IntegrationOnly = (...kinds: IntegrationKind[]): MethodDecorator & ClassDecorator =>
  SetMetadata(AUTH_INTEGRATION_KINDS, kinds);

/** A state-changing route that does not act on the session (login, activation, public forms). */
export const SkipCsrf = (): MethodDecorator & ClassDecorator => SetMetadata(AUTH_SKIP_CSRF, true);

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal =>
    principalOf(context.switchToHttp().getRequest<Request>()),
);
