import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { In, Repository } from 'typeorm';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { Company } from '../companies/company.entity.js';
import { actorOf, assertMayManageContracts, type Actor } from '../contracts/contract-access.js';
import {
  CreateContractDto,
  UpdateContractDto,
  type ContractDto,
} from '../contracts/contract.dto.js';
import { CONTRACT_STATUSES } from '../contracts/contract.entity.js';
import { ContractsService } from '../contracts/contracts.service.js';
import type { ProblemDetails } from '../common/problem.js';
import { MaintenancePageRoute } from '../maintenance/index.js';
import { User } from '../users/user.entity.js';
import { PageI18n } from './pages.i18n.js';
import { allowed, number, saveForm, text, type FormBody } from './pages.forms.js';
import { PageViews } from './pages.views.js';

const LIST_SIZE = 100;

/** Contracts: list, create and edit forms that post to these page routes (R14: refused after the start). */
@ApiExcludeController()
@MaintenancePageRoute()
@Controller('contracts')
export class ContractsPageController {
  constructor(
    private readonly views: PageViews,
    private readonly i18n: PageI18n,
    private readonly contracts: ContractsService,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Company) private readonly companies: Repository<Company>,
  ) {}

  @Get()
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query('saved') saved: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    return this.renderList(request, response, actorOf(principal), { saved: saved === '1' });
  }

  @Post()
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: FormBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | void> {
    const actor = actorOf(principal);
    const values = {
      title: text(body, 'title'),
      candidateId: text(body, 'candidateId'),
      clientCompanyId: text(body, 'clientCompanyId'),
      startDate: text(body, 'startDate'),
      endDate: text(body, 'endDate'),
      hourlyRate: number(body, 'hourlyRate'),
    };
    const problem = await saveForm(
      CreateContractDto,
      values,
      (dto) => this.contracts.create(actor, dto),
      this.i18n.languageOf(request),
    );
    if (problem) return this.renderList(request, response, actor, { problem, values: body });
    return response.redirect(303, '/contracts?saved=1');
  }

  @Get(':id')
  async edit(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const contract = await this.contracts.get(actorOf(principal), id);
    return this.renderEdit(request, response, actorOf(principal), contract, {});
  }

  @Post(':id')
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: FormBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | void> {
    const actor = actorOf(principal);
    const values = {
      title: text(body, 'title'),
      startDate: text(body, 'startDate'),
      // An emptied end date removes it.
      endDate: text(body, 'endDate') ?? null,
      hourlyRate: number(body, 'hourlyRate'),
      status: text(body, 'status'),
    };
    const problem = await saveForm(
      UpdateContractDto,
      values,
      (dto) => this.contracts.update(actor, id, dto),
      this.i18n.languageOf(request),
    );
    if (problem) {
      const contract = await this.contracts.get(actor, id);
      return this.renderEdit(request, response, actor, contract, { problem, values: body });
    }
    return response.redirect(303, '/contracts?saved=1');
  }

  private async renderList(
    request: Request,
    response: Response,
    actor: Actor,
    extra: { saved?: boolean; problem?: ProblemDetails; values?: FormBody },
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

  private renderEdit(
    request: Request,
    response: Response,
    actor: Actor,
    contract: ContractDto,
    extra: { problem?: ProblemDetails; values?: FormBody },
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
