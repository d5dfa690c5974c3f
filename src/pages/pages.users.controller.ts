import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { UserPrincipal } from '../auth/principal.js';
import type { ProblemDetails } from '../common/problem.js';
import { CompaniesService } from '../companies/companies.service.js';
import { CreateCompanyDto } from '../companies/company.dto.js';
import { MaintenancePageRoute } from '../maintenance/index.js';
import { ROLES, USER_STATUSES } from '../users/role.js';
import { USER_ADMIN_ROLES } from '../users/users-admin.controller.js';
import {
  CreateUserDto,
  UpdateUserDto,
  UsersQueryDto,
  type AdminUserPageDto,
} from '../users/users.dto.js';
import { UsersAdminService } from '../users/users-admin.service.js';
import { formProblem, saveForm, text, type FormBody } from './pages.forms.js';
import { PageI18n } from './pages.i18n.js';
import { formatShort } from './pages.time.js';
import { PageViews } from './pages.views.js';
import { AppConfig } from '../config/app-config.js';

const PAGE_SIZE = 50;
const DONE = ['invited', 'reinvited', 'disabled', 'enabled', 'companyCreated'] as const;

interface RenderExtra {
  problem?: ProblemDetails;
  values?: FormBody;
  done?: string;
}

/**
 * Admin > Users: list, filter, invite, disable and enable, re-send; and the companies that clients
 * are invited into (customer admins and consultants).
 */
@ApiExcludeController()
@MaintenancePageRoute()
@Roles(...USER_ADMIN_ROLES)
@Controller('admin/users')
export class UsersPageController {
  constructor(
    private readonly views: PageViews,
    private readonly i18n: PageI18n,
    private readonly config: AppConfig,
    private readonly users: UsersAdminService,
    private readonly companies: CompaniesService,
  ) {}

  @Get()
  show(
    @Query() query: FormBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const done = DONE.find((value) => value === query.done);
    // Right after creating a company, the invitation form offers it (the role stays to be chosen).
    const values = done === 'companyCreated' ? { companyId: text(query, 'company') } : undefined;
    return this.render(request, response, { done, values });
  }

  @Post()
  async invite(
    @Body() body: FormBody,
    @CurrentPrincipal() principal: UserPrincipal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | void> {
    const values = {
      email: text(body, 'email'),
      displayName: text(body, 'displayName'),
      role: text(body, 'role'),
      companyId: text(body, 'role') === 'CLIENT' ? text(body, 'companyId') : undefined,
    };
    const problem = await saveForm(
      CreateUserDto,
      values,
      (dto) => this.users.create(dto, principal.user.email),
      this.i18n.languageOf(request),
    );
    if (problem) return this.render(request, response, { problem, values: body });
    return response.redirect(303, '/admin/users?done=invited');
  }

  @Post('companies')
  async createCompany(
    @Body() body: FormBody,
    @CurrentPrincipal() principal: UserPrincipal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | void> {
    let created: { id: string } | undefined;
    const problem = await saveForm(
      CreateCompanyDto,
      { name: text(body, 'name') },
      async (dto) => {
        created = await this.companies.create(dto, principal.user.email);
      },
      this.i18n.languageOf(request),
    );
    if (problem || !created) {
      return this.render(request, response, { problem, values: { companyName: body.name } });
    }
    return response.redirect(
      303,
      `/admin/users?done=companyCreated&company=${encodeURIComponent(created.id)}#users-invite`,
    );
  }

  @Post(':id/status')
  async setStatus(
    @Param('id') id: string,
    @Body() body: FormBody,
    @CurrentPrincipal() principal: UserPrincipal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | void> {
    const status = text(body, 'status');
    const problem = await saveForm(
      UpdateUserDto,
      { status },
      (dto) => this.users.update(id, dto, principal.user.email),
      this.i18n.languageOf(request),
    );
    if (problem) return this.render(request, response, { problem });
    return response.redirect(
      303,
      `/admin/users?done=${status === 'disabled' ? 'disabled' : 'enabled'}`,
    );
  }

  @Post(':id/invitation')
  async reinvite(
    @Param('id') id: string,
    @CurrentPrincipal() principal: UserPrincipal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | void> {
    try {
      await this.users.reinvite(id, principal.user.email);
    } catch (error) {
      return this.render(request, response, {
        problem: formProblem(error, this.i18n.languageOf(request)),
      });
    }
    return response.redirect(303, '/admin/users?done=reinvited');
  }

  private async render(request: Request, response: Response, extra: RenderExtra): Promise<string> {
    const language = this.i18n.languageOf(request);
    const raw = request.query as FormBody;
    const filter = { q: text(raw, 'q'), role: text(raw, 'role'), status: text(raw, 'status') };
    let page: AdminUserPageDto = { items: [], total: 0 };
    let pageNumber = 1;
    const filterProblem = await saveForm(
      UsersQueryDto,
      { ...filter, page: text(raw, 'page'), pageSize: PAGE_SIZE },
      async (query) => {
        page = await this.users.list(query);
        pageNumber = query.page;
      },
      language,
    );
    // Links to the neighbouring pages keep the filter.
    const pageLink = (number: number): string =>
      `/admin/users?${new URLSearchParams(
        Object.entries({ ...filter, page: String(number) }).filter(
          (entry): entry is [string, string] => entry[1] !== undefined,
        ),
      ).toString()}`;
    const companies = await this.companies.all();
    const values = extra.values ?? {};
    const zone = this.config.APP_TIMEZONE;
    return this.views.page(request, response, 'users', {
      title: 'users.title',
      nav: 'users',
      status: extra.problem?.status ?? filterProblem?.status,
      data: {
        done: extra.done ? this.i18n.t(language, `users.done.${extra.done}`) : undefined,
        problem: extra.problem ?? filterProblem,
        filter,
        roles: ROLES.map((role) => ({
          value: role,
          label: this.i18n.t(language, `users.role.${role}`),
          filtered: filter.role === role,
          chosen: values.role === role,
        })),
        statuses: USER_STATUSES.map((status) => ({
          value: status,
          label: this.i18n.t(language, `users.status.${status}`),
          filtered: filter.status === status,
        })),
        companies: companies.map((company) => ({
          ...company,
          chosen: values.companyId === company.id,
        })),
        activeCompanies: companies
          .filter((company) => company.active)
          .map((company) => ({ ...company, chosen: values.companyId === company.id })),
        values,
        users: page.items.map((user) => ({
          ...user,
          roleText: this.i18n.t(language, `users.role.${user.role}`),
          statusText: this.i18n.t(language, `users.status.${user.status}`),
          createdText: formatShort(new Date(user.createdAt), zone),
          mayEnable: user.status === 'disabled',
          mayReinvite: user.status === 'invited',
        })),
        total: page.total,
        previousPage: pageNumber > 1 ? pageLink(pageNumber - 1) : undefined,
        nextPage: pageNumber * PAGE_SIZE < page.total ? pageLink(pageNumber + 1) : undefined,
      },
    });
  }
}
