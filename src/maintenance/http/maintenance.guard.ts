import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { MAINTENANCE_OPTIONS, type ResolvedMaintenanceOptions } from '../maintenance.options.js';
import { decide } from '../rules/maintenance.decision.js';
import { countdownHeaders, maintenanceState } from '../rules/maintenance.state.js';
import { MaintenanceRefusalCounter } from '../runtime/maintenance-refusal.counter.js';
import { MaintenanceStateService } from '../runtime/maintenance-state.service.js';
import { isPageRoute, routePolicyOf } from './maintenance.decorators.js';
import { MaintenanceProblems } from './maintenance.problems.js';

/**
 * The lockout (R14, R17, R20). Register it as the first APP_GUARD. It reads the in-memory snapshot
 * only, never the database; before the start it lets everything through without looking further.
 * It throws the typed refusal, its headers in it; MaintenanceProblemRenderer (called by whichever
 * filter the host uses) answers with them, the 503 or the 303.
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
    throw this.problems.refusal(window, now, {
      page,
      pagePath: this.options.pagePath,
      headers: countdownHeaders(window, now),
    });
  }
}
