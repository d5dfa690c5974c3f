import { Transactions } from '../database/transactions.js';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { EntityManager, FindOptionsWhere, Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { conflictProblem, fieldProblem, notFoundProblem } from '../common/problem.js';
import { daysInclusive } from '../contracts/calendar-date.js';
import {
  assertMayDecide,
  assertMayWriteDeclaration,
  contractScope,
  type Actor,
} from '../contracts/contract-access.js';
import { Contract } from '../contracts/contract.entity.js';
import { contractScopeWhere, definedFields } from '../contracts/contracts.service.js';
import { pageWindow, type Page } from '../contracts/pagination.js';
import {
  toDeclarationDto,
  type CreateDeclarationDto,
  type DeclarationDto,
  type DeclarationQueryDto,
  type UpdateDeclarationDto,
} from './declaration.dto.js';
import { Declaration } from './declaration.entity.js';

/** A declaration covers at most a month: longer periods are almost always a typing error. */
const MAX_PERIOD_DAYS = 31;

@Injectable()
export class DeclarationsService {
  constructor(
    @InjectRepository(Declaration) private readonly declarations: Repository<Declaration>,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: DeclarationQueryDto): Promise<Page<DeclarationDto>> {
    const where = this.scopeWhere(actor);
    if (!where) return { items: [], total: 0 };
    const [rows, total] = await this.declarations.findAndCount({
      where: query.contractId ? { ...where, contractId: query.contractId } : where,
      order: { periodStart: 'DESC', createdAt: 'DESC', id: 'ASC' },
      ...pageWindow(query),
    });
    return { items: rows.map(toDeclarationDto), total };
  }

  async get(actor: Actor, id: string): Promise<DeclarationDto> {
    return toDeclarationDto(await this.findInScope(this.declarations.manager, actor, id));
  }

  create(actor: Actor, dto: CreateDeclarationDto): Promise<DeclarationDto> {
    assertMayWriteDeclaration(actor);
    return this.transactions.run(actor, async (manager) => {
      const where = contractScopeWhere(contractScope(actor));
      const contract = where
        ? await manager.findOneBy(Contract, { ...where, id: dto.contractId })
        : null;
      if (!contract) throw fieldProblem('contractId', 'is not a contract you can declare on');
      if (contract.status !== 'active') throw fieldProblem('contractId', 'is not active');
      assertPeriod(contract, dto.periodStart, dto.periodEnd);
      assertHours(dto.hours, dto.periodStart, dto.periodEnd);
      const now = this.clock.now();
      const declaration = manager.create(Declaration, {
        id: randomUUID(),
        contractId: contract.id,
        periodStart: dto.periodStart,
        periodEnd: dto.periodEnd,
        hours: dto.hours,
        amount: dto.amount ?? null,
        note: dto.note ?? null,
        status: 'submitted',
        decidedBy: null,
        decidedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(Declaration, declaration);
      return toDeclarationDto(declaration);
    });
  }

  update(actor: Actor, id: string, dto: UpdateDeclarationDto): Promise<DeclarationDto> {
    return this.transactions.run(actor, (manager) => this.updateWith(manager, actor, id, dto));
  }

  /** The update inside a transaction the caller runs (the back-office link adds its idempotency record). */
  async updateWith(
    manager: EntityManager,
    actor: Actor,
    id: string,
    dto: UpdateDeclarationDto,
  ): Promise<DeclarationDto> {
    const declaration = await this.findInScope(manager, actor, id);
    const { status, ...content } = definedFields(dto);
    if (Object.keys(content).length > 0) assertMayWriteDeclaration(actor);
    if (status !== undefined) assertMayDecide(actor);
    if (
      declaration.status !== 'submitted' &&
      (status !== undefined || Object.keys(content).length > 0)
    ) {
      throw conflictProblem(`This declaration is already ${declaration.status}; it cannot change.`);
    }
    if (status === 'submitted')
      throw fieldProblem('status', 'can only become approved or rejected');
    const now = this.clock.now();
    const next: Declaration = { ...declaration, ...content, updatedAt: now };
    assertHours(next.hours, next.periodStart, next.periodEnd);
    if (status !== undefined) {
      next.status = status;
      next.decidedAt = now;
      next.decidedBy = actor.kind === 'user' ? actor.user.id : actor.client.id;
    }
    const { hours, amount, note, decidedBy, decidedAt, updatedAt } = next;
    await manager.update(
      Declaration,
      { id },
      { hours, amount, note, status: next.status, decidedBy, decidedAt, updatedAt },
    );
    return toDeclarationDto(next);
  }

  /** The declaration if its contract is in the actor's scope; otherwise 404. */
  async findInScope(manager: EntityManager, actor: Actor, id: string): Promise<Declaration> {
    const where = this.scopeWhere(actor);
    const declaration = where ? await manager.findOneBy(Declaration, { ...where, id }) : null;
    if (!declaration) throw notFoundProblem(`No declaration ${id}.`);
    return declaration;
  }

  private scopeWhere(actor: Actor): FindOptionsWhere<Declaration> | null {
    const contract = contractScopeWhere(contractScope(actor));
    if (!contract) return null;
    return Object.keys(contract).length > 0 ? { contract } : {};
  }
}

function assertPeriod(contract: Contract, periodStart: string, periodEnd: string): void {
  if (periodEnd < periodStart) throw fieldProblem('periodEnd', 'must not be before periodStart');
  if (daysInclusive(periodStart, periodEnd) > MAX_PERIOD_DAYS)
    throw fieldProblem('periodEnd', `a period covers at most ${MAX_PERIOD_DAYS} days`);
  if (periodStart < contract.startDate)
    throw fieldProblem(
      'periodStart',
      `must not be before the contract starts (${contract.startDate})`,
    );
  if (contract.endDate !== null && periodEnd > contract.endDate)
    throw fieldProblem('periodEnd', `must not be after the contract ends (${contract.endDate})`);
}

function assertHours(hours: number, periodStart: string, periodEnd: string): void {
  const max = 24 * daysInclusive(periodStart, periodEnd);
  if (hours > max) throw fieldProblem('hours', `must be at most ${max} for this period`);
}
