import 'reflect-metadata';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  validateSync,
} from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { Omittable } from '../common/omittable.js';
import { RequiredWhen } from '../common/required-when.js';
import { IsCalendarDate } from '../contracts/calendar-date.js';
import { MAX_DECIMALS, unmappedValidators, validationSchemaOf } from './validation-schema.js';

class Everything {
  @IsString() @MinLength(1) @MaxLength(20) name!: string;
  @IsEmail() email!: string;
  @IsUUID('all') id!: string;
  @IsBoolean() enabled!: boolean;
  @IsInt() @Min(1) @Max(100) count!: number;
  @IsNumber({ maxDecimalPlaces: 2 }) @IsPositive() rate!: number;
  @IsIn(['a', 'b']) kind!: string;
  @Matches(/^[a-z]+$/) slug!: string;
  @IsObject() payload!: Record<string, unknown>;
  @IsCalendarDate() day!: string;
}

class Optionals {
  @IsOptional() @IsString() nullable?: string | null;
  @Omittable() @IsString() omittable?: string;
}

class Conditional {
  @IsIn(['CLIENT', 'ADMIN']) role!: string;
  @RequiredWhen('role', ['CLIENT'], 'is required for a CLIENT') @IsUUID('all') companyId?: string;
}

class Unknown {
  @ValidateBy({ name: 'isSomethingNew', validator: { validate: () => true } }) thing!: string;
}

class Child extends Optionals {
  @IsString() extra!: string;
}

describe('validationSchemaOf', () => {
  it('describes each validator', () => {
    expect(validationSchemaOf(Everything)).toEqual({
      type: 'object',
      additionalProperties: false,
      required: [
        'name',
        'email',
        'id',
        'enabled',
        'count',
        'rate',
        'kind',
        'slug',
        'payload',
        'day',
      ],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 20 },
        email: { type: 'string', format: 'email' },
        id: { type: 'string', format: 'uuid' },
        enabled: { type: 'boolean' },
        count: { type: 'integer', minimum: 1, maximum: 100 },
        rate: { type: 'number', [MAX_DECIMALS]: 2, minimum: 0, exclusiveMinimum: true },
        kind: { type: 'string', enum: ['a', 'b'] },
        slug: { type: 'string', pattern: '^[a-z]+$' },
        payload: { type: 'object', additionalProperties: true },
        day: { type: 'string', format: 'date' },
      },
    });
  });

  it('lets null through where @IsOptional does, and not where @Omittable refuses it', () => {
    const schema = validationSchemaOf(Optionals);
    expect(schema?.properties).toEqual({
      nullable: { type: 'string', nullable: true },
      omittable: { type: 'string' },
    });
    expect(schema?.required).toBeUndefined();
    const errors = (body: object) => validateSync(plainToInstance(Optionals, body)).length;
    expect(errors({ nullable: null })).toBe(0);
    expect(errors({ omittable: null })).toBe(1);
    expect(errors({})).toBe(0);
  });

  it('reads inherited validators', () => {
    expect(Object.keys(validationSchemaOf(Child)?.properties ?? {}).sort()).toEqual([
      'extra',
      'nullable',
      'omittable',
    ]);
  });

  it('turns @RequiredWhen into an anyOf, as the validator decides', () => {
    const schema = validationSchemaOf(Conditional);
    expect(schema?.required).toEqual(['role']);
    expect(schema?.anyOf).toEqual([
      { properties: { role: { not: { enum: ['CLIENT'] } } } },
      { required: ['companyId'], properties: { companyId: { type: 'string', format: 'uuid' } } },
    ]);
    const errors = (body: object) =>
      validateSync(plainToInstance(Conditional, body)).map((e) => e.property);
    expect(errors({ role: 'CLIENT' })).toEqual(['companyId']);
    expect(errors({ role: 'CLIENT', companyId: null })).toEqual(['companyId']);
    expect(errors({ role: 'ADMIN' })).toEqual([]);
    expect(errors({ role: 'ADMIN', companyId: null })).toEqual([]);
  });

  it('says nothing of a class without validators', () => {
    class Plain {
      x = 1;
    }
    expect(validationSchemaOf(Plain)).toBeUndefined();
  });

  it('lists a validator it cannot describe', () => {
    expect(unmappedValidators(Unknown)).toEqual(['Unknown.thing: isSomethingNew']);
    expect(unmappedValidators(Everything)).toEqual([]);
  });
});
