import type { DataSource } from 'typeorm';
import { Session } from '../auth/session.entity.js';
import type { AppConfig } from '../config/app-config.js';
import type { MaintenanceAudience, SignedInCount } from '../maintenance/index.js';
import type { Role } from '../users/role.js';
import { User } from '../users/user.entity.js';

/**
 * Who a window would cut off: distinct active regular users with a live session (not ended, not
 * past its idle or absolute expiry) used in the last MAINTENANCE_IMPACT_ACTIVE_MINUTES. A session's
 * last use is its last_seen_at, which the session service refreshes at most once a minute.
 */
export class SessionAudience implements MaintenanceAudience {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    /** The roles a window locks out, each present in the count. */
    private readonly regularRoles: readonly Role[],
  ) {}

  async signedIn(now: Date): Promise<SignedInCount> {
    const minutes = Math.min(
      this.config.MAINTENANCE_IMPACT_ACTIVE_MINUTES,
      this.config.SESSION_IDLE_MINUTES,
    );
    const rows = await this.dataSource
      .getRepository(Session)
      .createQueryBuilder('s')
      .innerJoin(User, 'u', 'u.id = s.user_id')
      .select('u.role', 'role')
      .addSelect('COUNT(DISTINCT u.id)', 'n')
      .where('u.role IN (:...roles)', { roles: this.regularRoles })
      .andWhere("u.status = 'active'")
      .andWhere('s.expires_at > :now', { now: now.getTime() })
      .andWhere('s.last_seen_at > :since', { since: now.getTime() - minutes * 60_000 })
      .groupBy('u.role')
      .getRawMany<{ role: Role; n: string | number }>();
    const byRole = Object.fromEntries(this.regularRoles.map((role) => [role, 0]));
    for (const row of rows) byRole[row.role] = Number(row.n);
    // A user has one role, so the distinct users per role add up to the distinct users.
    const total = Object.values(byRole).reduce((sum, n) => sum + n, 0);
    return { total, byRole };
  }
}
