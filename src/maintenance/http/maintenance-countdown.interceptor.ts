import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Response } from 'express';
import type { Observable } from 'rxjs';
import { MAINTENANCE_OPTIONS, type ResolvedMaintenanceOptions } from '../maintenance.options.js';
import { countdownHeaders } from '../rules/maintenance.state.js';
import { MaintenanceStateService } from '../runtime/maintenance-state.service.js';

/**
 * R11: `Maintenance-Starts-At` and `Maintenance-Countdown` on every routed response while a window is
 * open. Set before the handler runs, so validation and handler errors carry them too; the guard sets
 * them on its own refusals. Requests that no route matches (404) and refusals of guards that run
 * before interceptors go without.
 */
@Injectable()
export class MaintenanceCountdownInterceptor implements NestInterceptor {
  constructor(
    private readonly state: MaintenanceStateService,
    @Inject(MAINTENANCE_OPTIONS) private readonly options: ResolvedMaintenanceOptions,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const response = context.switchToHttp().getResponse<Response>();
      const headers = countdownHeaders(this.state.window(), this.options.clock.now());
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    }
    return next.handle();
  }
}
