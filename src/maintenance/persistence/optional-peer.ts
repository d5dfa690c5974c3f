/** An optional peer package is not installed: says which one and how to install it. */
export class MissingOptionalPeerError extends Error {
  constructor(
    readonly packageName: string,
    purpose: string,
  ) {
    super(`${purpose} needs the package ${packageName}: npm install ${packageName}`);
    this.name = 'MissingOptionalPeerError';
    // The message is the whole story: a stack of loader frames would only hide it.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** Not `instanceof Error`: a loader may throw an error of another realm (a test runner's VM). */
function isMissing(error: unknown, packageName: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    typeof message === 'string' &&
    message.includes(`'${packageName}'`)
  );
}

/**
 * Loads an optional peer package when a feature needs it, so hosts that do not use the feature need
 * not install it. A missing package fails with a one-line "install X" error; a package that is there
 * but fails to load keeps its own error.
 */
export async function loadOptionalPeer<Namespace>(
  packageName: string,
  purpose: string,
): Promise<Namespace> {
  try {
    return (await import(packageName)) as Namespace;
  } catch (error) {
    if (isMissing(error, packageName)) throw new MissingOptionalPeerError(packageName, purpose);
    throw error;
  }
}
