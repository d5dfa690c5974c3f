import { SetMetadata } from '@nestjs/common';

export const MAINTENANCE_ALLOW = 'maintenance:allow-during-downtime';
export const MAINTENANCE_PAGE = 'maintenance:page-route';

/**
 * The route stays open to every principal during downtime (R13). Declared on the handler or the
 * controller, never derived from the URL (R20).
 */
export const AllowDuringMaintenance = (): MethodDecorator & ClassDecorator =>
  SetMetadata(MAINTENANCE_ALLOW, true);

/** The route renders a page: a refusal redirects (303) to /maintenance instead of answering 503 (R14). */
export const MaintenancePageRoute = (): MethodDecorator & ClassDecorator =>
  SetMetadata(MAINTENANCE_PAGE, true);
