import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, Repository, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { conflictProblem, notFoundProblem, type ProblemException } from '../common/problem.js';
import { Contract } from '../contracts/contract.entity.js';
import { pageWindow } from '../contracts/pagination.js';
import { SYSTEM, Transactions } from '../database/transactions.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import { User } from '../users/user.entity.js';
import { Company } from './company.entity.js';
import type {
  CompaniesQueryDto,
  CompanyDto,
  CompanyPageDto,
  CreateCompanyDto,
  UpdateCompanyDto,
} from './company.dto.js';
import { companyNameKey, deactivationRefusal } from './company.rules.js';

/** Companies are administered by the admin roles (exempt from the lockout): the platform's own writes. */
const ADMINISTRATION = SYSTEM;

function toCompanyDto(company: Company): CompanyDto {
  return {
    id: company.id,
    name: company.name,
    active: company.active,
    createdAt: company.createdAt.toISOString(),
  };
}

const nameTaken = (): ProblemException =>
  conflictProblem('A company with this name already exists.', { field: 'name' });

/**
 * The client companies: created and renamed by customer admins and consultants (API, page,
 * command line), deactivated once nothing current hangs on them. Each change is one log line.
 */
@Injectable()
export class CompaniesService {
  private readonly logger = new Logger('Companies');

  constructor(
    @InjectRepository(Company) private readonly companies: Repository<Company>,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async list(query: CompaniesQueryDto): Promise<CompanyPageDto> {
    const [items, total] = await this.companies.findAndCount({
      order: { nameKey: 'ASC', id: 'ASC' },
      ...pageWindow(query),
    });
    return { items: items.map(toCompanyDto), total };
  }

  /** Every company by name (the users page shows them all; the list stays short in practice). */
  async all(): Promise<CompanyDto[]> {
    const items = await this.companies.find({ order: { nameKey: 'ASC', id: 'ASC' } });
    return items.map(toCompanyDto);
  }

  async create(input: CreateCompanyDto, actor: string): Promise<CompanyDto> {
    const company: Company = {
      id: randomUUID(),
      name: input.name,
      nameKey: companyNameKey(input.name),
      active: true,
      createdAt: this.clock.now(),
    };
    await this.unlessNameTaken(() =>
      this.transactions.run(ADMINISTRATION, async (manager) => {
        if (await manager.existsBy(Company, { nameKey: company.nameKey })) throw nameTaken();
        await manager.insert(Company, company);
      }),
    );
    this.logged('company.created', actor, company, { name: company.name });
    return toCompanyDto(company);
  }

  /** Renames, deactivates (only without active users or open contracts) or reactivates. */
  async update(id: string, change: UpdateCompanyDto, actor: string): Promise<CompanyDto> {
    const { before, after } = await this.unlessNameTaken(() =>
      this.transactions.run(ADMINISTRATION, async (manager) => {
        const current = await manager.findOneBy(Company, { id });
        if (!current) throw notFoundProblem('No company with this id.');
        const next = { ...current };
        if (change.name !== undefined && change.name !== current.name) {
          next.name = change.name;
          next.nameKey = companyNameKey(change.name);
          const taken = await manager.existsBy(Company, { nameKey: next.nameKey, id: Not(id) });
          if (taken) throw nameTaken();
        }
        if (change.active === false && current.active) {
          const refusal = deactivationRefusal(await this.ties(manager, id));
          if (refusal) throw conflictProblem(refusal);
        }
        if (change.active !== undefined) next.active = change.active;
        await manager.update(
          Company,
          { id },
          { name: next.name, nameKey: next.nameKey, active: next.active },
        );
        return { before: current, after: next };
      }),
    );
    const fields = ['name', 'active'] as const;
    const changed = fields.filter((field) => before[field] !== after[field]);
    if (changed.length > 0) {
      this.logged('company.updated', actor, after, {
        old: Object.fromEntries(changed.map((field) => [field, before[field]])),
        new: Object.fromEntries(changed.map((field) => [field, after[field]])),
      });
    }
    return toCompanyDto(after);
  }

  private async ties(manager: EntityManager, id: string) {
    const [users, openContracts] = await Promise.all([
      manager.countBy(User, { companyId: id, status: In(['active', 'invited']) }),
      manager.countBy(Contract, { clientCompanyId: id, status: In(['draft', 'active']) }),
    ]);
    return { users, openContracts };
  }

  /** Two concurrent writers of one name: the unique index refuses the second, answered as a 409. */
  private async unlessNameTaken<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken();
      throw error;
    }
  }

  private logged(
    event: string,
    actor: string,
    company: Company,
    details: Record<string, unknown>,
  ): void {
    this.logger.log({
      event,
      companyId: company.id,
      at: this.clock.now().toISOString(),
      actor,
      details,
    });
  }
}
