/** The demo credentials found in a database: what makes a production start unsafe. */
export interface DemoCredentialCounts {
  /** Users with a demo id or demo e-mail address (known password `demo-password`). */
  accounts: number;
  /** Sessions of those users. */
  sessions: number;
  /** Demo bearer tokens (third-party, back office) and the demo activation token. */
  linkTokens: number;
}

/** What `demo remove` deleted, by table, and the demo companies it kept (they have other users). */
export interface DemoRemoval {
  removed: Record<string, number>;
  keptCompanies: number;
}

/** The command that removes the demo data, as an operator types it on the server (and in the image). */
export const DEMO_REMOVE_COMMAND = 'node dist/src/cli/cli.js demo remove';

const plural = (count: number, one: string): string => `${count} ${one}${count === 1 ? '' : 's'}`;

/** The one line a production start logs when it refuses demo credentials; undefined when there are none. */
export function productionRefusal(found: DemoCredentialCounts): string | undefined {
  if (found.accounts + found.sessions + found.linkTokens === 0) return undefined;
  return (
    'Refusing to start with NODE_ENV=production: the database holds demo data with published ' +
    `credentials (${plural(found.accounts, 'demo account')}, ${plural(found.sessions, 'demo session')}, ` +
    `${plural(found.linkTokens, 'demo link token')}). Remove it with: ${DEMO_REMOVE_COMMAND}`
  );
}

/** The line `demo remove` prints: what went, or that there was nothing. */
export function describeRemoval({ removed, keptCompanies }: DemoRemoval): string {
  const parts = Object.entries(removed)
    .filter(([, count]) => count > 0)
    .map(([table, count]) => `${count} ${table}`);
  const kept =
    keptCompanies > 0
      ? `; kept ${plural(keptCompanies, 'demo company')} that other users belong to`
      : '';
  if (parts.length === 0) return `nothing to remove${kept}`;
  return `removed ${parts.join(', ')}${kept}`;
}
