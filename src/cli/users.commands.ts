import { Command, Option, SubCommand } from 'nest-commander';
import { ROLES, type Role } from '../users/role.js';
import { CreateUserDto, UsersQueryDto } from '../users/users.dto.js';
import { UsersAdminService } from '../users/users-admin.service.js';
import { cliActor, CliCommand, validated } from './cli-command.js';
import { UsageError } from './cli-outcome.js';

interface InviteOptions {
  email: string;
  name: string;
  role?: string;
  company?: string;
}

/** Creates the invited user and prints its activation link; the link is e-mailed when SMTP is set up. */
async function invite(
  users: UsersAdminService,
  options: InviteOptions,
  role: string,
  print: (line: string) => void,
): Promise<void> {
  const input = await validated(CreateUserDto, {
    email: options.email,
    displayName: options.name,
    role,
    ...(options.company === undefined ? {} : { companyId: options.company }),
  });
  const invited = await users.create(input, cliActor());
  print(invited.activationLink);
}

abstract class InviteOptionsCommand extends CliCommand {
  @Option({ flags: '--email <email>', description: 'e-mail address', required: true })
  parseEmail(value: string): string {
    return value;
  }

  @Option({ flags: '--name <name>', description: 'display name', required: true })
  parseName(value: string): string {
    return value;
  }
}

@SubCommand({
  name: 'create-admin',
  description: 'create an invited customer admin and print its activation link',
})
export class CreateAdminCommand extends InviteOptionsCommand {
  constructor(private readonly users: UsersAdminService) {
    super();
  }

  async run(_args: string[], options: InviteOptions): Promise<void> {
    await invite(this.users, options, 'CUSTOMER_ADMIN', (line) => this.print(line));
  }
}

@SubCommand({
  name: 'invite',
  description:
    'invite a user with any role; e-mails the link when SMTP is set up, prints it always',
})
export class InviteUserCommand extends InviteOptionsCommand {
  constructor(private readonly users: UsersAdminService) {
    super();
  }

  @Option({ flags: '--role <role>', description: ROLES.join(' | '), required: true })
  parseRole(value: string): Role {
    if (!(ROLES as readonly string[]).includes(value)) {
      throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    }
    return value as Role;
  }

  @Option({ flags: '--company <id>', description: 'the company of a CLIENT' })
  parseCompany(value: string): string {
    return value;
  }

  async run(_args: string[], options: InviteOptions & { role: Role }): Promise<void> {
    await invite(this.users, options, options.role, (line) => this.print(line));
  }
}

@SubCommand({ name: 'list', description: 'list the users' })
export class ListUsersCommand extends CliCommand {
  private static readonly PAGE_SIZE = 100;

  constructor(private readonly users: UsersAdminService) {
    super();
  }

  @Option({ flags: '--json', description: 'print JSON' })
  parseJson(): boolean {
    return true;
  }

  async run(_args: string[], options: { json?: boolean }): Promise<void> {
    const items = [];
    for (let page = 1; ; page++) {
      const query = await validated(UsersQueryDto, {
        page,
        pageSize: ListUsersCommand.PAGE_SIZE,
      });
      const result = await this.users.list(query);
      items.push(...result.items);
      if (items.length >= result.total || result.items.length === 0) break;
    }
    if (options.json) return this.printJson(items);
    for (const user of items) {
      this.print([user.email, user.role, user.status, user.displayName].join('\t'));
    }
  }
}

@Command({
  name: 'users',
  description: 'the first admin and user administration',
  subCommands: [CreateAdminCommand, InviteUserCommand, ListUsersCommand],
})
export class UsersCommand extends CliCommand {
  run(): Promise<void> {
    return Promise.resolve(this.usage());
  }
}

export const USERS_COMMANDS = [
  UsersCommand,
  CreateAdminCommand,
  InviteUserCommand,
  ListUsersCommand,
];
