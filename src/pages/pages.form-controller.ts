import { Body, Get, Param, Post, Query, Req, Res, type Type } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import type { ProblemDetails } from '../common/problem.js';
import { ResourceIdPipe } from '../common/resource-id.pipe.js';
import { actorOf, type Actor } from '../contracts/contract-access.js';
import type { PageI18n } from './pages.i18n.js';
import { saveForm, type FormBody } from './pages.forms.js';

export interface ListExtra {
  saved?: boolean;
  problem?: ProblemDetails;
  values?: FormBody;
}

export interface EditExtra {
  problem?: ProblemDetails;
  values?: FormBody;
}

/**
 * The four routes of a list-and-edit page (list, create, edit, update): forms post to the page's own
 * routes, a saved form redirects (303) to the list, a refused one is shown again with its problem.
 * Subclasses say what the forms hold, which service saves them and how the pages look.
 */
export abstract class FormPagesController<Item, CreateDto, UpdateDto> {
  /** The list page, e.g. /contracts. */
  protected abstract readonly listPath: string;
  protected abstract readonly createDto: Type<CreateDto>;
  protected abstract readonly updateDto: Type<UpdateDto>;
  protected abstract readonly i18n: PageI18n;

  protected abstract createValues(body: FormBody): Record<string, unknown>;
  protected abstract updateValues(body: FormBody): Record<string, unknown>;
  protected abstract load(actor: Actor, id: string): Promise<Item>;
  protected abstract saveNew(actor: Actor, dto: CreateDto): Promise<unknown>;
  protected abstract saveChange(actor: Actor, id: string, dto: UpdateDto): Promise<unknown>;
  protected abstract renderList(
    request: Request,
    response: Response,
    actor: Actor,
    extra: ListExtra,
  ): Promise<string>;
  protected abstract renderEdit(
    request: Request,
    response: Response,
    actor: Actor,
    item: Item,
    extra: EditExtra,
  ): Promise<string>;

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
    const language = this.i18n.languageOf(request);
    const save = (dto: CreateDto) => this.saveNew(actor, dto);
    const problem = await saveForm(this.createDto, this.createValues(body), save, language);
    if (problem) return this.renderList(request, response, actor, { problem, values: body });
    return this.backToList(response);
  }

  @Get(':id')
  async edit(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ResourceIdPipe) id: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const actor = actorOf(principal);
    return this.renderEdit(request, response, actor, await this.load(actor, id), {});
  }

  @Post(':id')
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: FormBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | void> {
    const actor = actorOf(principal);
    const language = this.i18n.languageOf(request);
    const save = (dto: UpdateDto) => this.saveChange(actor, id, dto);
    const problem = await saveForm(this.updateDto, this.updateValues(body), save, language);
    if (!problem) return this.backToList(response);
    const item = await this.load(actor, id);
    return this.renderEdit(request, response, actor, item, { problem, values: body });
  }

  /** A saved form goes back to the list, which says so (303, so a reload does not post again). */
  private backToList(response: Response): void {
    response.redirect(303, `${this.listPath}?saved=1`);
  }
}
