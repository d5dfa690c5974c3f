import { Transactions } from '../database/transactions.js';
import { ANONYMOUS } from './principal.js';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { DependencyUnavailable } from '../common/dependency-failure.js';
import { fieldProblem, unauthorizedProblem } from '../common/problem.js';
import { sha256 } from '../common/secrets.js';
import type { Role } from '../users/role.js';
import { toPublicUser, User, type PublicUser } from '../users/user.entity.js';
import { DeviceCookies } from './device-cookie.js';
import { LoginAdmission } from './login-admission.js';
import { LoginThrottle, type GuardedAttempt, type Reservation } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionService } from './session.service.js';

export interface LoginResult {
  user: PublicUser;
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  /** The device cookie that marks this browser as trusted for the account from now on. */
  deviceCookie: string;
}

/**
 * Who may still sign in while the shared rate-limit store is down (counted in this process
 * instead): the roles that keep working during downtime, so that they can turn maintenance off.
 * Everyone else gets 503 with Retry-After until the store is back.
 */
export const SIGN_IN_WITHOUT_RATE_LIMIT_STORE: readonly Role[] = ['CUSTOMER_ADMIN', 'CONSULTANT'];

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');
  /** Verified against when the account is unknown, so both paths take as long. */
  private dummyHash?: Promise<string>;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly sessions: SessionService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly admission: LoginAdmission,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
    private readonly devices: DeviceCookies,
  ) {}

  async login(
    email: string,
    password: string,
    address: string,
    deviceCookie?: string,
  ): Promise<LoginResult> {
    const deviceId = this.devices.trusted(email, deviceCookie);
    const reservation = await this.reserve('login', address, email, deviceId);
    const user = await this.users.findOneBy({ email: email.toLowerCase() });
    const valid = user?.passwordHash
      ? await this.hasher.verify(user.passwordHash, password)
      : await this.hasher.verify(
          await (this.dummyHash ??= this.hasher.hash('dummy-password')),
          password,
        );
    const admitted = user && valid && user.status === 'active';
    if (
      reservation.degraded &&
      !(admitted && SIGN_IN_WITHOUT_RATE_LIMIT_STORE.includes(user.role))
    ) {
      // Without the shared store only those roles get in; nobody learns whether a password was right.
      if (admitted) await this.throttle.release(reservation);
      throw new DependencyUnavailable('rate-limit store');
    }
    if (!admitted) {
      this.logger.warn({ event: 'login-failed', email: email.toLowerCase(), address });
      throw unauthorizedProblem('The e-mail address or password is incorrect.');
    }
    await this.throttle.release(reservation);
    const publicUser = toPublicUser(user);
    this.admission.admit(publicUser);
    const { sessionId, session } = await this.sessions.create(user.id);
    this.logger.log({ event: 'login', userId: user.id, role: user.role });
    return {
      user: publicUser,
      sessionId,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
      deviceCookie: this.devices.issue(user.email, deviceId),
    };
  }

  private async reserve(
    attempt: GuardedAttempt,
    address: string,
    email?: string,
    deviceId?: string,
  ): Promise<Reservation> {
    try {
      return await this.throttle.reserve(attempt, address, email, deviceId);
    } catch (error) {
      this.logger.warn({ event: `${attempt}-throttled`, email: email?.toLowerCase(), address });
      throw error;
    }
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.destroy(sessionId);
  }

  /** Activates an invited account with its single-use, expiring token. */
  async activate(token: string, password: string, address: string): Promise<PublicUser> {
    const reservation = await this.reserve('activation', address);
    const user = await this.users.findOneBy({ activationTokenHash: sha256(token) });
    if (!user || user.status !== 'invited' || !user.activationExpiresAt) {
      throw fieldProblem('token', 'is unknown or has already been used');
    }
    if (user.activationExpiresAt.getTime() <= this.clock.now().getTime()) {
      throw fieldProblem('token', 'has expired; ask your administrator for a new invitation');
    }
    const passwordHash = await this.hasher.hash(password);
    // The token hash in the WHERE clause makes a concurrent second use of the same token update nothing.
    const result = await this.transactions.run(ANONYMOUS, (manager) =>
      manager.update(
        User,
        { id: user.id, activationTokenHash: user.activationTokenHash!, status: 'invited' },
        { passwordHash, status: 'active', activationTokenHash: null, activationExpiresAt: null },
      ),
    );
    if (!result.affected) throw fieldProblem('token', 'is unknown or has already been used');
    await this.throttle.release(reservation);
    this.logger.log({ event: 'account-activated', userId: user.id });
    return toPublicUser({ ...user, status: 'active' });
  }
}
