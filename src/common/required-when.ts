import { applyDecorators } from '@nestjs/common';
import { ValidateBy, ValidateIf } from 'class-validator';

/** The name this rule registers with class-validator; the API document reads it back. */
export const REQUIRED_WHEN = 'requiredWhen';

/**
 * Optional (missing or null), except while `property` has one of `values`: then required and
 * validated like any other field. Use it instead of `@IsOptional()`.
 */
export function RequiredWhen(
  property: string,
  values: readonly string[],
  message: string,
): PropertyDecorator {
  const isPresent = (value: unknown) => value !== undefined && value !== null;
  const applies = (object: object) =>
    values.includes((object as Record<string, unknown>)[property] as string);
  return applyDecorators(
    ValidateIf((object: object, value: unknown) => isPresent(value) || applies(object)),
    ValidateBy({
      name: REQUIRED_WHEN,
      constraints: [property, values],
      validator: { validate: isPresent, defaultMessage: () => message },
    }),
  );
}
