import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { UserPrincipal } from '../auth/principal.js';
import { fieldProblem } from '../common/problem.js';
import {
  AdminUserDto,
  AdminUserPageDto,
  CreateUserDto,
  UpdateUserDto,
  UsersQueryDto,
} from './users.dto.js';
import { UsersAdminService } from './users-admin.service.js';

/** The roles that administer users (R1); outside them, these routes answer 403. */
export const USER_ADMIN_ROLES = ['CUSTOMER_ADMIN', 'CONSULTANT'] as const;

const userId = new ParseUUIDPipe({
  exceptionFactory: () => fieldProblem('id', 'must be a user id'),
});

/** User administration for customer admins and consultants; exempt-only during downtime. */
@ApiTags('users')
@Controller('api/admin/users')
@Roles(...USER_ADMIN_ROLES)
export class UsersAdminController {
  constructor(private readonly users: UsersAdminService) {}

  @Get()
  @ApiOkResponse({ type: AdminUserPageDto })
  list(@Query() query: UsersQueryDto): Promise<AdminUserPageDto> {
    return this.users.list(query);
  }

  @Post()
  @ApiCreatedResponse({ type: AdminUserDto, description: 'Invited; the invitation is e-mailed' })
  async create(
    @Body() body: CreateUserDto,
    @CurrentPrincipal() principal: UserPrincipal,
  ): Promise<AdminUserDto> {
    return (await this.users.create(body, principal.user.email)).user;
  }

  @Patch(':id')
  @ApiOkResponse({ type: AdminUserDto })
  update(
    @Param('id', userId) id: string,
    @Body() body: UpdateUserDto,
    @CurrentPrincipal() principal: UserPrincipal,
  ): Promise<AdminUserDto> {
    return this.users.update(id, body, principal.user.email);
  }

  @Post(':id/invitation')
  @HttpCode(200)
  @ApiOkResponse({
    type: AdminUserDto,
    description: 'A new invitation; the previous link stops working',
  })
  async reinvite(
    @Param('id', userId) id: string,
    @CurrentPrincipal() principal: UserPrincipal,
  ): Promise<AdminUserDto> {
    return (await this.users.reinvite(id, principal.user.email)).user;
  }
}
