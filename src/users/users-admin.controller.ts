import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { UserPrincipal } from '../auth/principal.js';
import { ResourceIdPipe } from '../common/resource-id.pipe.js';
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

/** User administration for customer admins and consultants; exempt-only during downtime. */
@ApiTags('users')
@Controller('api/admin/users')
@Roles(...USER_ADMIN_ROLES)
export class UsersAdminController {
  constructor(private readonly users: UsersAdminService) {}

  @Get()
  @ApiOperation({ summary: 'List users (filter by role, status, text; paginated)' })
  @ApiOkResponse({ type: AdminUserPageDto })
  list(@Query() query: UsersQueryDto): Promise<AdminUserPageDto> {
    return this.users.list(query);
  }

  @Post()
  @ApiOperation({ summary: 'Invite a user (an activation link is e-mailed)' })
  @ApiConflictResponse({ description: 'The e-mail address is already used' })
  @ApiCreatedResponse({ type: AdminUserDto, description: 'Invited; the invitation is e-mailed' })
  async create(
    @Body() body: CreateUserDto,
    @CurrentPrincipal() principal: UserPrincipal,
  ): Promise<AdminUserDto> {
    return (await this.users.create(body, principal.user.email)).user;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, change the role of, disable or enable a user' })
  @ApiConflictResponse({
    description: 'The last active customer admin cannot be disabled or demoted',
  })
  @ApiOkResponse({ type: AdminUserDto })
  update(
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: UpdateUserDto,
    @CurrentPrincipal() principal: UserPrincipal,
  ): Promise<AdminUserDto> {
    return this.users.update(id, body, principal.user.email);
  }

  @Post(':id/invitation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a new invitation (the previous link stops working)' })
  @ApiConflictResponse({ description: 'The user is no longer invited' })
  @ApiOkResponse({
    type: AdminUserDto,
    description: 'A new invitation; the previous link stops working',
  })
  async reinvite(
    @Param('id', ResourceIdPipe) id: string,
    @CurrentPrincipal() principal: UserPrincipal,
  ): Promise<AdminUserDto> {
    return (await this.users.reinvite(id, principal.user.email)).user;
  }
}
