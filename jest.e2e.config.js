import { base } from './jest.base.config.js';

export default {
  ...base,
  rootDir: '.',
  roots: ['<rootDir>/test'],
  testRegex: '\\.e2e-spec\\.ts$',
  testPathIgnorePatterns: ['/test/browser/'],
  testTimeout: 30000,
};
