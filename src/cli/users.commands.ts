import { Injectable } from '@nestjs/common';
import { Command, Option, SubCommand } from 'nest-commander';
import { ROLES, USER_STATUSES } from '../users/role.js';
import {
  CreateUserDto,
  UpdateUserDto,
  UsersQueryDto,
  type AdminUserDto,
} from '../users/users.dto.js';
import { UsersAdminService } from '../users/users-admin.service.js';
import { cliActor, CliCommand } from './cli-command.js';
import { refusedInTermsOf, validated, type FlagNames } from './cli-flags.js';
import { CliRefusal } from './cli-outcome.js';
import { textRow } from './cli-text.js';

/** The option that sets each field of the users API. */
const FLAGS: FlagNames = {
  email: '--email',
  displayName: '--name',
  role: '--role',
  companyId: '--company',
  status: '--status',
  q: '--email',
};

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
  const input = await validated(
    CreateUserDto,
    {
      email: options.email,
      displayName: options.name,
      role,
      ...(options.company === undefined ? {} : { companyId: options.company }),
    },
    FLAGS,
  );
  const invited = await refusedInTermsOf(FLAGS, () => users.create(input, cliActor()));
  print(invited.activationLink);
}

/** Every page of the users list with these filters (the API's query rules). */
async function allUsers(
  users: UsersAdminService,
  filters: Record<string, unknown>,
): Promise<AdminUserDto[]> {
  const items: AdminUserDto[] = [];
  for (let page = 1; ; page++) {
    const query = await validated(
      UsersQueryDto,
      { ...filters, page, pageSize: 100 },
      FLAGS,
      'query',
    );
    const result = await users.list(query);
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) return items;
  }
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
  parseRole(value: string): string {
    return value;
  }

  @Option({ flags: '--company <id>', description: 'the company of a CLIENT (required for one)' })
  parseCompany(value: string): string {
    return value;
  }

  async run(_args: string[], options: InviteOptions & { role: string }): Promise<void> {
    await invite(this.users, options, options.role, (line) => this.print(line));
  }
}

interface ListOptions {
  json?: boolean;
  role?: string;
  status?: string;
}

@SubCommand({ name: 'list', description: 'list the users, by e-mail address' })
export class ListUsersCommand extends CliCommand {
  static readonly HEADER = ['EMAIL', 'ROLE', 'STATUS', 'NAME'];

  constructor(private readonly users: UsersAdminService) {
    super();
  }

  @Option({ flags: '--json', description: 'print JSON' })
  parseJson(): boolean {
    return true;
  }

  @Option({ flags: '--role <role>', description: `only this role: ${ROLES.join(' | ')}` })
  parseRole(value: string): string {
    return value;
  }

  @Option({ flags: '--status <status>', description: `only: ${USER_STATUSES.join(' | ')}` })
  parseStatus(value: string): string {
    return value;
  }

  async run(_args: string[], options: ListOptions): Promise<void> {
    const items = await allUsers(this.users, {
      ...(options.role === undefined ? {} : { role: options.role }),
      ...(options.status === undefined ? {} : { status: options.status }),
    });
    if (options.json) return this.printJson(items);
    this.print(textRow(ListUsersCommand.HEADER));
    for (const user of items) {
      this.print(textRow([user.email, user.role, user.status, user.displayName]));
    }
  }
}

/** Disables or enables the user with this e-mail address, as PATCH on the users API does. */
@Injectable()
abstract class UserStatusCommand extends CliCommand {
  protected abstract readonly status: 'active' | 'disabled';

  constructor(private readonly users: UsersAdminService) {
    super();
  }

  @Option({ flags: '--email <email>', description: "the user's e-mail address", required: true })
  parseEmail(value: string): string {
    return value;
  }

  async run(_args: string[], options: { email: string }): Promise<void> {
    const email = options.email.trim().toLowerCase();
    const user = (await allUsers(this.users, { q: email })).find((u) => u.email === email);
    if (!user) throw new CliRefusal(`--email: no user has the e-mail address ${options.email}`);
    const change = await validated(UpdateUserDto, { status: this.status }, FLAGS);
    const after = await refusedInTermsOf(FLAGS, () =>
      this.users.update(user.id, change, cliActor()),
    );
    this.print(textRow([after.email, after.role, after.status, after.displayName]));
  }
}

@SubCommand({
  name: 'disable',
  description: 'disable a user: signed out at once, cannot sign in until enabled again',
})
export class DisableUserCommand extends UserStatusCommand {
  protected readonly status = 'disabled';
}

@SubCommand({ name: 'enable', description: 'enable a disabled user again' })
export class EnableUserCommand extends UserStatusCommand {
  protected readonly status = 'active';
}

@Command({
  name: 'users',
  description: 'the first admin and user administration',
  subCommands: [
    CreateAdminCommand,
    InviteUserCommand,
    ListUsersCommand,
    DisableUserCommand,
    EnableUserCommand,
  ],
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
  DisableUserCommand,
  EnableUserCommand,
];
