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
import { actorOf } from './contract-access.js';
import {
  ContractDto,
  ContractPageDto,
  CreateContractDto,
  UpdateContractDto,
} from './contract.dto.js';
import { ContractsService } from './contracts.service.js';
import { PageQueryDto } from './pagination.js';
import { ResourceIdPipe } from '../common/resource-id.pipe.js';

/** Signed-in users, scoped by role (see contract-access.ts). */
@ApiTags('contracts')
@Controller('api/contracts')
export class ContractsController {
  constructor(private readonly contracts: ContractsService) {}

  @Get()
  @ApiOperation({ summary: 'List the contracts visible to the caller' })
  @ApiOkResponse({ type: ContractPageDto })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PageQueryDto,
  ): Promise<ContractPageDto> {
    return this.contracts.list(actorOf(principal), query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a contract' })
  @ApiCreatedResponse({ type: ContractDto })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateContractDto,
  ): Promise<ContractDto> {
    return this.contracts.create(actorOf(principal), body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a contract' })
  @ApiOkResponse({ type: ContractDto })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ResourceIdPipe) id: string,
  ): Promise<ContractDto> {
    return this.contracts.get(actorOf(principal), id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a contract' })
  @ApiConflictResponse({ description: 'The contract cannot move to that status' })
  @ApiOkResponse({ type: ContractDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: UpdateContractDto,
  ): Promise<ContractDto> {
    return this.contracts.update(actorOf(principal), id, body);
  }
}
