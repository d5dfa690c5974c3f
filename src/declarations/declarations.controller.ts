import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { actorOf } from '../contracts/contract-access.js';
import {
  CreateDeclarationDto,
  DeclarationDto,
  DeclarationPageDto,
  DeclarationQueryDto,
  UpdateDeclarationDto,
} from './declaration.dto.js';
import { DeclarationsService } from './declarations.service.js';
import { ResourceIdPipe } from '../common/resource-id.pipe.js';

/** Signed-in users, scoped by the contract's scope (see contract-access.ts). */
@ApiTags('declarations')
@Controller('api/declarations')
export class DeclarationsController {
  constructor(private readonly declarations: DeclarationsService) {}

  @Get()
  @ApiOperation({ summary: 'List the declarations visible to the caller' })
  @ApiOkResponse({ type: DeclarationPageDto })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: DeclarationQueryDto,
  ): Promise<DeclarationPageDto> {
    return this.declarations.list(actorOf(principal), query);
  }

  @Post()
  @ApiOperation({ summary: 'Submit a declaration (hours or expenses)' })
  @ApiCreatedResponse({ type: DeclarationDto })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateDeclarationDto,
  ): Promise<DeclarationDto> {
    return this.declarations.create(actorOf(principal), body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a declaration' })
  @ApiOkResponse({ type: DeclarationDto })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ResourceIdPipe) id: string,
  ): Promise<DeclarationDto> {
    return this.declarations.get(actorOf(principal), id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Approve, reject or change a declaration' })
  @ApiConflictResponse({ description: 'The declaration is already approved or rejected' })
  @ApiOkResponse({ type: DeclarationDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: UpdateDeclarationDto,
  ): Promise<DeclarationDto> {
    return this.declarations.update(actorOf(principal), id, body);
  }
}
