import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { MAINTENANCE_OPTIONS, type ResolvedMaintenanceOptions } from './maintenance.options.js';
import { MaintenanceStateService } from './maintenance-state.service.js';
import { secondsUntil } from './maintenance.state.js';

export const STARTS_AT_HEADER = 'Maintenance-Starts-At';
export const COUNTDOWN_HEADER = 'Maintenance-Countdown';

/**
 * R11 on every response while a window is scheduled or active: set before routing, so refusals by
 * the guard, 404s and errors carry the headers too (an interceptor would miss all three).
 */
@Injectable()
export class MaintenanceHeadersMiddleware implements NestMiddleware {
  constructor(
    private readonly state: MaintenanceStateService,
    @Inject(MAINTENANCE_OPTIONS) private readonly options: ResolvedMaintenanceOptions,
  ) {}

  use(_request: Request, response: Response, next: NextFunction): void {
    const window = this.state.window();
    if (window) {
      response.setHeader(STARTS_AT_HEADER, window.startsAt.toISOString());
      response.setHeader(
        COUNTDOWN_HEADER,
        String(secondsUntil(window.startsAt, this.options.clock.now())),
      );
    }
    next();
  }
}
