import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { forbiddenProblem, unauthorizedProblem } from '../common/problem.js';
import { MAINTENANCE_MESSAGES } from './maintenance.errors.js';
import { MAINTENANCE_OPTIONS, type ResolvedMaintenanceOptions } from './maintenance.options.js';

/** R1: only the admin roles (customer admins and consultants) read or change the setting; anonymous gets 401. */
@Injectable()
export class MaintenanceAdminGuard implements CanActivate {
  constructor(@Inject(MAINTENANCE_OPTIONS) private readonly options: ResolvedMaintenanceOptions) {}

  canActivate(context: ExecutionContext): boolean {
    const principal = this.options.getPrincipal(context.switchToHttp().getRequest<Request>());
    if (principal.kind === 'anonymous')
      throw unauthorizedProblem(MAINTENANCE_MESSAGES.signInFirst());
    if (principal.kind !== 'user' || !this.options.adminRoles.includes(principal.role)) {
      throw forbiddenProblem(MAINTENANCE_MESSAGES.adminOnly());
    }
    return true;
  }
}
