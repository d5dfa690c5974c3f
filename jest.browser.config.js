import { base } from './jest.base.config.js';

export default { ...base, rootDir: '.', roots: ['<rootDir>/test/browser'], testRegex: '\\.e2e-spec\\.ts$', testTimeout: 60000 };
