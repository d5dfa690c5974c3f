import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate } from './calendar-date.js';
import { CONTRACT_STATUSES, type Contract, type ContractStatus } from './contract.entity.js';
import { Omittable } from '../common/omittable.js';

const MAX_HOURLY_RATE = 10_000;

export class CreateContractDto {
  @ApiProperty({ maxLength: 200 })
  @IsString({ message: 'must be a string' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(200, { message: 'must be at most 200 characters long' })
  title!: string;

  @ApiProperty({ description: 'id of a user with role CANDIDATE' })
  @IsUUID('all', { message: 'must be a user id' })
  candidateId!: string;

  @ApiProperty({ description: 'id of the client company' })
  @IsUUID('all', { message: 'must be a company id' })
  clientCompanyId!: string;

  @ApiProperty({ example: '2026-01-05' })
  @IsCalendarDate()
  startDate!: string;

  @ApiPropertyOptional({ type: String, example: '2026-12-31', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  endDate?: string | null;

  @ApiProperty({ example: 42.5, minimum: 0.01, maximum: MAX_HOURLY_RATE })
  @IsHourlyRate()
  hourlyRate!: number;
}

/** A positive amount of money per hour with at most 2 decimals. */
function IsHourlyRate(): PropertyDecorator {
  return applyDecorators(
    IsNumber(
      { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false },
      { message: 'must be a number with at most 2 decimals' },
    ),
    IsPositive({ message: 'must be greater than 0' }),
    Max(MAX_HOURLY_RATE, { message: `must be at most ${MAX_HOURLY_RATE}` }),
  );
}

export class UpdateContractDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @Omittable()
  @IsString({ message: 'must be a string' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200, { message: 'must be at most 200 characters long' })
  title?: string;

  @ApiPropertyOptional({ example: '2026-01-05' })
  @Omittable()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({
    type: String,
    example: '2026-12-31',
    nullable: true,
    description: 'null removes the end date',
  })
  @ValidateIf((_object, value) => value !== undefined && value !== null)
  @IsCalendarDate()
  endDate?: string | null;

  @ApiPropertyOptional({ example: 42.5 })
  @Omittable()
  @IsHourlyRate()
  hourlyRate?: number;

  @ApiPropertyOptional({ enum: CONTRACT_STATUSES })
  @Omittable()
  @IsIn(CONTRACT_STATUSES, { message: `must be one of ${CONTRACT_STATUSES.join(', ')}` })
  status?: ContractStatus;
}

export class ContractDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() candidateId!: string;
  @ApiProperty() clientCompanyId!: string;
  @ApiProperty({ example: '2026-01-05' }) startDate!: string;
  @ApiProperty({ nullable: true, type: String }) endDate!: string | null;
  @ApiProperty() hourlyRate!: number;
  @ApiProperty({ enum: CONTRACT_STATUSES }) status!: ContractStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ContractPageDto {
  @ApiProperty({ type: [ContractDto] }) items!: ContractDto[];
  @ApiProperty() total!: number;
}

export function toContractDto(contract: Contract): ContractDto {
  return {
    id: contract.id,
    title: contract.title,
    candidateId: contract.candidateId,
    clientCompanyId: contract.clientCompanyId,
    startDate: contract.startDate,
    endDate: contract.endDate,
    hourlyRate: contract.hourlyRate,
    status: contract.status,
    createdAt: contract.createdAt.toISOString(),
    updatedAt: contract.updatedAt.toISOString(),
  };
}
