import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import type { ProblemDetails } from '../common/problem.js';
import {
  actorOf,
  assertMayDecide,
  assertMayWriteDeclaration,
  type Actor,
} from '../contracts/contract-access.js';
import { ContractsService } from '../contracts/contracts.service.js';
import {
  CreateDeclarationDto,
  UpdateDeclarationDto,
  type DeclarationDto,
} from '../declarations/declaration.dto.js';
import { DeclarationsService } from '../declarations/declarations.service.js';
import { MaintenancePageRoute } from '../maintenance/index.js';
import { PageI18n } from './pages.i18n.js';
import { allowed, number, saveForm, text, type FormBody } from './pages.forms.js';
import { PageViews } from './pages.views.js';

const LIST_SIZE = 100;

/** Declarations (timesheets and expenses): list, create, edit and decide, as forms posting to these routes. */
@ApiExcludeController()
@MaintenancePageRoute()
@Controller('declarations')
export class DeclarationsPageController {
  constructor(
    private readonly views: PageViews,
    private readonly i18n: PageI18n,
    private readonly declarations: DeclarationsService,
    private readonly contracts: ContractsService,
  ) {}

  @Get()
  list(
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
      contractId: text(body, 'contractId'),
      periodStart: text(body, 'periodStart'),
      periodEnd: text(body, 'periodEnd'),
      hours: number(body, 'hours'),
      amount: number(body, 'amount'),
      note: text(body, 'note'),
    };
    const problem = await saveForm(
      CreateDeclarationDto,
      values,
      (dto) => this.declarations.create(actor, dto),
      this.i18n.languageOf(request),
    );
    if (problem) return this.renderList(request, response, actor, { problem, values: body });
    return response.redirect(303, '/declarations?saved=1');
  }

  @Get(':id')
  async edit(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const actor = actorOf(principal);
    const declaration = await this.declarations.get(actor, id);
    return this.renderEdit(request, response, actor, declaration, {});
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
    // The decision buttons send only a status; the edit form sends the content fields.
    const decision = text(body, 'decision');
    const values = decision
      ? { status: decision }
      : {
          hours: number(body, 'hours'),
          amount: number(body, 'amount') ?? null,
          note: text(body, 'note') ?? null,
        };
    const problem = await saveForm(
      UpdateDeclarationDto,
      values,
      (dto) => this.declarations.update(actor, id, dto),
      this.i18n.languageOf(request),
    );
    if (problem) {
      const declaration = await this.declarations.get(actor, id);
      return this.renderEdit(request, response, actor, declaration, { problem, values: body });
    }
    return response.redirect(303, '/declarations?saved=1');
  }

  private async renderList(
    request: Request,
    response: Response,
    actor: Actor,
    extra: { saved?: boolean; problem?: ProblemDetails; values?: FormBody },
  ): Promise<string> {
    const language = this.i18n.languageOf(request);
    const [page, contracts] = await Promise.all([
      this.declarations.list(actor, { page: 1, pageSize: LIST_SIZE }),
      this.contracts.list(actor, { page: 1, pageSize: LIST_SIZE }),
    ]);
    const titles = new Map(contracts.items.map((contract) => [contract.id, contract.title]));
    const values = extra.values ?? {};
    return this.views.page(request, response, 'declarations', {
      title: 'declarations.title',
      nav: 'declarations',
      status: extra.problem?.status,
      data: {
        saved: extra.saved,
        problem: extra.problem,
        values,
        total: page.total,
        mayWrite: allowed(() => assertMayWriteDeclaration(actor)),
        declarations: page.items.map((declaration) => ({
          ...declaration,
          contractTitle: titles.get(declaration.contractId) ?? declaration.contractId,
          statusText: this.i18n.t(language, `declarations.status.${declaration.status}`),
        })),
        contracts: contracts.items
          .filter((contract) => contract.status === 'active')
          .map((contract) => ({
            id: contract.id,
            title: contract.title,
            selected: contract.id === values.contractId,
          })),
      },
    });
  }

  private async renderEdit(
    request: Request,
    response: Response,
    actor: Actor,
    declaration: DeclarationDto,
    extra: { problem?: ProblemDetails; values?: FormBody },
  ): Promise<string> {
    const language = this.i18n.languageOf(request);
    const contract = await this.contracts.get(actor, declaration.contractId);
    const open = declaration.status === 'submitted';
    return this.views.page(request, response, 'declaration-edit', {
      title: 'declarations.editTitle',
      nav: 'declarations',
      status: extra.problem?.status,
      data: {
        declaration,
        contractTitle: contract.title,
        statusText: this.i18n.t(language, `declarations.status.${declaration.status}`),
        problem: extra.problem,
        values: extra.values ?? {
          hours: String(declaration.hours),
          amount: declaration.amount === null ? '' : String(declaration.amount),
          note: declaration.note ?? '',
        },
        mayWrite: open && allowed(() => assertMayWriteDeclaration(actor)),
        mayDecide: open && allowed(() => assertMayDecide(actor)),
      },
    });
  }
}
