import {
  Inject,
  Injectable,
  Catch,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { MAINTENANCE_OPTIONS, type ResolvedMaintenanceOptions } from '../maintenance.options.js';
import { MaintenanceError } from '../rules/maintenance.errors.js';
import { renderMaintenanceProblem } from './maintenance-problem.renderer.js';
import { MaintenanceProblem, MaintenanceProblems } from './maintenance.problems.js';

/**
 * For hosts without an exception filter of their own: the module's problems, and a core error that
 * reached it unmapped (outside a route of the module's interceptor: answered as an API request).
 */
@Catch(MaintenanceProblem, MaintenanceError)
@Injectable()
export class MaintenanceProblemFilter implements ExceptionFilter {
  constructor(
    private readonly problems: MaintenanceProblems,
    @Inject(MAINTENANCE_OPTIONS) private readonly options: ResolvedMaintenanceOptions,
  ) {}

  catch(exception: MaintenanceProblem | MaintenanceError, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const problem =
      exception instanceof MaintenanceProblem
        ? exception
        : this.problems.fromError(exception, this.options.clock.now(), {
            page: false,
            pagePath: null,
          });
    if (!problem) throw exception;
    renderMaintenanceProblem(
      problem,
      request,
      http.getResponse<Response>(),
      this.options.languageOf(request),
    );
  }
}
