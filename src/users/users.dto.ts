import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { RequiredWhen } from '../common/required-when.js';
import { PageQueryDto } from '../contracts/pagination.js';
import { ROLES, USER_STATUSES, type Role, type UserStatus } from './role.js';
import { IsMailableEmail } from '../common/email-address.js';
import { Omittable } from '../common/omittable.js';

const trimmed = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export class CreateUserDto {
  @ApiProperty({ example: 'new.admin@example.com' })
  @Transform(trimmed)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @IsMailableEmail()
  @MaxLength(320, { message: 'must be at most 320 characters long' })
  email!: string;

  @ApiProperty({ example: 'Noor de Vries' })
  @Transform(trimmed)
  @IsString({ message: 'must be a string' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(200, { message: 'must be at most 200 characters long' })
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @ApiPropertyOptional({ description: 'Required for a CLIENT: the company it belongs to' })
  @RequiredWhen('role', ['CLIENT'], 'is required for a CLIENT')
  @IsUUID('all', { message: 'must be a company id' })
  companyId?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @Omittable()
  @Transform(trimmed)
  @IsString({ message: 'must be a string' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(200, { message: 'must be at most 200 characters long' })
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @Omittable()
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ enum: ['active', 'disabled'] })
  @Omittable()
  @IsIn(['active', 'disabled'], { message: 'must be one of active, disabled' })
  status?: 'active' | 'disabled';

  @ApiPropertyOptional({ description: 'The company of a CLIENT' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a company id' })
  companyId?: string;
}

export class UsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ enum: USER_STATUSES })
  @IsOptional()
  @IsIn(USER_STATUSES, { message: `must be one of ${USER_STATUSES.join(', ')}` })
  status?: UserStatus;

  @ApiPropertyOptional({ description: 'Part of the e-mail address or the name' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(200, { message: 'must be at most 200 characters long' })
  q?: string;
}

/** A user as administrators see it: never a password hash or a token. */
export class AdminUserDto {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ enum: USER_STATUSES }) status!: UserStatus;
  @ApiProperty({ nullable: true, type: String }) companyId!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When the open invitation expires (invited users only)',
  })
  invitationExpiresAt!: string | null;
}

export class AdminUserPageDto {
  @ApiProperty({ type: [AdminUserDto] }) items!: AdminUserDto[];
  @ApiProperty() total!: number;
}
