import { ValidateIf } from 'class-validator';

/**
 * A field a body may leave out, but not set to null (unlike `@IsOptional()`, which lets null through
 * to code that would store it): null is checked by the field's other validators and refused.
 */
export const Omittable = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);
