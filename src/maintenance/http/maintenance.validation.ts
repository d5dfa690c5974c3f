import {
  createParamDecorator,
  Injectable,
  ValidationPipe,
  type ExecutionContext,
  type ValidationError,
} from '@nestjs/common';
import type { Request } from 'express';
import { UpdateMaintenanceSettingsDto } from './maintenance.dto.js';
import { MaintenanceProblems, type MaintenanceFieldReason } from './maintenance.problems.js';
import type { MaintenanceSettingsChange } from '../runtime/maintenance.views.js';
import { parseRfc3339 } from '../rules/maintenance.rules.js';

function fieldReasons(errors: ValidationError[], prefix = ''): MaintenanceFieldReason[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((text) => ({
      field,
      reason: () => (text.startsWith('property ') ? 'is not an allowed field' : text),
    }));
    return [...own, ...fieldReasons(error.children ?? [], field)];
  });
}

/**
 * The module's own validation of its input, whatever pipe the host uses: unknown fields refused,
 * values converted, every failure a 400 problem naming the field. It reaches the handler through
 * MaintenanceBody/MaintenanceQuery, which a host's global ValidationPipe leaves alone (custom parameters).
 */
@Injectable()
export class MaintenanceValidationPipe extends ValidationPipe {
  constructor(problems: MaintenanceProblems) {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validateCustomDecorators: true,
      exceptionFactory: (errors) => problems.invalid(fieldReasons(errors)),
    });
  }

  /** Validates `value` as `metatype` (the body of a request, a CLI's options, a form's fields). */
  async as<T>(metatype: new () => T, value: unknown): Promise<T> {
    return (await this.transform(value, { type: 'custom', metatype })) as T;
  }
}

const requestBody = createParamDecorator(
  (_: unknown, context: ExecutionContext): unknown =>
    context.switchToHttp().getRequest<Request>().body,
);
const requestQuery = createParamDecorator(
  (_: unknown, context: ExecutionContext): unknown =>
    context.switchToHttp().getRequest<Request>().query,
);

/** The request body, validated by the module as the parameter's DTO class. */
export const MaintenanceBody = (): ParameterDecorator => requestBody(MaintenanceValidationPipe);
/** The query string, validated by the module as the parameter's DTO class. */
export const MaintenanceQuery = (): ParameterDecorator => requestQuery(MaintenanceValidationPipe);

/** A validated PUT body as the core's change (its instants read into Dates). */
export function settingsChangeOf(body: UpdateMaintenanceSettingsDto): MaintenanceSettingsChange {
  const instant = (value: string | null | undefined) =>
    value === undefined ? undefined : value === null ? null : parseRfc3339(value);
  return {
    enabled: body.enabled,
    startsAt: instant(body.startsAt),
    expectedEndAt: instant(body.expectedEndAt),
    message: body.message,
    announce: body.announce,
    version: body.version,
  };
}
