import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { SavedSearch } from './saved-search.entity.js';

export class CreateSavedSearchDto {
  @ApiPropertyOptional({ example: 'developer', maxLength: 100 })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(100, { message: 'must be at most 100 characters long' })
  keyword?: string;

  @ApiPropertyOptional({ example: 'Amsterdam', maxLength: 100 })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(100, { message: 'must be at most 100 characters long' })
  location?: string;
}

export class SavedSearchDto {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) keyword!: string | null;
  @ApiProperty({ nullable: true, type: String }) location!: string | null;
  @ApiProperty({ format: 'date-time' }) lastRunAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class SavedSearchPageDto {
  @ApiProperty({ type: [SavedSearchDto] }) items!: SavedSearchDto[];
  @ApiProperty() total!: number;
}

export function toSavedSearchDto(search: SavedSearch): SavedSearchDto {
  return {
    id: search.id,
    keyword: search.keyword,
    location: search.location,
    lastRunAt: search.lastRunAt.toISOString(),
    createdAt: search.createdAt.toISOString(),
  };
}
