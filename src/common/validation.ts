import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { validationProblem, type FieldError } from './problem.js';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({
      field,
      reason: reason.startsWith('property ') ? 'is not an allowed field' : reason,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Global validation: unknown fields are refused; every failure is listed by field in a problem document. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationProblem(flatten(errors)),
  });
}
