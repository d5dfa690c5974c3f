import { base } from './jest.base.config.js';

export default { ...base, rootDir: '.', roots: ['<rootDir>/src', '<rootDir>/scripts'], testRegex: '\\.spec\\.ts$' };
