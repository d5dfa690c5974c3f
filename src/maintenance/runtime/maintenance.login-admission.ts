import { Inject, Injectable } from '@nestjs/common';
import { MAINTENANCE_OPTIONS, type ResolvedMaintenanceOptions } from '../maintenance.options.js';
import { decide } from '../rules/maintenance.decision.js';
import { MaintenanceDowntimeError } from '../rules/maintenance.errors.js';
import type { MaintenancePrincipal } from '../rules/maintenance.principal.js';
import { maintenanceState } from '../rules/maintenance.state.js';
import { MaintenanceRefusalCounter } from './maintenance-refusal.counter.js';
import { MaintenanceStateService } from './maintenance-state.service.js';

/**
 * R12: during downtime a regular user whose password is right gets no session but the R17 refusal.
 * The login route itself is open (@AllowDuringMaintenance), so this is the check that applies there.
 */
@Injectable()
export class MaintenanceLoginAdmission {
  constructor(
    private readonly state: MaintenanceStateService,
    private readonly refusals: MaintenanceRefusalCounter,
    @Inject(MAINTENANCE_OPTIONS) private readonly options: ResolvedMaintenanceOptions,
  ) {}

  /** Throws MaintenanceDowntimeError (the R17 refusal) if this principal may not get a session now. */
  admit(principal: MaintenancePrincipal): void {
    const window = this.state.window();
    const now = this.options.clock.now();
    const state = maintenanceState(window, now);
    if (!window || decide(principal, 'exempt-only', state, this.options.exemptions) === 'allow') {
      return;
    }
    this.refusals.record(principal, 'login', window.id);
    throw new MaintenanceDowntimeError(window, now);
  }
}
