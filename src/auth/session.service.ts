import { SYSTEM, Transactions } from '../database/transactions.js';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, LessThanOrEqual, Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { randomToken, sha256 } from '../common/secrets.js';
import { User } from '../users/user.entity.js';
import { Session } from './session.entity.js';

export interface ResolvedSession {
  session: Session;
  user: User;
}

/** Server-side sessions: they survive restarts and are shared by every instance. */
@Injectable()
export class SessionService {
  /** Writing last_seen_at on every request would cost a write per request; a minute's resolution is enough. */
  private static readonly TOUCH_AFTER_MS = 60_000;
  /** Touches in flight, by session: concurrent requests of one session share one write. */
  private readonly touching = new Map<string, Promise<void>>();

  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly transactions: Transactions,
  ) {}

  async create(userId: string): Promise<{ sessionId: string; session: Session }> {
    const now = this.clock.now();
    const sessionId = randomToken();
    const session = this.sessions.create({
      idHash: sha256(sessionId),
      userId,
      csrfToken: randomToken(),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.SESSION_ABSOLUTE_HOURS * 3_600_000),
    });
    await this.transactions.run(SYSTEM, (manager) => manager.insert(Session, session));
    return { sessionId, session };
  }

  /** The live session for a cookie value, or null if unknown, expired (idle or absolute) or its user is no longer active. */
  async resolve(sessionId: string): Promise<ResolvedSession | null> {
    const session = await this.sessions.findOneBy({ idHash: sha256(sessionId) });
    if (!session) return null;
    const now = this.clock.now().getTime();
    const idleLimit = session.lastSeenAt.getTime() + this.config.SESSION_IDLE_MINUTES * 60_000;
    if (now >= session.expiresAt.getTime() || now >= idleLimit) {
      await this.transactions.run(SYSTEM, (manager) =>
        manager.delete(Session, { idHash: session.idHash }),
      );
      return null;
    }
    const user = await this.users.findOneBy({ id: session.userId });
    if (!user || user.status !== 'active') return null;
    if (now - session.lastSeenAt.getTime() >= SessionService.TOUCH_AFTER_MS) {
      await this.touch(session.idHash, now);
      session.lastSeenAt = new Date(now);
    }
    return { session, user };
  }

  /**
   * One last_seen_at write per session per interval, whatever the concurrency: requests of this
   * process share the write in flight, and the UPDATE's condition makes every other instance's
   * (or a later) one update nothing once the session was touched within the interval.
   */
  private touch(idHash: string, now: number): Promise<void> {
    const inFlight = this.touching.get(idHash);
    if (inFlight) return inFlight;
    const write = this.transactions
      .run(SYSTEM, (manager) =>
        manager.update(
          Session,
          {
            idHash,
            lastSeenAt: LessThanOrEqual(new Date(now - SessionService.TOUCH_AFTER_MS)),
          },
          { lastSeenAt: new Date(now) },
        ),
      )
      .then(() => undefined)
      .finally(() => this.touching.delete(idHash));
    this.touching.set(idHash, write);
    return write;
  }

  async destroy(sessionId: string): Promise<void> {
    await this.transactions.run(SYSTEM, (manager) =>
      manager.delete(Session, { idHash: sha256(sessionId) }),
    );
  }

  async destroyExpired(): Promise<void> {
    const now = this.clock.now();
    await this.transactions.run(SYSTEM, (manager) =>
      manager.delete(Session, { expiresAt: LessThan(now) }),
    );
  }
}
