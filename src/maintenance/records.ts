/**
 * The module's TypeORM records, for a host that reports on the window and its event history in SQL
 * (read only: every change goes through MaintenanceSettingsService, which keeps R5 and R6). A separate
 * entry, like testing.ts, so that index.ts stays the narrow API and a host opts into this coupling.
 */
export { MaintenanceEventEntity } from './persistence/maintenance-event.entity.js';
export { MaintenanceWindowEntity } from './persistence/maintenance-window.entity.js';
