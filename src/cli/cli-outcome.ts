import { ProblemException } from '../common/problem.js';
import { MaintenanceProblem } from '../maintenance/index.js';

/** Wrong use of the command line (exit 2): a missing or badly formed option. */
export class UsageError extends Error {}

/**
 * The platform refused (exit 1), or refused because the version a change was based on is no longer
 * current (exit 3: read again, then decide).
 */
export class CliRefusal extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 3 = 1,
  ) {
    super(message);
  }
}

/** What the process ends with: the exit code and, unless someone already said it, one line for stderr. */
export interface CliOutcome {
  exitCode: 0 | 1 | 2 | 3;
  message?: string;
}

/** commander's own errors (it has already printed its message, or the help). */
function commanderCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('commander.') ? code : undefined;
}

/**
 * Exit 0 on success (and for --help, --version), 2 for a usage error, 1 when the platform refused
 * or anything else went wrong, 3 on a stale version.
 */
export function outcomeOf(error: unknown): CliOutcome {
  if (error === undefined) return { exitCode: 0 };
  const code = commanderCode(error);
  if (code) {
    return code === 'commander.helpDisplayed' || code === 'commander.version'
      ? { exitCode: 0 }
      : { exitCode: 2 };
  }
  if (error instanceof UsageError) return { exitCode: 2, message: `error: ${error.message}` };
  if (error instanceof CliRefusal) {
    return { exitCode: error.exitCode, message: `refused: ${error.message}` };
  }
  if (error instanceof ProblemException || error instanceof MaintenanceProblem) {
    return { exitCode: 1, message: `refused: ${error.problem.detail}` };
  }
  return {
    exitCode: 1,
    message: `error: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
  };
}
