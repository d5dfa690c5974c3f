// The module's folder (src/maintenance) finds its packages in the nearest node_modules up its tree.
// In a copy that holds only test/lift and src/maintenance, that is this package's node_modules,
// linked at the copy's root. In the repository the root's own node_modules is already there.
import { existsSync, symlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../node_modules', import.meta.url));
if (!existsSync(root)) symlinkSync(fileURLToPath(new URL('./node_modules', import.meta.url)), root, 'dir');
