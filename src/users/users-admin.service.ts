import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { SYSTEM, Transactions } from '../database/transactions.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import { Session } from '../auth/session.entity.js';
import { Clock } from '../common/clock.js';
import {
  conflictProblem,
  fieldProblem,
  notFoundProblem,
  type ProblemException,
} from '../common/problem.js';
import { randomToken, sha256 } from '../common/secrets.js';
import { Company } from '../companies/company.entity.js';
import { AppConfig } from '../config/app-config.js';
import { Mailer } from '../mail/mailer.js';
import { composeInvitationMail } from './invitation-mail.js';
import { ADMIN_ROLE, companyFor, decideUserChange, lacksCompany } from './user-admin.rules.js';
import { User } from './user.entity.js';
import type {
  AdminUserDto,
  AdminUserPageDto,
  CreateUserDto,
  UpdateUserDto,
  UsersQueryDto,
} from './users.dto.js';

/**
 * User administration is for the admin roles (exempt from the lockout) and the operator's command
 * line only, so its writes are the platform's own to the write fence.
 */
const ADMINISTRATION = SYSTEM;

/** A user together with the activation link of its new invitation (for the command line only). */
export interface InvitedUser {
  user: AdminUserDto;
  activationLink: string;
  mailed: boolean;
}

function toAdminUser(user: User): AdminUserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    status: user.status,
    companyId: user.companyId,
    createdAt: user.createdAt.toISOString(),
    invitationExpiresAt:
      user.status === 'invited' ? (user.activationExpiresAt?.toISOString() ?? null) : null,
  };
}

const emailTaken = (): ProblemException =>
  conflictProblem('A user with this e-mail address already exists.');

/** `%` and `_` typed in a search are meant literally. */
const likePattern = (text: string): string => `%${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;

/**
 * User administration: invitations (reusing the activation flow of the auth module), roles and
 * disabling. Every change is logged as one JSON line with its actor.
 */
@Injectable()
export class UsersAdminService {
  private readonly logger = new Logger('Users');

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async list(query: UsersQueryDto): Promise<AdminUserPageDto> {
    const builder = this.users.createQueryBuilder('user').orderBy('user.email', 'ASC');
    if (query.role) builder.andWhere('user.role = :role', { role: query.role });
    if (query.status) builder.andWhere('user.status = :status', { status: query.status });
    if (query.q?.trim()) {
      builder.andWhere(
        "(LOWER(user.email) LIKE :q ESCAPE '\\' OR LOWER(user.displayName) LIKE :q ESCAPE '\\')",
        { q: likePattern(query.q.trim()) },
      );
    }
    const [items, total] = await builder
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: items.map(toAdminUser), total };
  }

  /** Creates an invited user and sends the invitation (when SMTP is configured). */
  async create(input: CreateUserDto, actor: string): Promise<InvitedUser> {
    const email = input.email.toLowerCase();
    const companyId = companyFor(input.role, input.companyId ?? null);
    if (lacksCompany(input.role, companyId)) {
      throw fieldProblem('companyId', 'is required for a CLIENT');
    }
    if (companyId) await this.assertCompany(companyId);
    if (await this.users.existsBy({ email })) throw emailTaken();
    const { token, hash, expiresAt } = this.newInvitation();
    const user = this.users.create({
      id: randomUUID(),
      email,
      displayName: input.displayName,
      role: input.role,
      status: 'invited',
      passwordHash: null,
      companyId,
      activationTokenHash: hash,
      activationExpiresAt: expiresAt,
      createdAt: this.clock.now(),
    });
    try {
      await this.transactions.run(ADMINISTRATION, (manager) => manager.insert(User, user));
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    return this.invite(user, token, (invitation) =>
      this.logged('user.created', actor, user, {
        email,
        displayName: user.displayName,
        role: user.role,
        companyId,
        invitation,
      }),
    );
  }

  /** A new invitation for an invited user; the previous token stops working. */
  async reinvite(id: string, actor: string): Promise<InvitedUser> {
    const user = await this.find(id);
    if (user.status !== 'invited') {
      throw conflictProblem(
        `This user is ${user.status}; only invited users get a new invitation.`,
      );
    }
    const { token, hash, expiresAt } = this.newInvitation();
    const result = await this.transactions.run(ADMINISTRATION, (manager) =>
      manager.update(
        User,
        { id, status: 'invited' },
        { activationTokenHash: hash, activationExpiresAt: expiresAt },
      ),
    );
    if (!result.affected) throw conflictProblem('This user was activated in the meantime.');
    const invited = { ...user, activationTokenHash: hash, activationExpiresAt: expiresAt };
    return this.invite(invited, token, (invitation) =>
      this.logged('user.invited', actor, invited, { invitation }),
    );
  }

  /** Renames, changes the role, disables (ending the sessions at once) or enables a user. */
  async update(id: string, change: UpdateUserDto, actor: string): Promise<AdminUserDto> {
    if (change.companyId) await this.assertCompany(change.companyId);
    const { before, after } = await this.transactions.run(ADMINISTRATION, async (manager) => {
      const { current, otherActiveAdmins } = await this.lockForChange(manager, id);
      if (!current) throw notFoundProblem('No user with this id.');
      const decision = decideUserChange(
        { ...current, hasPassword: current.passwordHash !== null },
        change,
        otherActiveAdmins,
      );
      switch (decision.kind) {
        case 'invalid':
          throw fieldProblem(decision.field, 'is required for a CLIENT');
        case 'refuse':
          throw conflictProblem(
            decision.reason === 'last-admin'
              ? 'This is the last active customer admin; make another user customer admin first.'
              : 'An invited user becomes active by accepting the invitation; send a new one instead.',
          );
        case 'apply': {
          const next = {
            ...decision.next,
            displayName: change.displayName ?? current.displayName,
          };
          // Disabling also revokes an open invitation: enabling again must not revive its link.
          const revoked =
            next.status === 'disabled'
              ? { activationTokenHash: null, activationExpiresAt: null }
              : {};
          await manager.update(User, { id }, { ...next, ...revoked });
          if (next.status === 'disabled') await manager.delete(Session, { userId: id });
          return { before: current, after: { ...current, ...next, ...revoked } };
        }
        default: {
          const unreachable: never = decision;
          return unreachable;
        }
      }
    });
    const fields = ['displayName', 'role', 'status', 'companyId'] as const;
    const changed = fields.filter((field) => before[field] !== after[field]);
    if (changed.length > 0) {
      this.logged('user.updated', actor, after, {
        old: Object.fromEntries(changed.map((field) => [field, before[field]])),
        new: Object.fromEntries(changed.map((field) => [field, after[field]])),
      });
    }
    return toAdminUser(after);
  }

  private async find(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFoundProblem('No user with this id.');
    return user;
  }

  private async assertCompany(companyId: string): Promise<void> {
    const company = await this.dataSource.getRepository(Company).findOneBy({ id: companyId });
    if (!company) throw fieldProblem('companyId', 'is not a known company');
    // A deactivated company takes no new clients (issue 15).
    if (!company.active) throw fieldProblem('companyId', 'is a deactivated company');
  }

  /**
   * The user to change and the number of other active customer admins, read in one statement. On
   * PostgreSQL it locks all their rows (the user's own included) in one fixed order, by id, so that
   * concurrent changes queue instead of deadlocking, and two of them cannot each leave the other as
   * "the last one" and end with none (SQLite runs one transaction at a time anyway).
   */
  private async lockForChange(
    manager: EntityManager,
    id: string,
  ): Promise<{ current: User | undefined; otherActiveAdmins: number }> {
    const query = manager
      .createQueryBuilder(User, 'user')
      .where('user.id = :id', { id })
      .orWhere('user.role = :role AND user.status = :status', {
        role: ADMIN_ROLE,
        status: 'active',
      })
      .orderBy('user.id', 'ASC');
    if (this.dataSource.options.type === 'postgres') query.setLock('pessimistic_write');
    const rows = await query.getMany();
    return {
      current: rows.find((user) => user.id === id),
      otherActiveAdmins: rows.filter(
        (user) => user.id !== id && user.role === ADMIN_ROLE && user.status === 'active',
      ).length,
    };
  }

  private newInvitation(): { token: string; hash: string; expiresAt: Date } {
    const token = randomToken();
    const ttlMs = this.config.ACTIVATION_TOKEN_TTL_HOURS * 3_600_000;
    return { token, hash: sha256(token), expiresAt: new Date(this.clock.now().getTime() + ttlMs) };
  }

  /** Mails the invitation when SMTP is set up; `log` writes the change's one log line, with the outcome. */
  private async invite(
    user: User,
    token: string,
    log: (invitation: { expiresAt: string | null; mailed: boolean }) => void,
  ): Promise<InvitedUser> {
    const activationLink = new URL(
      `/activate?token=${encodeURIComponent(token)}`,
      this.config.PUBLIC_URL,
    ).toString();
    let mailed = false;
    if (this.mailer.configured) {
      const mail = composeInvitationMail(
        {
          to: user.email,
          displayName: user.displayName,
          link: activationLink,
          expiresAt: user.activationExpiresAt!,
        },
        this.config.DEFAULT_LANGUAGE,
      );
      try {
        await this.mailer.send(mail);
        mailed = true;
      } catch (error) {
        this.logger.warn({
          event: 'user.invitation-mail-failed',
          userId: user.id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    log({ expiresAt: user.activationExpiresAt?.toISOString() ?? null, mailed });
    return { user: toAdminUser(user), activationLink, mailed };
  }

  private logged(event: string, actor: string, user: User, details: Record<string, unknown>): void {
    this.logger.log({
      event,
      userId: user.id,
      email: user.email,
      at: this.clock.now().toISOString(),
      actor,
      details,
    });
  }
}
