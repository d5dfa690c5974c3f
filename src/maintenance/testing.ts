/**
 * For tests and benchmarks only (never for production code): the module's timers and the parts a
 * test drives directly.
 */
export { MaintenanceProblems } from './http/maintenance.problems.js';
export { STARTS_AT_HEADER } from './rules/maintenance.state.js';
export { PostgresNotifier } from './persistence/maintenance.notifier.js';
export {
  BACKSTOP_INTERVAL,
  DOWNTIME_START_TIMEOUT,
  MaintenanceScheduler,
} from './runtime/maintenance.scheduler.js';
