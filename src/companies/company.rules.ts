/** How two company names are compared: "ACME b.v." and "Acme B.V." are the same company. */
export function companyNameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}

/** What still ties a company to current work; while any of it is there it stays active. */
export interface CompanyTies {
  /** Its users who are active or invited (disabled ones do not count). */
  users: number;
  /** Its contracts that have not ended (drafts and active ones). */
  openContracts: number;
}

/** Why a company cannot be deactivated, as the 409's detail says it; undefined when it can. */
export function deactivationRefusal(ties: CompanyTies): string | undefined {
  const reasons = [
    ties.users > 0 ? `${ties.users} active or invited user${ties.users === 1 ? '' : 's'}` : '',
    ties.openContracts > 0
      ? `${ties.openContracts} open contract${ties.openContracts === 1 ? '' : 's'}`
      : '',
  ].filter(Boolean);
  if (reasons.length === 0) return undefined;
  return `This company still has ${reasons.join(' and ')}; disable the users and end the contracts first.`;
}
