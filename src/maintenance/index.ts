/**
 * The maintenance module's public API: a host imports from here only (a lint rule holds every other
 * file of this folder back; tests also have ./testing.js). See README.md in this folder.
 */

// The module and its options
export {
  MAINTENANCE_ENTITIES,
  MAINTENANCE_MIGRATIONS,
  MaintenanceModule,
} from './maintenance.module.js';
export type {
  MaintenanceAudience,
  MaintenanceModuleAsyncOptions,
  MaintenanceModuleOptions,
  SignedInCount,
} from './maintenance.options.js';
export type { MaintenanceExemptions, MaintenancePrincipal } from './rules/maintenance.principal.js';
export {
  DEFAULT_MAINTENANCE_MESSAGES,
  type MaintenanceMessages,
} from './rules/maintenance.messages.js';
export { MIN_LEAD_MINUTES } from './rules/maintenance.rules.js';
export { MAINTENANCE_STATES, secondsUntil } from './rules/maintenance.state.js';

// Requests: guard, interceptor, decorators, refusals and their renderer
export { MaintenanceGuard } from './http/maintenance.guard.js';
export { MaintenanceAdminGuard } from './http/maintenance-admin.guard.js';
export { MaintenanceCountdownInterceptor } from './http/maintenance-countdown.interceptor.js';
export {
  AllowDuringMaintenance,
  isPageRoute,
  MAINTENANCE_PUBLIC,
  MaintenancePageRoute,
  routePolicyOf,
} from './http/maintenance.decorators.js';
export { MaintenanceProblem, MaintenanceRefusal } from './http/maintenance.problems.js';
export { renderMaintenanceProblem } from './http/maintenance-problem.renderer.js';
export { MaintenanceProblemFilter } from './http/maintenance-problem.filter.js';
export { MaintenanceSettingsInput } from './http/maintenance-settings.input.js';

// Seams
export { MaintenanceStorage } from './persistence/maintenance.storage.js';
export { MaintenanceChangeNotifier } from './persistence/maintenance.notifier.js';

// Services for pages, logins, writes and metrics
export { MaintenanceStatusService } from './runtime/maintenance-status.service.js';
export { MaintenanceSettingsService } from './runtime/maintenance-settings.service.js';
export { MaintenanceImpactService } from './runtime/maintenance-impact.service.js';
export { MaintenanceLoginAdmission } from './runtime/maintenance.login-admission.js';
export { MaintenanceWriteFence } from './runtime/maintenance.write-fence.js';
export { MaintenanceStateService } from './runtime/maintenance-state.service.js';
export { MaintenanceRefusalCounter } from './runtime/maintenance-refusal.counter.js';
export type {
  MaintenanceEventView,
  MaintenanceImpactView,
  MaintenanceSettingsView,
  MaintenanceStatusView,
} from './runtime/maintenance.views.js';
