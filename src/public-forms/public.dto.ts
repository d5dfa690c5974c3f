import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsObject, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import type { FormField, FormFieldType } from './form-definition.js';
import type { PublicForm } from './public-form.entity.js';
import type { Vacancy } from './vacancy.entity.js';
import { IsMailableEmail } from '../common/email-address.js';
import { Omittable } from '../common/omittable.js';

export class VacancyDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() location!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class VacancyPageDto {
  @ApiProperty({ type: [VacancyDto] }) items!: VacancyDto[];
  @ApiProperty() total!: number;
}

export function toVacancyDto(vacancy: Vacancy): VacancyDto {
  return {
    id: vacancy.id,
    title: vacancy.title,
    location: vacancy.location,
    description: vacancy.description,
    createdAt: vacancy.createdAt.toISOString(),
  };
}

export class CreateJobApplicationDto {
  @ApiProperty()
  @IsUUID('all', { message: 'must be a vacancy id' })
  vacancyId!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString({ message: 'must be a string' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(200, { message: 'must be at most 200 characters long' })
  name!: string;

  @ApiProperty({ maxLength: 320 })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @IsMailableEmail()
  @MaxLength(320, { message: 'must be at most 320 characters long' })
  email!: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @Omittable()
  @IsString({ message: 'must be a string' })
  @MaxLength(4000, { message: 'must be at most 4000 characters long' })
  motivation?: string;
}

export class ReceiptDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class FormFieldDto implements FormField {
  @ApiProperty() name!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: ['text', 'email', 'textarea'] }) type!: FormFieldType;
  @ApiProperty() required!: boolean;
  @ApiProperty() maxLength!: number;
}

export class PublicFormDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [FormFieldDto] }) fields!: FormFieldDto[];
}

export class PublicFormPageDto {
  @ApiProperty({ type: [PublicFormDto] }) items!: PublicFormDto[];
  @ApiProperty() total!: number;
}

export function toPublicFormDto(form: PublicForm): PublicFormDto {
  return { id: form.id, title: form.title, description: form.description, fields: form.fields };
}

export class FormSubmissionDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'the value of each field by its name; checked against the form',
  })
  @IsObject({ message: 'must be an object of field name to text' })
  fields!: Record<string, unknown>;
}
