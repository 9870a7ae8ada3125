import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'storybook-static/**',
      '**/.data/**',
      '.ci/out/**',
      'test-results/**',
      'playwright-report/**',
      // Built by `pnpm --filter @humanos-link/sandbox build` (apps/sandbox/scripts/buildLinkPage.ts).
      'apps/sandbox/public/assets/link/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // One import style: a relative specifier names the file the runtime loads (`./x.js` for
    // `x.ts`), which Node, Vite, tsx and TypeScript's Bundler resolution all accept.
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.js', '**/*.mjs'],
    ignores: ['**/vite.config.ts', '.storybook/main.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          'ImportDeclaration',
          'ExportAllDeclaration',
          'ExportNamedDeclaration',
          'ImportExpression',
        ].map((node) => ({
          selector: `${node}[source.value=/^[.]/]:not([source.value=/[.](js|mjs|cjs|json|css|svg)([?]raw)?$/])`,
          message:
            'Write the runtime extension on relative imports (./file.js for file.ts or file.tsx).',
        })),
      ],
    },
  },
  {
    files: ['**/*.tsx', 'packages/react/**/*.ts', 'apps/demo/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // CommonJS on purpose: these files check that the packages load with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
