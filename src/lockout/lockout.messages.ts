import type { Language } from '../common/language.js';
import {
  DEFAULT_MAINTENANCE_MESSAGES,
  MIN_LEAD_MINUTES,
  type MaintenanceMessages,
} from '../maintenance/index.js';

/** The lockout's messages in the platform's languages (English first: logs and validation use it). */
export const LOCKOUT_MESSAGES: Record<Language, MaintenanceMessages> = {
  en: {
    ...DEFAULT_MAINTENANCE_MESSAGES,
    adminOnly: () =>
      'Only customer admins and consultants can read or change the maintenance setting.',
  },
  nl: {
    notRfc3339: () =>
      'moet een RFC 3339-datum en -tijd met UTC-verschil zijn, bijvoorbeeld 2030-01-05T18:00:00+01:00',
    yearOutOfRange: () => 'moet in de UTC-jaren 1970 tot en met 9999 vallen',
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
