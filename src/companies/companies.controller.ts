import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { UserPrincipal } from '../auth/principal.js';
import { fieldProblem } from '../common/problem.js';
import { USER_ADMIN_ROLES } from '../users/users-admin.controller.js';
import {
  CompaniesQueryDto,
  CompanyDto,
  CompanyPageDto,
  CreateCompanyDto,
  UpdateCompanyDto,
} from './company.dto.js';
import { CompaniesService } from './companies.service.js';

const companyId = new ParseUUIDPipe({
  exceptionFactory: () => fieldProblem('id', 'must be a company id'),
});

/** Company administration, for the same roles as user administration (R1); exempt-only during downtime. */
@ApiTags('companies')
@Controller('api/admin/companies')
@Roles(...USER_ADMIN_ROLES)
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Get()
  @ApiOperation({ summary: 'List the companies by name (paginated)' })
  @ApiOkResponse({ type: CompanyPageDto })
  list(@Query() query: CompaniesQueryDto): Promise<CompanyPageDto> {
    return this.companies.list(query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a company' })
  @ApiConflictResponse({ description: 'A company with this name (in any case) exists' })
  @ApiCreatedResponse({ type: CompanyDto })
  create(
    @Body() body: CreateCompanyDto,
    @CurrentPrincipal() principal: UserPrincipal,
  ): Promise<CompanyDto> {
    return this.companies.create(body, principal.user.email);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, deactivate or reactivate a company' })
  @ApiConflictResponse({
    description:
      'The name is taken, or the company still has active or invited users or open contracts',
  })
  @ApiOkResponse({ type: CompanyDto })
  update(
    @Param('id', companyId) id: string,
    @Body() body: UpdateCompanyDto,
    @CurrentPrincipal() principal: UserPrincipal,
  ): Promise<CompanyDto> {
    return this.companies.update(id, body, principal.user.email);
  }
}
