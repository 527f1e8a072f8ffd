// ESLint: typescript-eslint on every TypeScript and script file, with the lit, lit-a11y and
// wc rules on the elements. Formatting is Prettier's job (`.prettierrc.json`), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.demo/**', 'screenshots/**', 'custom-elements.json', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_name` marks a parameter that an interface requires but this implementation ignores.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Matching control characters is this project's job: escaping untrusted text before it is shown.
      'no-control-regex': 'off',
    },
  },
  ...[lit.configs['flat/recommended'], wc.configs['flat/recommended'], litA11y.configs.recommended].map((config) => ({
    ...config,
    files: ['src/elements/**/*.ts', 'src/define/**/*.ts', 'src/react/**/*.ts', 'test/**/*.ts', 'demo/**/*.ts'],
  })),
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests build deliberately broken inputs and reach into internals.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // chai's property assertions (`expect(x).to.exist`) are expressions by design.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
);
