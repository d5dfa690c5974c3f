import { Controller } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
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
import { FormPagesController, type EditExtra, type ListExtra } from './pages.form-controller.js';
import { allowed, number, text, type FormBody } from './pages.forms.js';
import { PageViews } from './pages.views.js';

const LIST_SIZE = 100;

/** Declarations (timesheets and expenses): list, create, edit and decide, as forms posting to these routes. */
@ApiExcludeController()
@MaintenancePageRoute()
@Controller('declarations')
export class DeclarationsPageController extends FormPagesController<
  DeclarationDto,
  CreateDeclarationDto,
  UpdateDeclarationDto
> {
  protected readonly listPath = '/declarations';
  protected readonly createDto = CreateDeclarationDto;
  protected readonly updateDto = UpdateDeclarationDto;

  constructor(
    private readonly views: PageViews,
    protected readonly i18n: PageI18n,
    private readonly declarations: DeclarationsService,
    private readonly contracts: ContractsService,
  ) {
    super();
  }

  protected createValues(body: FormBody): Record<string, unknown> {
    return {
      contractId: text(body, 'contractId'),
      periodStart: text(body, 'periodStart'),
      periodEnd: text(body, 'periodEnd'),
      hours: number(body, 'hours'),
      amount: number(body, 'amount'),
      note: text(body, 'note'),
    };
  }

  protected updateValues(body: FormBody): Record<string, unknown> {
    // The decision buttons send only a status; the edit form sends the content fields.
    const decision = text(body, 'decision');
    return decision
      ? { status: decision }
      : {
          hours: number(body, 'hours'),
          amount: number(body, 'amount') ?? null,
          note: text(body, 'note') ?? null,
        };
  }

  protected load(actor: Actor, id: string): Promise<DeclarationDto> {
    return this.declarations.get(actor, id);
  }

  protected saveNew(actor: Actor, dto: CreateDeclarationDto): Promise<unknown> {
    return this.declarations.create(actor, dto);
  }

  protected saveChange(actor: Actor, id: string, dto: UpdateDeclarationDto): Promise<unknown> {
    return this.declarations.update(actor, id, dto);
  }

  protected async renderList(
    request: Request,
    response: Response,
    actor: Actor,
    extra: ListExtra,
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

  protected async renderEdit(
    request: Request,
    response: Response,
    actor: Actor,
    declaration: DeclarationDto,
    extra: EditExtra,
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
