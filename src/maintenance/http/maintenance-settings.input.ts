import { Inject, Injectable } from '@nestjs/common';
import { MAINTENANCE_OPTIONS, type ResolvedMaintenanceOptions } from '../maintenance.options.js';
import { MaintenanceSettingsService } from '../runtime/maintenance-settings.service.js';
import type { MaintenanceSettingsView } from '../runtime/maintenance.views.js';
import { UpdateMaintenanceSettingsDto } from './maintenance.dto.js';
import { MaintenanceProblems } from './maintenance.problems.js';
import { MaintenanceValidationPipe, settingsChangeOf } from './maintenance.validation.js';

/**
 * A change of the setting from outside the API (a form, a command line) checked exactly as
 * PUT on the settings route checks it: the same DTO, the same pipe, the same problems.
 */
@Injectable()
export class MaintenanceSettingsInput {
  constructor(
    private readonly pipe: MaintenanceValidationPipe,
    private readonly settings: MaintenanceSettingsService,
    private readonly problems: MaintenanceProblems,
    @Inject(MAINTENANCE_OPTIONS) private readonly options: ResolvedMaintenanceOptions,
  ) {}

  /** Validates `body` (the PUT body's fields) and applies it; every refusal is a MaintenanceProblem. */
  async apply(body: unknown, actor: string): Promise<MaintenanceSettingsView> {
    return this.update(await this.validate(body), actor);
  }

  /** Only the validation of `apply` (a field error is a MaintenanceProblem naming the field). */
  validate(body: unknown): Promise<UpdateMaintenanceSettingsDto> {
    return this.pipe.as(UpdateMaintenanceSettingsDto, body);
  }

  /** Applies a validated body; a rule it breaks (R2–R6) is a MaintenanceProblem. */
  async update(
    body: UpdateMaintenanceSettingsDto,
    actor: string,
  ): Promise<MaintenanceSettingsView> {
    try {
      return await this.settings.update(settingsChangeOf(body), actor);
    } catch (error) {
      throw (
        this.problems.fromError(error, this.options.clock.now(), { page: false, pagePath: null }) ??
        error
      );
    }
  }
}
