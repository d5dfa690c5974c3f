import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsObject, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class IntegrationMessageDto {
  @ApiProperty({ example: 'candidate.applied', maxLength: 100 })
  @IsString({ message: 'must be a string' })
  @MaxLength(100, { message: 'must be at most 100 characters long' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, {
    message: 'must be letters, digits and . _ : - (starting with a letter or digit)',
  })
  type!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject({ message: 'must be an object' })
  payload!: Record<string, unknown>;
}

export class MessageReceiptDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
}

export const MUTATION_ENTITIES = ['contract', 'declaration'] as const;
export type MutationEntity = (typeof MUTATION_ENTITIES)[number];

export class BackofficeMutationDto {
  @ApiProperty({ enum: MUTATION_ENTITIES })
  @IsIn(MUTATION_ENTITIES, { message: `must be one of ${MUTATION_ENTITIES.join(', ')}` })
  entity!: MutationEntity;

  @ApiProperty()
  @IsUUID('all', { message: 'must be an id' })
  id!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'the fields to change: those of PATCH /api/contracts/:id or PATCH /api/declarations/:id',
  })
  @IsObject({ message: 'must be an object' })
  changes!: Record<string, unknown>;
}

export class MutationResultDto {
  @ApiProperty({ enum: MUTATION_ENTITIES }) entity!: MutationEntity;
  @ApiProperty() id!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the record after the change',
  })
  applied!: object;
}
