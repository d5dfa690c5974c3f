/**
 * The maintenance module's public API: the host imports from here only. Everything under this folder
 * depends on packages alone (Nest, TypeORM, express types, pg), so the folder lifts into any Nest app.
 */
export {
  MAINTENANCE_ENTITIES,
  MAINTENANCE_MIGRATIONS,
  MaintenanceModule,
} from './maintenance.module.js';
export {
  MAINTENANCE_OPTIONS,
  type MaintenanceAudience,
  type MaintenanceModuleAsyncOptions,
  type MaintenanceModuleOptions,
  type MaintenanceTransactionRunner,
  type ResolvedMaintenanceOptions,
  type SignedInCount,
} from './maintenance.options.js';

// Rules (pure)
export {
  isExempt,
  MAINTENANCE_PRINCIPAL_KINDS,
  type MaintenanceExemptions,
  type MaintenancePrincipal,
  type MaintenancePrincipalKind,
  type RefusalsByPrincipal,
} from './rules/maintenance.principal.js';
export {
  decide,
  ROUTE_POLICIES,
  type Decision,
  type RoutePolicy,
} from './rules/maintenance.decision.js';
export {
  COUNTDOWN_HEADER,
  countdownHeaders,
  isActiveTooLong,
  MAINTENANCE_STATES,
  maintenanceState,
  retryAfterSeconds,
  secondsUntil,
  STARTS_AT_HEADER,
  type MaintenanceState,
  type OpenWindow,
} from './rules/maintenance.state.js';
export {
  earliestStart,
  FIRST_YEAR,
  LAST_YEAR,
  MAX_MESSAGE_LENGTH,
  MIN_LEAD_MINUTES,
  parseRfc3339,
  readInstant,
} from './rules/maintenance.rules.js';

// HTTP surface
export {
  AllowDuringMaintenance,
  MAINTENANCE_ALLOW,
  MAINTENANCE_PAGE,
  MAINTENANCE_PUBLIC,
  MaintenancePageRoute,
  MaintenancePublicRoute,
} from './http/maintenance.decorators.js';
export { MaintenanceGuard, routePolicyOf } from './http/maintenance.guard.js';
export { MaintenanceAdminGuard } from './http/maintenance-admin.guard.js';
export { MaintenanceCountdownInterceptor } from './http/maintenance-countdown.interceptor.js';
export { MaintenanceProblemFilter } from './http/maintenance-problem.filter.js';
export {
  MAINTENANCE_PROBLEM_TYPE,
  MaintenanceProblem,
  MaintenanceProblems,
  MaintenanceRefusal,
  type MaintenanceProblemDocument,
} from './http/maintenance.problems.js';
export {
  DEFAULT_MAINTENANCE_MESSAGES,
  type MaintenanceMessageCatalogue,
  type MaintenanceMessages,
} from './http/maintenance.messages.js';
export { RouteCatalog, type CatalogRoute } from './http/route-catalog.js';
export {
  formatRoutePolicyTable,
  MaintenanceRoutePolicy,
  type RoutePolicyRow,
} from './http/maintenance.route-policy.js';
export {
  MaintenanceSettingsController,
  MaintenanceStatusController,
} from './http/maintenance.controller.js';
export {
  AcknowledgeNoticeDto,
  MaintenanceEventDto,
  MaintenanceEventsDto,
  MaintenanceEventsQueryDto,
  MaintenanceImpactDto,
  MaintenanceSettingsDto,
  MaintenanceStatusDto,
  UpdateMaintenanceSettingsDto,
} from './http/maintenance.dto.js';

// Persistence and propagation
export {
  MaintenanceStorage,
  StaleVersionError,
  type FenceReading,
  type MaintenanceEventRecord,
  type MaintenanceWindowRecord,
  type NewMaintenanceEvent,
  type WindowFields,
} from './persistence/maintenance.storage.js';
export { TypeOrmMaintenanceStorage } from './persistence/maintenance.typeorm-storage.js';
export {
  createNotifier,
  InProcessNotifier,
  MaintenanceChangeNotifier,
  PostgresNotifier,
} from './persistence/maintenance.notifier.js';
export {
  MAINTENANCE_EVENT_TYPES,
  MaintenanceEventEntity,
  type MaintenanceEventType,
} from './persistence/maintenance-event.entity.js';
export { MaintenanceNoticeAckEntity } from './persistence/maintenance-notice-ack.entity.js';
export { MaintenanceRefusalCountEntity } from './persistence/maintenance-refusal-count.entity.js';
export { MaintenanceWindowEntity } from './persistence/maintenance-window.entity.js';
export { Maintenance1764300100000 } from './persistence/migrations/1764300100000-maintenance.js';
export { MaintenanceImpact1764300400000 } from './persistence/migrations/1764300400000-maintenance-impact.js';

// Runtime
export {
  MaintenanceStateService,
  type SnapshotListener,
} from './runtime/maintenance-state.service.js';
export {
  BACKSTOP_INTERVAL,
  DOWNTIME_START_TIMEOUT,
  MaintenanceScheduler,
} from './runtime/maintenance.scheduler.js';
export {
  MaintenanceImpactService,
  REFUSAL_FLUSH_INTERVAL,
} from './runtime/maintenance-impact.service.js';
export { MaintenanceSettingsService } from './runtime/maintenance-settings.service.js';
export { MaintenanceStatusService } from './runtime/maintenance-status.service.js';
export { MaintenanceLoginAdmission } from './runtime/maintenance.login-admission.js';
export { MaintenanceWriteFence } from './runtime/maintenance.write-fence.js';
export {
  MaintenanceRefusalCounter,
  REFUSAL_SURFACES,
  type PendingRefusals,
  type RefusalCounts,
  type RefusalSurface,
} from './runtime/maintenance-refusal.counter.js';
