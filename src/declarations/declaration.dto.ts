import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate } from '../contracts/calendar-date.js';
import { PageQueryDto } from '../contracts/pagination.js';
import {
  DECLARATION_STATUSES,
  type Declaration,
  type DeclarationStatus,
} from './declaration.entity.js';
import { Omittable } from '../common/omittable.js';

const MAX_AMOUNT = 100_000;

/** What a decision makes of a submitted declaration. */
const DECISIONS = ['approved', 'rejected'] as const satisfies readonly DeclarationStatus[];

/** Hours: at least 0 with at most 2 decimals; the per-period cap (24 h a day) is checked by the service. */
const IsHours = () =>
  applyDecorators(
    IsNumber(
      { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false },
      { message: 'must be a number with at most 2 decimals' },
    ),
    Min(0, { message: 'must not be negative' }),
    Max(9999.99, { message: 'must be at most 9999.99' }),
  );

const IsAmount = () =>
  applyDecorators(
    IsNumber(
      { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false },
      { message: 'must be a number with at most 2 decimals' },
    ),
    Min(0, { message: 'must not be negative' }),
    Max(MAX_AMOUNT, { message: `must be at most ${MAX_AMOUNT}` }),
  );

const IsNote = () =>
  applyDecorators(
    IsString({ message: 'must be a string' }),
    MaxLength(1000, { message: 'must be at most 1000 characters long' }),
  );

/** Optional in a body, and null clears it. */
const Nullable = () => ValidateIf((_object, value) => value !== undefined && value !== null);

export class CreateDeclarationDto {
  @ApiProperty()
  @IsUUID('all', { message: 'must be a contract id' })
  contractId!: string;

  @ApiProperty({ example: '2026-01-05' })
  @IsCalendarDate()
  periodStart!: string;

  @ApiProperty({ example: '2026-01-11' })
  @IsCalendarDate()
  periodEnd!: string;

  @ApiProperty({ example: 38, minimum: 0 })
  @IsHours()
  hours!: number;

  @ApiPropertyOptional({
    type: Number,
    example: 12.4,
    nullable: true,
    description: 'expenses claimed',
  })
  @Nullable()
  @IsAmount()
  amount?: number | null;

  @ApiPropertyOptional({ type: String, maxLength: 1000, nullable: true })
  @Nullable()
  @IsNote()
  note?: string | null;
}

export class UpdateDeclarationDto {
  @ApiPropertyOptional({ example: 38 })
  @Omittable()
  @IsHours()
  hours?: number;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @Nullable()
  @IsAmount()
  amount?: number | null;

  @ApiPropertyOptional({ type: String, maxLength: 1000, nullable: true })
  @Nullable()
  @IsNote()
  note?: string | null;

  @ApiPropertyOptional()
  @Omittable()
  @IsIn(DECISIONS, { message: `must be one of ${DECISIONS.join(', ')}` })
  status?: DeclarationStatus;
}

export class DeclarationDto {
  @ApiProperty() id!: string;
  @ApiProperty() contractId!: string;
  @ApiProperty() periodStart!: string;
  @ApiProperty() periodEnd!: string;
  @ApiProperty() hours!: number;
  @ApiProperty({ nullable: true, type: Number }) amount!: number | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ enum: DECLARATION_STATUSES }) status!: DeclarationStatus;
  @ApiProperty({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class DeclarationPageDto {
  @ApiProperty({ type: [DeclarationDto] }) items!: DeclarationDto[];
  @ApiProperty() total!: number;
}

export function toDeclarationDto(declaration: Declaration): DeclarationDto {
  return {
    id: declaration.id,
    contractId: declaration.contractId,
    periodStart: declaration.periodStart,
    periodEnd: declaration.periodEnd,
    hours: declaration.hours,
    amount: declaration.amount,
    note: declaration.note,
    status: declaration.status,
    decidedBy: declaration.decidedBy,
    decidedAt: declaration.decidedAt?.toISOString() ?? null,
    createdAt: declaration.createdAt.toISOString(),
    updatedAt: declaration.updatedAt.toISOString(),
  };
}

export class DeclarationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'only the declarations of this contract' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a contract id' })
  contractId?: string;
}
