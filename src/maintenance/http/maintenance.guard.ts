import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { MAINTENANCE_OPTIONS, type ResolvedMaintenanceOptions } from '../maintenance.options.js';
import { decide, type RoutePolicy } from '../rules/maintenance.decision.js';
import { countdownHeaders, maintenanceState } from '../rules/maintenance.state.js';
import { MaintenanceRefusalCounter } from '../runtime/maintenance-refusal.counter.js';
import { MaintenanceStateService } from '../runtime/maintenance-state.service.js';
import { MAINTENANCE_ALLOW, MAINTENANCE_PAGE } from './maintenance.decorators.js';
import { MaintenanceProblems } from './maintenance.problems.js';

/** A route's policy during downtime, from its decorators (never from its URL, R20). */
export function routePolicyOf(reflector: Reflector, targets: Array<object>): RoutePolicy {
  return reflector.getAllAndOverride<boolean>(MAINTENANCE_ALLOW, targets as never)
    ? 'open'
    : 'exempt-only';
}

/** Whether a refusal of the route is answered with the 303 to the maintenance page (R14). */
export function isPageRoute(reflector: Reflector, targets: Array<object>): boolean {
  return reflector.getAllAndOverride<boolean>(MAINTENANCE_PAGE, targets as never) ?? false;
}

/**
 * The lockout (R14, R17, R20). Register it as the first APP_GUARD. It reads the in-memory snapshot
 * only, never the database; before the start it lets everything through without looking further.
 * Like throttler's guard with Retry-After, it sets the refusal's headers on the response before
 * throwing the typed refusal; the host's error handling turns that into the 503 or the 303.
 */
@Injectable()
export class MaintenanceGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly state: MaintenanceStateService,
    private readonly problems: MaintenanceProblems,
    private readonly refusals: MaintenanceRefusalCounter,
    @Inject(MAINTENANCE_OPTIONS) private readonly options: ResolvedMaintenanceOptions,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const window = this.state.window();
    const now = this.options.clock.now();
    const state = maintenanceState(window, now);
    if (!window || state !== 'active') return true;
    const targets = [context.getHandler(), context.getClass()];
    const http = context.switchToHttp();
    const principal = this.options.getPrincipal(http.getRequest<Request>());
    const policy = routePolicyOf(this.reflector, targets);
    if (decide(principal, policy, state, this.options.exemptions) === 'allow') return true;
    const page = isPageRoute(this.reflector, targets);
    this.refusals.record(principal, page ? 'page' : 'api', window.id);
    const refusal = this.problems.refusal(window, now, this.options.defaultRetryAfterSeconds, {
      pagePath: this.options.pagePath,
      page,
      headers: countdownHeaders(window, now),
    });
    const response = http.getResponse<Response>();
    for (const [name, value] of Object.entries(refusal.headers)) response.setHeader(name, value);
    throw refusal;
  }
}
