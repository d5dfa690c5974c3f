import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Omittable } from '../common/omittable.js';
import { PageQueryDto } from '../contracts/pagination.js';

const trimmed = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

/** A company name: one line of 1..200 characters once trimmed; no control characters. */
const CompanyName = () =>
  applyDecorators(
    Transform(trimmed),
    IsString({ message: 'must be a string' }),
    MinLength(1, { message: 'is required' }),
    MaxLength(200, { message: 'must be at most 200 characters long' }),
    // C0, DEL and C1 spelled out (not \p{Cc}): the API document's pattern must read the same in every
    // JSON-schema validator, and not all of them know Unicode property escapes.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    Matches(/^[^\u0000-\u001F\u007F-\u009F]*$/, { message: 'must not contain control characters' }),
  );

export class CreateCompanyDto {
  @ApiProperty({ example: 'Acme Logistics B.V.', minLength: 1, maxLength: 200 })
  @CompanyName()
  name!: string;
}

export class UpdateCompanyDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200, description: 'A new name' })
  @Omittable()
  @CompanyName()
  name?: string;

  @ApiPropertyOptional({
    description:
      'false deactivates (refused while the company has active or invited users or open contracts); true reactivates',
  })
  @Omittable()
  @IsBoolean({ message: 'must be true or false' })
  active?: boolean;
}

export class CompaniesQueryDto extends PageQueryDto {}

export class CompanyDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Inactive companies take no new clients' }) active!: boolean;
  @ApiProperty() createdAt!: string;
}

export class CompanyPageDto {
  @ApiProperty({ type: [CompanyDto] }) items!: CompanyDto[];
  @ApiProperty() total!: number;
}
