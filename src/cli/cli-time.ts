import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';

/**
 * An instant as the command line prints it: in the platform's zone, with the zone named and its
 * offset at that moment, e.g. `2031-01-01 18:00:00 Europe/Amsterdam (GMT+1)`.
 */
export function formatZoned(instant: Date | string, zone: string): string {
  const zoned = new TZDate(new Date(instant), zone);
  return `${format(zoned, 'yyyy-MM-dd HH:mm:ss')} ${zone} (${format(zoned, 'zzz')})`;
}
