import { Inject, Injectable } from '@nestjs/common';
import { decide } from './maintenance.decision.js';
import { maintenanceRefusal } from './maintenance.errors.js';
import {
  MAINTENANCE_OPTIONS,
  type MaintenancePrincipal,
  type ResolvedMaintenanceOptions,
} from './maintenance.options.js';
import { MaintenanceStateService } from './maintenance-state.service.js';
import { maintenanceState } from './maintenance.state.js';

/**
 * R12: during downtime a regular user whose password is right gets no session but the R17 refusal.
 * The login route itself is open (@AllowDuringMaintenance), so this is the check that applies there.
 */
@Injectable()
export class MaintenanceLoginAdmission {
  constructor(
    private readonly state: MaintenanceStateService,
    @Inject(MAINTENANCE_OPTIONS) private readonly options: ResolvedMaintenanceOptions,
  ) {}

  /** Throws the R17 refusal (503) if this principal may not get a session now. */
  admit(principal: MaintenancePrincipal): void {
    const window = this.state.window();
    const now = this.options.clock.now();
    const state = maintenanceState(window, now);
    if (window && decide(principal, 'exempt-only', state, this.options.exemptions) === 'refuse') {
      throw maintenanceRefusal(window, now, this.options.defaultRetryAfterSeconds);
    }
  }
}
