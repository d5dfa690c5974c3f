import { ApiProperty, ApiPropertyOptional } from './api-doc.js';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { MAINTENANCE_EVENT_TYPES } from '../persistence/maintenance-event.entity.js';
import { MAX_MESSAGE_LENGTH, readInstant } from '../rules/maintenance.rules.js';
import { MAINTENANCE_STATES } from '../rules/maintenance.state.js';
import { DEFAULT_MAINTENANCE_MESSAGES as MESSAGES } from '../rules/maintenance.messages.js';
import type {
  MaintenanceEventsView,
  MaintenanceEventView,
  MaintenanceImpactView,
  MaintenanceSettingsView,
  MaintenanceStatusView,
} from '../runtime/maintenance.views.js';

/**
 * RFC 3339 with a UTC offset, in the UTC years 1970–9999 (so the value the API returns reads back);
 * the distance from "now" (R2) is checked by the service with the injected clock.
 */
function IsRfc3339WithOffset(): PropertyDecorator {
  return ValidateBy({
    name: 'isRfc3339WithOffset',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && readInstant(value) instanceof Date,
      defaultMessage: (args) =>
        typeof args?.value === 'string' && readInstant(args.value) === 'range'
          ? MESSAGES.yearOutOfRange()
          : MESSAGES.notRfc3339(),
    },
  });
}

/**
 * PUT body. `enabled: false` turns the open window off. With `enabled: true`, a field that is left out
 * keeps its current value and `null` clears it (startsAt is required when no window is open).
 */
export class UpdateMaintenanceSettingsDto {
  @ApiProperty()
  @IsBoolean({ message: 'must be true or false' })
  enabled!: boolean;

  @ApiPropertyOptional({
    example: '2030-01-05T18:00:00+01:00',
    description: 'RFC 3339 with offset, at least 10 minutes ahead',
  })
  @IsOptional()
  @IsRfc3339WithOffset()
  startsAt?: string | null;

  @ApiPropertyOptional({ example: '2030-01-05T23:00:00+01:00', nullable: true })
  @IsOptional()
  @IsRfc3339WithOffset()
  expectedEndAt?: string | null;

  @ApiPropertyOptional({ maxLength: MAX_MESSAGE_LENGTH, nullable: true })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(MAX_MESSAGE_LENGTH, {
    message: `must be at most ${MAX_MESSAGE_LENGTH} characters long`,
  })
  message?: string | null;

  @ApiPropertyOptional({
    description: "Announce the window's changes to every active regular user by e-mail",
  })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  announce?: boolean;

  @ApiProperty({ description: 'The version GET returned (0 when there never was a window)' })
  @IsInt({ message: 'must be an integer' })
  @Min(0, { message: 'must not be negative' })
  version!: number;
}

export class MaintenanceSettingsDto implements MaintenanceSettingsView {
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ enum: MAINTENANCE_STATES }) state!: string;
  @ApiProperty({ nullable: true, type: String }) startsAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) expectedEndAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) message!: string | null;
  @ApiProperty({ description: "The window's changes are announced by e-mail" })
  announce!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedBy!: string | null;
  @ApiProperty({ description: 'The earliest start R2 accepts right now' })
  earliestStartsAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'When downtime began, while active' })
  activeSince!: string | null;
  @ApiProperty({
    description: 'Active longer than the configured hours: was turning it off forgotten?',
  })
  activeTooLong!: boolean;
}

/** Far past the end of any history, yet its offset stays a safe integer on every database. */
export const MAX_EVENTS_PAGE = 100_000;

export class MaintenanceEventsQueryDto {
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: MAX_EVENTS_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(MAX_EVENTS_PAGE, { message: `must be at most ${MAX_EVENTS_PAGE}` })
  page = 1;

  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(100, { message: 'must be at most 100' })
  pageSize = 20;
}

export class MaintenanceEventDto implements MaintenanceEventView {
  @ApiProperty() id!: string;
  @ApiProperty() windowId!: string;
  @ApiProperty({ enum: MAINTENANCE_EVENT_TYPES }) type!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ description: 'The user, or "system"' }) actor!: string;
  @ApiProperty({ type: Object, description: 'Old and new values' }) details!: Record<
    string,
    unknown
  >;
}

export class MaintenanceEventsDto implements MaintenanceEventsView {
  @ApiProperty({ type: [MaintenanceEventDto] }) items!: MaintenanceEventDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class MaintenanceStatusDto implements MaintenanceStatusView {
  @ApiProperty({ enum: MAINTENANCE_STATES }) state!: string;
  @ApiProperty({ nullable: true, type: String }) startsAt!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '0 once active' })
  secondsUntilStart!: number | null;
  @ApiProperty({ nullable: true, type: String }) expectedEndAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) message!: string | null;
  @ApiProperty({ description: 'R9: the notice is due for this session now' }) noticeDue!: boolean;
  @ApiProperty({ description: "The server's current time, to correct a browser clock" })
  now!: string;
  @ApiProperty({ description: 'This principal keeps working during downtime' }) exempt!: boolean;
  @ApiProperty({ description: 'Active longer than the configured hours' }) activeTooLong!: boolean;
}

export class AcknowledgeNoticeDto {
  @ApiPropertyOptional({
    description: 'The start time the notice showed; a moved start is not acknowledged',
  })
  @IsOptional()
  @IsRfc3339WithOffset()
  startsAt?: string;
}

export class SignedInDto {
  @ApiProperty({ description: 'Distinct regular users with a live, recently used session' })
  total!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: "By the host's regular roles, every one present",
  })
  byRole!: Record<string, number>;
}

export class NoticeImpactDto {
  @ApiProperty({ description: 'Distinct users who closed the R9 notice for the current start' })
  acknowledged!: number;
}

export class RefusalsByPrincipalDto {
  @ApiProperty() user!: number;
  @ApiProperty() integration!: number;
  @ApiProperty() anonymous!: number;
}

export class RefusalsImpactDto {
  @ApiProperty({ description: "The window's start: refusals are counted from it" })
  since!: string;
  @ApiProperty({ description: 'Across all instances; may lag a few seconds' }) total!: number;
  @ApiProperty({ type: RefusalsByPrincipalDto }) byPrincipal!: RefusalsByPrincipalDto;
}

export class MaintenanceImpactDto implements MaintenanceImpactView {
  @ApiProperty({ description: 'When the counts were taken' }) at!: string;
  @ApiProperty({ type: SignedInDto }) signedIn!: SignedInDto;
  @ApiProperty({ type: NoticeImpactDto }) notice!: NoticeImpactDto;
  @ApiProperty({
    type: RefusalsImpactDto,
    nullable: true,
    description: 'Null when no window is open; zeros until the start',
  })
  refusals!: RefusalsImpactDto | null;
}
