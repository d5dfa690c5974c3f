import { ProblemException } from '../common/problem.js';
import { MaintenanceProblem } from '../maintenance/index.js';

/** Wrong use of the command line (exit 2). */
export class UsageError extends Error {}

/** What the process ends with: the exit code and, unless someone already said it, one line for stderr. */
export interface CliOutcome {
  exitCode: 0 | 1 | 2;
  message?: string;
}

/** commander's own errors (it has already printed its message, or the help). */
function commanderCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('commander.') ? code : undefined;
}

/**
 * Exit 0 on success (and for --help), 2 for a usage error, 1 when the platform refused
 * (its problem detail is the line) or anything else went wrong.
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
  if (error instanceof ProblemException || error instanceof MaintenanceProblem) {
    return { exitCode: 1, message: `refused: ${error.problem.detail}` };
  }
  return {
    exitCode: 1,
    message: `error: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
  };
}
