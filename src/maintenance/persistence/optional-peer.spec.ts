import { loadOptionalPeer, MissingOptionalPeerError } from './optional-peer.js';

describe('loadOptionalPeer', () => {
  it('loads an installed package', async () => {
    const events = await loadOptionalPeer<{ EventEmitter: unknown }>('node:events', 'A test');
    expect(typeof events.EventEmitter).toBe('function');
  });

  it('names a missing package and how to install it, in one line', async () => {
    const loading = loadOptionalPeer('no-such-package-for-the-maintenance-module', 'The feature');
    await expect(loading).rejects.toBeInstanceOf(MissingOptionalPeerError);
    const error = (await loading.catch((caught: unknown) => caught)) as Error;
    expect(error.message).toBe(
      'The feature needs the package no-such-package-for-the-maintenance-module: ' +
        'npm install no-such-package-for-the-maintenance-module',
    );
    expect(error.stack).toBe(`MissingOptionalPeerError: ${error.message}`);
  });
});
