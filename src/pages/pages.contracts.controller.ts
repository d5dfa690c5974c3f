import { Controller } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { In, Repository } from 'typeorm';
import { Company } from '../companies/company.entity.js';
import { assertMayManageContracts, type Actor } from '../contracts/contract-access.js';
import {
  CreateContractDto,
  UpdateContractDto,
  type ContractDto,
} from '../contracts/contract.dto.js';
import { CONTRACT_STATUSES } from '../contracts/contract.entity.js';
import { ContractsService } from '../contracts/contracts.service.js';
import { MaintenancePageRoute } from '../maintenance/index.js';
import { User } from '../users/user.entity.js';
import { PageI18n } from './pages.i18n.js';
import { FormPagesController, type EditExtra, type ListExtra } from './pages.form-controller.js';
import { allowed, number, text, type FormBody } from './pages.forms.js';
import { PageViews } from './pages.views.js';

const LIST_SIZE = 100;

/** Contracts: list, create and edit forms that post to these page routes (R14: refused after the start). */
@ApiExcludeController()
@MaintenancePageRoute()
@Controller('contracts')
export class ContractsPageController extends FormPagesController<
  ContractDto,
  CreateContractDto,
  UpdateContractDto
> {
  protected readonly listPath = '/contracts';
  protected readonly createDto = CreateContractDto;
  protected readonly updateDto = UpdateContractDto;

  constructor(
    private readonly views: PageViews,
    protected readonly i18n: PageI18n,
    private readonly contracts: ContractsService,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Company) private readonly companies: Repository<Company>,
  ) {
    super();
  }

  protected createValues(body: FormBody): Record<string, unknown> {
    return {
      title: text(body, 'title'),
      candidateId: text(body, 'candidateId'),
      clientCompanyId: text(body, 'clientCompanyId'),
      startDate: text(body, 'startDate'),
      endDate: text(body, 'endDate'),
      hourlyRate: number(body, 'hourlyRate'),
    };
  }

  protected updateValues(body: FormBody): Record<string, unknown> {
    return {
      title: text(body, 'title'),
      startDate: text(body, 'startDate'),
      // An emptied end date removes it.
      endDate: text(body, 'endDate') ?? null,
      hourlyRate: number(body, 'hourlyRate'),
      status: text(body, 'status'),
    };
  }

  protected load(actor: Actor, id: string): Promise<ContractDto> {
    return this.contracts.get(actor, id);
  }

  protected saveNew(actor: Actor, dto: CreateContractDto): Promise<unknown> {
    return this.contracts.create(actor, dto);
  }

  protected saveChange(actor: Actor, id: string, dto: UpdateContractDto): Promise<unknown> {
    return this.contracts.update(actor, id, dto);
  }

  protected async renderList(
    request: Request,
    response: Response,
    actor: Actor,
    extra: ListExtra,
  ): Promise<string> {
    const page = await this.contracts.list(actor, { page: 1, pageSize: LIST_SIZE });
    const mayManage = allowed(() => assertMayManageContracts(actor));
    // The choices of the create form, only for those who may create.
    const [candidates, companies] = mayManage
      ? await Promise.all([
          this.users.find({ where: { role: 'CANDIDATE' }, order: { displayName: 'ASC' } }),
          this.companies.find({ order: { name: 'ASC' } }),
        ])
      : [[], []];
    const names = await this.namesFor(page.items);
    const language = this.i18n.languageOf(request);
    const values = extra.values ?? {};
    return this.views.page(request, response, 'contracts', {
      title: 'contracts.title',
      nav: 'contracts',
      status: extra.problem?.status,
      data: {
        saved: extra.saved,
        problem: extra.problem,
        values,
        mayManage,
        total: page.total,
        contracts: page.items.map((contract) => ({
          ...contract,
          candidate: names.users.get(contract.candidateId) ?? contract.candidateId,
          company: names.companies.get(contract.clientCompanyId) ?? contract.clientCompanyId,
          statusText: this.i18n.t(language, `contracts.status.${contract.status}`),
        })),
        candidates: candidates.map((user) => ({
          id: user.id,
          name: user.displayName,
          selected: user.id === values.candidateId,
        })),
        companies: companies.map((company) => ({
          id: company.id,
          name: company.name,
          selected: company.id === values.clientCompanyId,
        })),
      },
    });
  }

  protected renderEdit(
    request: Request,
    response: Response,
    actor: Actor,
    contract: ContractDto,
    extra: EditExtra,
  ): Promise<string> {
    const language = this.i18n.languageOf(request);
    const values = extra.values ?? {
      ...contract,
      endDate: contract.endDate ?? '',
      hourlyRate: String(contract.hourlyRate),
    };
    return this.views.page(request, response, 'contract-edit', {
      title: 'contracts.editTitle',
      nav: 'contracts',
      status: extra.problem?.status,
      data: {
        contract,
        problem: extra.problem,
        values,
        mayManage: allowed(() => assertMayManageContracts(actor)),
        statuses: CONTRACT_STATUSES.map((status) => ({
          value: status,
          label: this.i18n.t(language, `contracts.status.${status}`),
          selected: status === values.status,
        })),
      },
    });
  }

  private async namesFor(
    contracts: ContractDto[],
  ): Promise<{ users: Map<string, string>; companies: Map<string, string> }> {
    const [users, companies] = await Promise.all([
      this.users.findBy({ id: In([...new Set(contracts.map((c) => c.candidateId))]) }),
      this.companies.findBy({ id: In([...new Set(contracts.map((c) => c.clientCompanyId))]) }),
    ]);
    return {
      users: new Map(users.map((user) => [user.id, user.displayName])),
      companies: new Map(companies.map((company) => [company.id, company.name])),
    };
  }
}
