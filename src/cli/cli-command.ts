import type { Type } from '@nestjs/common';
import { userInfo } from 'node:os';
import { CommandRunner } from 'nest-commander';
import { createValidationPipe } from '../common/validation.js';
import { UsageError } from './cli-outcome.js';

type CommanderCommand = Parameters<CommandRunner['setCommand']>[0];

const pipe = createValidationPipe();

/**
 * A command of this command line: commander must throw (not exit the process) on a usage error,
 * so that cli.ts closes the application and chooses the exit code.
 */
export abstract class CliCommand extends CommandRunner {
  override setCommand(command: CommanderCommand): this {
    command.exitOverride();
    return super.setCommand(command);
  }

  /** A group such as `users` without a subcommand: show its help as a usage error. */
  protected usage(): never {
    this.command.help({ error: true });
  }

  protected print(line: string): void {
    process.stdout.write(`${line}\n`);
  }

  protected printJson(value: unknown): void {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }
}

/** Who made a change from the command line, for the events and log lines. */
export function cliActor(): string {
  let name: string | undefined;
  try {
    name = userInfo().username;
  } catch {
    name = process.env.USER ?? process.env.LOGNAME;
  }
  return `cli:${name || 'unknown'}`;
}

/** Validates input with the same DTO and pipe as the HTTP API, so the rules and messages are the same. */
export async function validated<T>(metatype: Type<T>, value: Record<string, unknown>): Promise<T> {
  return (await pipe.transform(value, { type: 'body', metatype })) as T;
}

/** A whole number option between min and max. */
export function wholeNumber(option: string, min: number, max: number) {
  return (value: string): number => {
    const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(parsed >= min && parsed <= max)) {
      throw new UsageError(`${option} must be a whole number from ${min} to ${max}`);
    }
    return parsed;
  };
}
