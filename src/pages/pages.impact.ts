import type { MaintenanceImpactView } from '../maintenance/index.js';
import { interpolate, type Dictionary, type Language } from './pages.i18n.js';

export type ImpactState = 'off' | 'scheduled' | 'active';

/** Where the window stands, read from the counts themselves: refusals are null without a window and count from its start. */
export function impactState(impact: MaintenanceImpactView): ImpactState {
  if (!impact.refusals) return 'off';
  return Date.parse(impact.refusals.since) <= Date.parse(impact.at) ? 'active' : 'scheduled';
}

/**
 * The impact in plain words (the page script builds the same sentence from the same strings when it
 * polls): before the start who is signed in and who confirmed the notice, during downtime the refusals.
 */
export function impactSentence(
  impact: MaintenanceImpactView,
  language: Language,
  strings: Dictionary,
): string {
  const rules = new Intl.PluralRules(language);
  const counted = (key: string, count: number, vars: Record<string, unknown> = {}): string => {
    const text = strings[`${key}.${rules.select(count)}`] ?? strings[`${key}.other`] ?? key;
    return interpolate(text, { count, ...vars });
  };
  const plain = (key: string, vars: Record<string, unknown>): string =>
    interpolate(strings[key] ?? key, vars);
  const state = impactState(impact);
  if (state === 'active' && impact.refusals) {
    const { total, byPrincipal } = impact.refusals;
    const parts = (['user', 'integration', 'anonymous'] as const)
      .map((kind) => plain(`js.impact.refusals.${kind}`, { count: byPrincipal[kind] }))
      .join(', ');
    return plain('js.impact.sentence.active', {
      refusals: counted('js.impact.refusals', total, { parts }),
    });
  }
  const { total, byRole } = impact.signedIn;
  const roles =
    total > 0
      ? ` (${Object.entries(byRole)
          .map(([role, count]) => counted(`js.impact.role.${role}`, count))
          .join(', ')})`
      : '';
  const signedIn = counted('js.impact.signedIn', total, { roles });
  const acknowledged = counted('js.impact.acknowledged', impact.notice.acknowledged);
  return plain(`js.impact.sentence.${state}`, { signedIn, acknowledged });
}

/** The counts that downtime-started and turned-off keep (issue 12), as totals, in a fixed order. */
export function impactFigures(
  details: Record<string, unknown>,
): Array<{ key: string; count: number }> {
  const total = (value: unknown): number | undefined => {
    if (typeof value === 'number') return value;
    const nested = (value as { total?: unknown } | null | undefined)?.total;
    return typeof nested === 'number' ? nested : undefined;
  };
  return ['signedIn', 'acknowledged', 'refusals'].flatMap((key) => {
    const count = total(details[key]);
    return count === undefined ? [] : [{ key, count }];
  });
}
