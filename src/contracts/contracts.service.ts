import { Transactions } from '../database/transactions.js';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { EntityManager, FindOptionsWhere, Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { conflictProblem, fieldProblem, notFoundProblem } from '../common/problem.js';
import { Company } from '../companies/company.entity.js';
import { User } from '../users/user.entity.js';
import {
  assertMayManageContracts,
  contractScope,
  contractTransitionAllowed,
  type Actor,
  type ContractScope,
} from './contract-access.js';
import {
  toContractDto,
  type ContractDto,
  type CreateContractDto,
  type UpdateContractDto,
} from './contract.dto.js';
import { Contract } from './contract.entity.js';
import { pageWindow, type Page, type PageQueryDto } from './pagination.js';

/** The contract columns that limit a scope; null when the scope sees nothing. */
export function contractScopeWhere(scope: ContractScope): FindOptionsWhere<Contract> | null {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'candidate':
      return { candidateId: scope.candidateId };
    case 'client':
      return { clientCompanyId: scope.clientCompanyId };
    case 'none':
      return null;
  }
}

@Injectable()
export class ContractsService {
  constructor(
    @InjectRepository(Contract) private readonly contracts: Repository<Contract>,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: PageQueryDto): Promise<Page<ContractDto>> {
    const where = contractScopeWhere(contractScope(actor));
    if (!where) return { items: [], total: 0 };
    const [rows, total] = await this.contracts.findAndCount({
      where,
      order: { startDate: 'DESC', id: 'ASC' },
      ...pageWindow(query),
    });
    return { items: rows.map(toContractDto), total };
  }

  async get(actor: Actor, id: string): Promise<ContractDto> {
    return toContractDto(await this.findInScope(this.contracts.manager, actor, id));
  }

  create(actor: Actor, dto: CreateContractDto): Promise<ContractDto> {
    assertMayManageContracts(actor);
    return this.transactions.run(actor, async (manager) => {
      const candidate = await manager.findOneBy(User, { id: dto.candidateId });
      if (candidate?.role !== 'CANDIDATE') throw fieldProblem('candidateId', 'is not a candidate');
      if (!(await manager.existsBy(Company, { id: dto.clientCompanyId })))
        throw fieldProblem('clientCompanyId', 'is not a known company');
      assertDateOrder(dto.startDate, dto.endDate ?? null);
      const now = this.clock.now();
      const contract = manager.create(Contract, {
        id: randomUUID(),
        title: dto.title,
        candidateId: dto.candidateId,
        clientCompanyId: dto.clientCompanyId,
        startDate: dto.startDate,
        endDate: dto.endDate ?? null,
        hourlyRate: dto.hourlyRate,
        status: 'draft',
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(Contract, contract);
      return toContractDto(contract);
    });
  }

  update(actor: Actor, id: string, dto: UpdateContractDto): Promise<ContractDto> {
    return this.transactions.run(actor, (manager) => this.updateWith(manager, actor, id, dto));
  }

  /** The update inside a transaction the caller runs (the back-office link adds its idempotency record). */
  async updateWith(
    manager: EntityManager,
    actor: Actor,
    id: string,
    dto: UpdateContractDto,
  ): Promise<ContractDto> {
    const contract = await this.findInScope(manager, actor, id);
    assertMayManageContracts(actor);
    if (dto.status && !contractTransitionAllowed(contract.status, dto.status)) {
      throw conflictProblem(`A contract that is ${contract.status} cannot become ${dto.status}.`);
    }
    const next: Contract = {
      ...contract,
      ...definedFields(dto),
      updatedAt: this.clock.now(),
    };
    assertDateOrder(next.startDate, next.endDate);
    await manager.update(Contract, { id }, next);
    return toContractDto(next);
  }

  /** The contract if the actor may see it; otherwise 404, whether or not it exists. */
  async findInScope(manager: EntityManager, actor: Actor, id: string): Promise<Contract> {
    const where = contractScopeWhere(contractScope(actor));
    const contract = where ? await manager.findOneBy(Contract, { ...where, id }) : null;
    if (!contract) throw notFoundProblem(`No contract ${id}.`);
    return contract;
  }
}

function assertDateOrder(startDate: string, endDate: string | null): void {
  if (endDate !== null && endDate < startDate)
    throw fieldProblem('endDate', 'must not be before startDate');
}

/** The fields a PATCH body actually sent (undefined means "leave as is"; null clears). */
export function definedFields<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(dto).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
