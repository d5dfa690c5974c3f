import { userInfo } from 'node:os';
import { Injectable } from '@nestjs/common';
import { CommandRunner, InjectCommander } from 'nest-commander';
import { UsageError } from './cli-outcome.js';

type CommanderCommand = Parameters<CommandRunner['setCommand']>[0];

/**
 * A command of this command line: commander must throw (not exit the process) on a usage error,
 * so that cli.ts closes the application and chooses the exit code; its help marks the options a
 * command cannot do without.
 */
export abstract class CliCommand extends CommandRunner {
  override setCommand(command: CommanderCommand): this {
    command.exitOverride();
    const standard = command.createHelp();
    command.configureHelp({
      optionDescription: (option) =>
        option.mandatory
          ? `(required) ${standard.optionDescription(option)}`
          : standard.optionDescription(option),
    });
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

/** The program's name in help and usage lines, however it was started (bin, npm run, node). */
@Injectable()
export class ProgramName {
  constructor(@InjectCommander() program: CommanderCommand) {
    program.name('staffing');
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

/** A whole number option between min and max; anything else is a usage error naming the option. */
export function wholeNumber(option: string, min: number, max: number) {
  return (value: string): number => {
    const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(parsed >= min && parsed <= max)) {
      throw new UsageError(`${option} must be a whole number from ${min} to ${max}`);
    }
    return parsed;
  };
}
