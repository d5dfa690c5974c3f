import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  @ApiOkResponse({ type: DeclarationPageDto })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: DeclarationQueryDto,
  ): Promise<DeclarationPageDto> {
    return this.declarations.list(actorOf(principal), query);
  }

  @Post()
  @ApiCreatedResponse({ type: DeclarationDto })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateDeclarationDto,
  ): Promise<DeclarationDto> {
    return this.declarations.create(actorOf(principal), body);
  }

  @Get(':id')
  @ApiOkResponse({ type: DeclarationDto })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ResourceIdPipe) id: string,
  ): Promise<DeclarationDto> {
    return this.declarations.get(actorOf(principal), id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: DeclarationDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: UpdateDeclarationDto,
  ): Promise<DeclarationDto> {
    return this.declarations.update(actorOf(principal), id, body);
  }
}
