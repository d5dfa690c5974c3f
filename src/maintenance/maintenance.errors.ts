import { HttpStatus } from '@nestjs/common';
import type { Language } from '../common/language.js';
import {
  conflictProblem,
  fieldProblem,
  forbiddenProblem,
  ProblemException,
  problemType,
  unauthorizedProblem,
  type ProblemTranslation,
} from '../common/problem.js';
import { MIN_LEAD_MINUTES } from './maintenance.rules.js';

/** Every message the maintenance module sends, in one place, in each language of the platform. */
export interface MaintenanceMessages {
  notRfc3339(): string;
  startTooSoon(earliest: Date): string;
  startRequired(): string;
  startLocked(): string;
  endBeforeStart(): string;
  staleVersion(current: number): string;
  refusalTitle(): string;
  refusalDetail(startsAt: Date): string;
  adminOnly(): string;
  signInFirst(): string;
}

const MAINTENANCE_MESSAGES_BY_LANGUAGE: Record<Language, MaintenanceMessages> = {
  en: {
    notRfc3339: () =>
      'must be an RFC 3339 date-time with a UTC offset, e.g. 2030-01-05T18:00:00+01:00',
    startTooSoon: (earliest) =>
      `must be at least ${MIN_LEAD_MINUTES} minutes after the server's current time (earliest ${earliest.toISOString()})`,
    startRequired: () => 'is required to turn maintenance on',
    startLocked: () =>
      'cannot be changed once downtime has started; turn maintenance off instead (only the message and the expected end can change)',
    endBeforeStart: () => 'must be after startsAt',
    staleVersion: (current) =>
      `The maintenance setting was changed by someone else (current version ${current}); reload it and try again.`,
    refusalTitle: () => 'Service unavailable for maintenance',
    refusalDetail: (startsAt) =>
      `The platform is unavailable for maintenance since ${startsAt.toISOString()}. Please try again later.`,
    adminOnly: () =>
      'Only customer admins and consultants can read or change the maintenance setting.',
    signInFirst: () => 'Sign in first.',
  },
  nl: {
    notRfc3339: () =>
      'moet een RFC 3339-datum en -tijd met UTC-verschil zijn, bijvoorbeeld 2030-01-05T18:00:00+01:00',
    startTooSoon: (earliest) =>
      `moet minstens ${MIN_LEAD_MINUTES} minuten na de huidige tijd van de server liggen (vroegst ${earliest.toISOString()})`,
    startRequired: () => 'is verplicht om onderhoud in te schakelen',
    startLocked: () =>
      'kan niet meer worden gewijzigd nu het onderhoud is begonnen; schakel het onderhoud uit (alleen het bericht en het verwachte einde kunnen nog veranderen)',
    endBeforeStart: () => 'moet na startsAt liggen',
    staleVersion: (current) =>
      `De onderhoudsinstelling is intussen door iemand anders gewijzigd (huidige versie ${current}); laad haar opnieuw en probeer het nog eens.`,
    refusalTitle: () => 'Niet beschikbaar wegens onderhoud',
    refusalDetail: (startsAt) =>
      `Het platform is sinds ${startsAt.toISOString()} niet beschikbaar wegens onderhoud. Probeer het later opnieuw.`,
    adminOnly: () =>
      'Alleen klantbeheerders en consultants kunnen de onderhoudsinstelling lezen of wijzigen.',
    signInFirst: () => 'Meld u eerst aan.',
  },
};

/** The English messages, for places without a request (logs, validation decorators). */
export const MAINTENANCE_MESSAGES = MAINTENANCE_MESSAGES_BY_LANGUAGE.en;

type Message = (messages: MaintenanceMessages) => string;

/** The same human-readable parts in every other language. */
function translations(
  build: (messages: MaintenanceMessages) => ProblemTranslation,
): Partial<Record<Language, ProblemTranslation>> {
  return { nl: build(MAINTENANCE_MESSAGES_BY_LANGUAGE.nl) };
}

function translated(
  problem: ProblemException,
  build: (messages: MaintenanceMessages) => ProblemTranslation,
) {
  return new ProblemException(problem.problem, problem.headers, translations(build));
}

/** 400 naming the field, in the client's language. */
export function maintenanceFieldProblem(field: string, message: Message): ProblemException {
  return translated(fieldProblem(field, message(MAINTENANCE_MESSAGES)), (messages) => ({
    detail: `${field}: ${message(messages)}`,
    errors: [{ field, reason: message(messages) }],
  }));
}

/** 409 for a change based on a stale version (R6). */
export function staleVersionProblem(current: number): ProblemException {
  return translated(
    conflictProblem(MAINTENANCE_MESSAGES.staleVersion(current), { currentVersion: current }),
    (messages) => ({ detail: messages.staleVersion(current) }),
  );
}

/** R1: 401 for anonymous, 403 for any other principal. */
export function signInFirstProblem(): ProblemException {
  return translated(unauthorizedProblem(MAINTENANCE_MESSAGES.signInFirst()), (messages) => ({
    detail: messages.signInFirst(),
  }));
}

export function adminOnlyProblem(): ProblemException {
  return translated(forbiddenProblem(MAINTENANCE_MESSAGES.adminOnly()), (messages) => ({
    detail: messages.adminOnly(),
  }));
}

export const MAINTENANCE_PROBLEM_TYPE = problemType('maintenance');

/** The refusal of R17: 503 problem+json with startsAt, Retry-After and Cache-Control: no-store. */
export function maintenanceRefusal(
  window: { startsAt: Date; expectedEndAt: Date | null },
  now: Date,
  defaultRetryAfterSeconds: number,
): ProblemException {
  const untilEnd = window.expectedEndAt
    ? Math.ceil((window.expectedEndAt.getTime() - now.getTime()) / 1000)
    : 0;
  const retryAfter = untilEnd > 0 ? untilEnd : defaultRetryAfterSeconds;
  return new ProblemException(
    {
      type: MAINTENANCE_PROBLEM_TYPE,
      title: MAINTENANCE_MESSAGES.refusalTitle(),
      status: HttpStatus.SERVICE_UNAVAILABLE,
      detail: MAINTENANCE_MESSAGES.refusalDetail(window.startsAt),
      startsAt: window.startsAt.toISOString(),
      ...(window.expectedEndAt ? { expectedEndAt: window.expectedEndAt.toISOString() } : {}),
    },
    { 'Retry-After': String(retryAfter), 'Cache-Control': 'no-store' },
    translations((messages) => ({
      title: messages.refusalTitle(),
      detail: messages.refusalDetail(window.startsAt),
    })),
  );
}
