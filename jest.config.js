/** @type {import('jest').Config} */
const moduleNameMapper = {
  '^@app/(domain|persistence|config|devstack|jobs|spreadsheet|reporting|application)$':
    '<rootDir>/libs/$1/src',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] };
const common = { rootDir: __dirname, moduleNameMapper, transform, testEnvironment: 'node' };

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
  // Jest ignores a testTimeout inside a project: set here, it holds for every hook and test.
  // On a shared machine at a load of 10 to 20 on two cores a browser test or an app start
  // takes minutes (files that need longer still set their own).
  testTimeout: 300000,
};
