import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { MAINTENANCE_ALLOW, MAINTENANCE_PAGE } from './maintenance.decorators.js';
import { decide, type RoutePolicy } from './maintenance.decision.js';
import { maintenanceRefusal } from './maintenance.errors.js';
import { MAINTENANCE_OPTIONS, type ResolvedMaintenanceOptions } from './maintenance.options.js';
import { MaintenanceStateService } from './maintenance-state.service.js';
import { maintenanceState } from './maintenance.state.js';

/** A route's policy during downtime, from its decorators (never from its URL, R20). */
export function routePolicyOf(reflector: Reflector, targets: Array<object>): RoutePolicy {
  return reflector.getAllAndOverride<boolean>(MAINTENANCE_ALLOW, targets as never)
    ? 'open'
    : 'exempt-only';
}

/**
 * The lockout (R14, R17, R20). Register it as the first APP_GUARD. It reads the in-memory snapshot
 * only, never the database; before the start it lets everything through without looking further.
 */
@Injectable()
export class MaintenanceGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly state: MaintenanceStateService,
    @Inject(MAINTENANCE_OPTIONS) private readonly options: ResolvedMaintenanceOptions,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const window = this.state.window();
    const now = this.options.clock.now();
    const state = maintenanceState(window, now);
    if (!window || state !== 'active') return true;
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<Request>();
    const principal = this.options.getPrincipal(request);
    const policy = routePolicyOf(this.reflector, targets);
    if (decide(principal, policy, state, this.options.exemptions) === 'allow') return true;
    if (this.reflector.getAllAndOverride<boolean>(MAINTENANCE_PAGE, targets)) {
      // A page: send the browser to the maintenance page. Returning false makes Nest raise a 403, which
      // the problem filter drops because the response has already been sent.
      const response = context.switchToHttp().getResponse<Response>();
      response.setHeader('Cache-Control', 'no-store');
      response.redirect(303, this.options.pagePath);
      return false;
    }
    throw maintenanceRefusal(window, now, this.options.defaultRetryAfterSeconds);
  }
}
