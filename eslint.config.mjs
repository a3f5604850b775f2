import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

// Only TenantDb (tenant-db.ts) mints the transaction handles; a cast elsewhere would open a
// tenant transaction that sets no tenant.
const mintsTransaction = {
  selector:
    'TSAsExpression[typeAnnotation.typeName.name=/^(TenantTx|NoTenantTx)$/], TSTypeAssertion[typeAnnotation.typeName.name=/^(TenantTx|NoTenantTx)$/]',
  message: 'Only TenantDb opens a TenantTx or NoTenantTx: take one as a parameter instead.',
};

// The security-definer functions cross tenants; they are called in the cross-tenant reader
// (libs/persistence/src/cross-tenant/cross-tenant-reader.ts) and nowhere else.
const securityDefinerCall = {
  selector: [
    'Literal[value=/\\b(auth_find_user|auth_find_api_key|auth_find_password_reset|auth_find_invitation|platform_tenant_users|platform_tenant_invitations|platform_renew_invitation|benchmark_source|benchmark_source_hash|benchmark_frozen_inputs|benchmark_frozen_inputs_readable|organisation_kind|peer_group_request_record|peer_group_request_tally|unfinished_work|notification_open_cycles|notification_contacts)\\s*\\(/]',
    'TemplateElement[value.raw=/\\b(auth_find_user|auth_find_api_key|auth_find_password_reset|auth_find_invitation|platform_tenant_users|platform_tenant_invitations|platform_renew_invitation|benchmark_source|benchmark_source_hash|benchmark_frozen_inputs|benchmark_frozen_inputs_readable|organisation_kind|peer_group_request_record|peer_group_request_tally|unfinished_work|notification_open_cycles|notification_contacts)\\s*\\(/]',
  ].join(', '),
  message:
    'Security-definer functions are called in the cross-tenant reader of @app/persistence only.',
};

// Outside persistence: the database through TenantDb and the readers and writers only.
const dataAccess = {
  paths: [
    {
      name: '@nestjs/typeorm',
      importNames: ['InjectDataSource'],
      message: 'Reach the database through TenantDb and the readers of @app/persistence.',
    },
    {
      name: 'typeorm',
      importNames: ['DataSource', 'EntityManager'],
      message: 'Reach the database through TenantDb and the readers of @app/persistence.',
    },
    {
      name: 'bull',
      importNames: ['Queue'],
      message:
        "Inject a JobQueue<QueueName.X> of @app/jobs: its add takes only that queue's job names with their payloads.",
    },
  ],
  // A TenantTx is opaque outside persistence; its entity manager (managerOf) is reached
  // through a path into the library only, and its index does not export it.
  patterns: [
    {
      group: ['**/libs/persistence/**', '@app/persistence/*'],
      message: 'Import @app/persistence (its index) and call one of its readers or writers.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      'test-output/**',
      '*.js',
      '*.mjs',
      '*.cjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
    },
  },
  // Layers (docs/architecture.md): the database is reached through libs/persistence only,
  // whose TenantDb is the one door that sets the tenant. Tests and benchmarks set up their own
  // databases and are exempt.
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/persistence/**', '**/*.spec.ts', '**/*.test-util.ts'],
    rules: {
      'no-restricted-imports': ['error', dataAccess],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='query']",
          message: 'SQL lives in @app/persistence: call one of its readers or writers.',
        },
        {
          selector: 'Literal[value=/set_config/], TemplateElement[value.raw=/set_config/]',
          message: 'The tenant is set by TenantDb (withTenant, withNewTenant) only.',
        },
        {
          selector: "Decorator[expression.callee.name='InjectDataSource']",
          message: 'Reach the database through TenantDb and the readers of @app/persistence.',
        },
        mintsTransaction,
        securityDefinerCall,
      ],
    },
  },
  {
    // Inside persistence too: tenant-db.ts alone mints a handle, the cross-tenant reader alone
    // calls a security-definer function (migrations define them).
    files: ['libs/persistence/**/*.ts'],
    ignores: [
      'libs/persistence/src/migrations/**',
      'libs/persistence/src/tenant/tenant-db.ts',
      'libs/persistence/src/cross-tenant/cross-tenant-reader.ts',
      '**/*.spec.ts',
    ],
    rules: { 'no-restricted-syntax': ['error', mintsTransaction, securityDefinerCall] },
  },
  {
    // Tests and benchmarks may reach the database as they need, but get a handle from TenantDb.
    files: [
      'libs/persistence/src/cross-tenant/cross-tenant-reader.ts',
      '**/*.spec.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
    ],
    rules: { 'no-restricted-syntax': ['error', mintsTransaction] },
  },
  {
    // The api is transport: its controllers, pages and filters call the use-cases of
    // libs/application and never a reader or writer. Its modules wire persistence in, and
    // authentication (tokens, API keys, page sessions) reads its credentials itself.
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      '**/*.module.ts',
      '**/*.spec.ts',
      '**/*.test-util.ts',
      'apps/api/src/auth/auth.service.ts',
      'apps/api/src/web/session/web-session.service.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...dataAccess.paths,
            {
              name: '@app/persistence',
              message: 'Call a use-case of @app/application; it reaches the readers and writers.',
            },
          ],
          patterns: dataAccess.patterns,
        },
      ],
    },
  },
  {
    // Use-cases are shared by the api's controllers and pages and the worker's processors: Nest
    // for dependency injection only (services and their queues), nothing of a transport, a
    // DTO's validation or an app.
    files: ['libs/application/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.test-util.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...dataAccess.paths,
            {
              name: '@nestjs/common',
              importNames: [
                'HttpException',
                'BadRequestException',
                'UnauthorizedException',
                'ForbiddenException',
                'NotFoundException',
                'ConflictException',
                'StreamableFile',
              ],
              message: 'A use-case throws a DomainError; the transport maps it.',
            },
          ],
          patterns: [
            ...dataAccess.patterns,
            { group: ['**/apps/**', 'apps/**'], message: 'A use-case depends on no app.' },
            {
              group: [
                '@nestjs/*',
                '!@nestjs/common',
                '!@nestjs/bull',
                'express',
                'class-validator',
                'class-transformer',
              ],
              message:
                'A use-case knows no transport: Nest for dependency injection only (@nestjs/common, @nestjs/bull for its queues).',
            },
          ],
        },
      ],
    },
  },
  {
    // Persistence is data access only: it depends on no use-case, presentation or app.
    files: ['libs/persistence/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@app/reporting', message: 'Persistence does not depend on reporting.' },
            { name: '@app/application', message: 'Use-cases call persistence, not the reverse.' },
          ],
          patterns: [
            {
              group: ['**/apps/**', 'apps/**'],
              message: 'Persistence does not depend on an app.',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain is pure rules: no framework, no database, no I/O library.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'typeorm/*',
                'bull',
                'ioredis',
                'pg',
                'express',
                'puppeteer',
                'handlebars',
                'exceljs',
                'class-validator',
                'class-transformer',
                '@app/*',
                '**/apps/**',
              ],
              message: 'libs/domain holds rules free of framework code and of other layers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
