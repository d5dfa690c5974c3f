import { constantTimeEqual } from '../common/secrets.js';

/** Who gets the metrics: nobody without a configured token, and only its bearer with one. */
export type MetricsAccess = 'disabled' | 'unauthorized' | 'allowed';

export function metricsAccess(
  configuredToken: string | undefined,
  authorization: string | undefined,
): MetricsAccess {
  if (configuredToken === undefined) return 'disabled';
  const sent = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  return sent !== undefined && constantTimeEqual(sent, configuredToken)
    ? 'allowed'
    : 'unauthorized';
}
