import { Command, Option, SubCommand } from 'nest-commander';
import { CompaniesService } from '../companies/companies.service.js';
import { CreateCompanyDto } from '../companies/company.dto.js';
import { cliActor, CliCommand } from './cli-command.js';
import { refusedInTermsOf, validated, type FlagNames } from './cli-flags.js';
import { textRow } from './cli-text.js';

/** The option that sets each field of the companies API. */
const FLAGS: FlagNames = { name: '--name' };

@SubCommand({ name: 'create', description: 'create a company (clients are invited into one)' })
export class CreateCompanyCommand extends CliCommand {
  constructor(private readonly companies: CompaniesService) {
    super();
  }

  @Option({ flags: '--name <name>', description: 'the company name', required: true })
  parseName(value: string): string {
    return value;
  }

  async run(_args: string[], options: { name: string }): Promise<void> {
    const input = await validated(CreateCompanyDto, { name: options.name }, FLAGS);
    const company = await refusedInTermsOf(FLAGS, () => this.companies.create(input, cliActor()));
    this.print(company.id);
  }
}

@SubCommand({ name: 'list', description: 'list the companies' })
export class ListCompaniesCommand extends CliCommand {
  static readonly HEADER = ['ID', 'STATUS', 'NAME'];

  constructor(private readonly companies: CompaniesService) {
    super();
  }

  @Option({ flags: '--json', description: 'print JSON' })
  parseJson(): boolean {
    return true;
  }

  async run(_args: string[], options: { json?: boolean }): Promise<void> {
    const companies = await this.companies.all();
    if (options.json) return this.printJson(companies);
    this.print(textRow(ListCompaniesCommand.HEADER));
    for (const company of companies) {
      this.print(textRow([company.id, company.active ? 'active' : 'inactive', company.name]));
    }
  }
}

@Command({
  name: 'companies',
  description: 'the client companies',
  subCommands: [CreateCompanyCommand, ListCompaniesCommand],
})
export class CompaniesCommand extends CliCommand {
  run(): Promise<void> {
    return Promise.resolve(this.usage());
  }
}

export const COMPANIES_COMMANDS = [CompaniesCommand, CreateCompanyCommand, ListCompaniesCommand];
