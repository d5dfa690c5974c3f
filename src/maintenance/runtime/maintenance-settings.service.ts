import { Inject, Injectable, Logger } from '@nestjs/common';
import { MAINTENANCE_OPTIONS, type ResolvedMaintenanceOptions } from '../maintenance.options.js';
import type { MaintenanceEventType } from '../persistence/maintenance-event.entity.js';
import {
  MaintenanceStorage,
  StaleVersionError,
  type MaintenanceWindowRecord,
  type WindowFields,
} from '../persistence/maintenance.storage.js';
import { MaintenanceFieldError, MaintenanceVersionConflict } from '../rules/maintenance.errors.js';
import { earliestStart, isStartFarEnough } from '../rules/maintenance.rules.js';
import { isActiveTooLong, maintenanceState } from '../rules/maintenance.state.js';
import { MaintenanceImpactService } from './maintenance-impact.service.js';
import { MaintenanceStateService } from './maintenance-state.service.js';
import type {
  MaintenanceEventsView,
  MaintenanceSettingsChange,
  MaintenanceSettingsView,
} from './maintenance.views.js';

const iso = (instant: Date | null): string | null => instant?.toISOString() ?? null;

function fieldsOf(window: MaintenanceWindowRecord): WindowFields {
  return {
    startsAt: window.startsAt,
    expectedEndAt: window.expectedEndAt,
    message: window.message,
    announce: window.announce,
  };
}

const FIELDS = ['startsAt', 'expectedEndAt', 'message', 'announce'] as const;

type FieldValue = WindowFields[(typeof FIELDS)[number]];

function sameValue(a: FieldValue, b: FieldValue): boolean {
  return (a instanceof Date ? a.getTime() : a) === (b instanceof Date ? b.getTime() : b);
}

function describe(fields: Partial<WindowFields>): Record<string, string | boolean | null> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      key,
      value instanceof Date ? value.toISOString() : (value ?? null),
    ]),
  );
}

/**
 * The setting of Admin > Connect > Settings: R2–R6 on top of the storage. `actor` is whoever makes
 * the change (a user's e-mail address from the HTTP API, or any label a CLI passes).
 */
@Injectable()
export class MaintenanceSettingsService {
  private readonly logger = new Logger('Maintenance');

  constructor(
    private readonly storage: MaintenanceStorage,
    private readonly state: MaintenanceStateService,
    private readonly impact: MaintenanceImpactService,
    @Inject(MAINTENANCE_OPTIONS) private readonly options: ResolvedMaintenanceOptions,
  ) {}

  async settings(): Promise<MaintenanceSettingsView> {
    const latest = await this.storage.latest();
    const now = this.options.clock.now();
    const open = latest && !latest.turnedOffAt ? latest : null;
    const state = maintenanceState(open, now);
    return {
      enabled: open !== null,
      state,
      startsAt: iso(open?.startsAt ?? null),
      expectedEndAt: iso(open?.expectedEndAt ?? null),
      message: open?.message ?? null,
      announce: open?.announce ?? false,
      version: latest?.version ?? 0,
      updatedAt: iso(latest?.updatedAt ?? null),
      updatedBy: latest?.updatedBy ?? null,
      earliestStartsAt: earliestStart(now).toISOString(),
      activeSince: state === 'active' ? iso(open?.startsAt ?? null) : null,
      activeTooLong: isActiveTooLong(open, now, this.options.activeWarningHours),
    };
  }

  /** Applies the change (R2–R6); throws MaintenanceFieldError or MaintenanceVersionConflict and changes nothing when it breaks a rule. */
  async update(body: MaintenanceSettingsChange, actor: string): Promise<MaintenanceSettingsView> {
    const latest = await this.storage.latest();
    const current = latest?.version ?? 0;
    if (body.version !== current) throw new MaintenanceVersionConflict(current);
    const open = latest && !latest.turnedOffAt ? latest : null;
    const now = this.options.clock.now();
    try {
      if (!body.enabled) {
        if (open) await this.turnOff(open, actor, now);
      } else if (!open) {
        await this.schedule(body, current, actor, now);
      } else {
        await this.edit(open, body, actor, now);
      }
    } catch (error) {
      if (error instanceof StaleVersionError)
        throw new MaintenanceVersionConflict((await this.storage.latest())?.version ?? 0);
      throw error;
    }
    return this.settings();
  }

  async events(page: number, pageSize: number): Promise<MaintenanceEventsView> {
    const { items, total } = await this.storage.events((page - 1) * pageSize, pageSize);
    return {
      items: items.map((event) => ({ ...event, at: event.at.toISOString() })),
      total,
      page,
      pageSize,
    };
  }

  private async schedule(
    body: MaintenanceSettingsChange,
    version: number,
    actor: string,
    now: Date,
  ): Promise<void> {
    const fields = this.validated(
      { startsAt: null, expectedEndAt: null, message: null, announce: false },
      body,
      now,
    );
    await this.storage.open(version, fields, actor, now, {
      type: 'scheduled',
      details: { new: describe(fields) },
    });
    await this.recorded('scheduled', actor, now, { new: describe(fields) });
  }

  private async edit(
    open: MaintenanceWindowRecord,
    body: MaintenanceSettingsChange,
    actor: string,
    now: Date,
  ): Promise<void> {
    const old = fieldsOf(open);
    const requestedStart = body.startsAt;
    // R3: once active, the start is history; only the message and the expected end can change.
    if (
      requestedStart &&
      requestedStart.getTime() !== old.startsAt.getTime() &&
      maintenanceState(open, now) === 'active'
    ) {
      throw new MaintenanceFieldError('startsAt', (m) => m.startLocked());
    }
    const next = this.validated(old, body, now);
    const changed = FIELDS.filter((key) => !sameValue(next[key], old[key]));
    if (changed.length === 0) return;
    const pick = (fields: WindowFields): Partial<WindowFields> =>
      Object.fromEntries(changed.map((key) => [key, fields[key]]));
    const type: MaintenanceEventType = changed.includes('startsAt')
      ? 'rescheduled'
      : 'message-changed';
    const details = { old: describe(pick(old)), new: describe(pick(next)) };
    await this.storage.change(open.id, open.version, pick(next), actor, now, { type, details });
    await this.recorded(type, actor, now, details, open.id);
  }

  private async turnOff(open: MaintenanceWindowRecord, actor: string, now: Date): Promise<void> {
    const details = {
      old: { ...describe(fieldsOf(open)), state: maintenanceState(open, now) },
      ...(await this.impact.closingDetails(open)),
    };
    await this.storage.change(open.id, open.version, { turnedOff: true }, actor, now, {
      type: 'turned-off',
      details,
    });
    await this.recorded('turned-off', actor, now, details, open.id);
  }

  /** Applies the body to the current fields and checks R2 (only for a new or moved start) and the end. */
  private validated(
    current: Omit<WindowFields, 'startsAt'> & { startsAt: Date | null },
    body: MaintenanceSettingsChange,
    now: Date,
  ): WindowFields {
    const startsAt = body.startsAt ?? current.startsAt;
    if (!startsAt) throw new MaintenanceFieldError('startsAt', (m) => m.startRequired());
    const expectedEndAt =
      body.expectedEndAt === undefined ? current.expectedEndAt : body.expectedEndAt;
    const message = body.message === undefined ? current.message : body.message || null;
    const startMoved = current.startsAt?.getTime() !== startsAt.getTime();
    if (startMoved && !isStartFarEnough(startsAt, now)) {
      throw new MaintenanceFieldError('startsAt', (m) => m.startTooSoon(earliestStart(now)));
    }
    if (expectedEndAt && expectedEndAt.getTime() <= startsAt.getTime()) {
      throw new MaintenanceFieldError('expectedEndAt', (m) => m.endBeforeStart());
    }
    return { startsAt, expectedEndAt, message, announce: body.announce ?? current.announce };
  }

  /** Logs the change as one structured line and makes every instance enforce it. */
  private async recorded(
    type: MaintenanceEventType,
    actor: string,
    at: Date,
    details: Record<string, unknown>,
    windowId?: string,
  ): Promise<void> {
    await this.state.changed();
    this.logger.log({
      event: `maintenance.${type}`,
      windowId: windowId ?? this.state.window()?.id,
      at: at.toISOString(),
      actor,
      details,
    });
  }
}
