import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { catchError, type Observable } from 'rxjs';
import { MAINTENANCE_OPTIONS, type ResolvedMaintenanceOptions } from '../maintenance.options.js';
import { countdownHeaders } from '../rules/maintenance.state.js';
import { MaintenanceStateService } from '../runtime/maintenance-state.service.js';
import { isPageRoute } from './maintenance.decorators.js';
import { MaintenanceProblems } from './maintenance.problems.js';

/**
 * R11: `Maintenance-Starts-At` and `Maintenance-Countdown` on every routed response while a window is
 * open. Set before the handler runs, so validation and handler errors carry them too; the guard's
 * refusals carry them in their own headers. Requests that no route matches (404) go without.
 *
 * It also maps the core's errors that reach the route (the write fence's refusal at commit, R15;
 * the login's, R12) to the module's problems, a refused page route to the 303 (R14).
 */
@Injectable()
export class MaintenanceCountdownInterceptor implements NestInterceptor {
  constructor(
    private readonly state: MaintenanceStateService,
    private readonly problems: MaintenanceProblems,
    private readonly reflector: Reflector,
    @Inject(MAINTENANCE_OPTIONS) private readonly options: ResolvedMaintenanceOptions,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    const headers = countdownHeaders(this.state.window(), this.options.clock.now());
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    return next.handle().pipe(
      catchError((error: unknown) => {
        const now = this.options.clock.now();
        throw (
          this.problems.fromError(error, now, {
            page: isPageRoute(this.reflector, [context.getHandler(), context.getClass()]),
            pagePath: this.options.pagePath,
            headers: countdownHeaders(this.state.window(), now),
          }) ?? error
        );
      }),
    );
  }
}
