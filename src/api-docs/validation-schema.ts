import { MAILABLE_EMAIL_PATTERN } from '../common/email-address.js';
import type { Type } from '@nestjs/common';
import type { SchemaObject } from '@nestjs/swagger';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';
import { REQUIRED_WHEN } from '../common/required-when.js';

type Constraints = readonly unknown[];

/** Extension keyword: at most this many decimals (`@IsNumber({ maxDecimalPlaces })`). */
export const MAX_DECIMALS = 'x-max-decimal-places';

/**
 * What each validator the request DTOs use means as a JSON Schema, in one place: class-validator's
 * own (by the name it registers) and this app's (`ValidateBy` names). A validator that is not here
 * adds nothing to the document: `unmappedValidators` lists such, and the API document test
 * requires none on any route.
 */
export const SCHEMA_OF_VALIDATOR: Record<string, (constraints: Constraints) => SchemaObject> = {
  isString: () => ({ type: 'string' }),
  isEmail: () => ({ type: 'string', format: 'email' }),
  isMailableEmail: () => ({ type: 'string', pattern: MAILABLE_EMAIL_PATTERN }),
  isUuid: () => ({ type: 'string', format: 'uuid' }),
  isBoolean: () => ({ type: 'boolean' }),
  isInt: () => ({ type: 'integer' }),
  isNumber: ([options]) => {
    const decimals = (options as { maxDecimalPlaces?: number } | undefined)?.maxDecimalPlaces;
    // Not `multipleOf: 0.01`: binary fractions make validators refuse values such as 0.07.
    return { type: 'number', ...(decimals !== undefined ? { [MAX_DECIMALS]: decimals } : {}) };
  },
  isObject: () => ({ type: 'object', additionalProperties: true }),
  isIn: ([values]) => {
    const list = values as unknown[];
    const type = list.every((value) => typeof value === 'string') ? 'string' : undefined;
    return { ...(type ? { type } : {}), enum: [...list] };
  },
  minLength: ([length]) => ({ minLength: length as number }),
  maxLength: ([length]) => ({ maxLength: length as number }),
  min: ([minimum]) => ({ minimum: minimum as number }),
  max: ([maximum]) => ({ maximum: maximum as number }),
  isPositive: () => ({ minimum: 0, exclusiveMinimum: true }),
  matches: ([pattern]) => ({ type: 'string', pattern: (pattern as RegExp).source }),
  // This app's own validators.
  isCalendarDate: () => ({ type: 'string', format: 'date' }),
  isRfc3339WithOffset: () => ({ type: 'string', format: 'date-time' }),
  [REQUIRED_WHEN]: () => ({}),
};

const CUSTOM = ValidationTypes.CUSTOM_VALIDATION;
const CONDITIONAL = ValidationTypes.CONDITIONAL_VALIDATION;

function propertySchema(metadata: ValidationMetadata[]): SchemaObject {
  let schema: SchemaObject = {};
  for (const { type, name, constraints } of metadata) {
    if (type !== CUSTOM || !name) continue;
    schema = { ...schema, ...SCHEMA_OF_VALIDATOR[name]?.(constraints ?? []) };
  }
  return skipsNull(metadata) ? { ...schema, nullable: true } : schema;
}

/**
 * Whether a condition (`@IsOptional()`, `@ValidateIf`) skips the validators for null, asked of the
 * condition itself: then null is accepted. (`@Omittable()` skips only a missing value.)
 */
function skipsNull(metadata: ValidationMetadata[]): boolean {
  return metadata.some((m) => {
    if (m.type !== CONDITIONAL) return false;
    const condition = m.constraints[0] as (object: object, value: unknown) => boolean;
    return !condition({ [m.propertyName]: null }, null);
  });
}

/** `required` and the `anyOf` of `@RequiredWhen` rules ("a CLIENT needs a company"). */
function conditionalRules(byProperty: Record<string, ValidationMetadata[]>): SchemaObject[] {
  return Object.entries(byProperty).flatMap(([property, metadata]) =>
    metadata
      .filter((m) => m.type === CUSTOM && m.name === REQUIRED_WHEN)
      .map(({ constraints }) => {
        const [other, values] = constraints as [string, unknown[]];
        const present = propertySchema(metadata);
        delete present.nullable; // while the rule applies, null is refused
        return {
          anyOf: [
            { properties: { [other]: { not: { enum: values } } } },
            { required: [property], properties: { [property]: present } },
          ],
        };
      }),
  );
}

/**
 * The JSON Schema of a request DTO, read from the class-validator decorators the global
 * ValidationPipe checks it with: types, formats, lengths, bounds, enums, which fields are required,
 * and no other fields (the pipe refuses unknown ones). Undefined for a class without them.
 */
export function validationSchemaOf(target: Type): SchemaObject | undefined {
  const storage = getMetadataStorage();
  const metadata = storage.getTargetValidationMetadatas(target, '', false, false);
  if (metadata.length === 0) return undefined;
  const byProperty = storage.groupByPropertyName(metadata);
  const properties = Object.fromEntries(
    Object.entries(byProperty).map(([name, list]) => [name, propertySchema(list)]),
  );
  const required = Object.entries(byProperty)
    .filter(([, list]) => !list.some((m) => m.type === CONDITIONAL))
    .map(([name]) => name);
  const rules = conditionalRules(byProperty);
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
    ...(rules.length === 1 ? rules[0] : rules.length > 1 ? { allOf: rules } : {}),
  };
}

/** The validators on a DTO that SCHEMA_OF_VALIDATOR does not describe (should be none). */
export function unmappedValidators(target: Type): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(target, '', false, false);
  return metadata
    .filter((m) => m.type === CUSTOM && !(m.name && m.name in SCHEMA_OF_VALIDATOR))
    .map((m) => `${target.name}.${m.propertyName}: ${m.name ?? 'unnamed'}`);
}
