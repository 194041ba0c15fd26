import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports that would break the one-way arrows of ARCHITECTURE.md. */
const boundaries = {
  core: ['three', 'three/*', 'react', 'react-dom', '@react-three/*', 'node:*', 'fs', 'path', '@vitrine/*'],
  pipeline: ['react', 'react-dom', '@react-three/*', '@vitrine/viewer', '@vitrine/cli'],
  viewer: ['node:*', '@vitrine/pipeline', '@vitrine/cli', '@gltf-transform/*'],
  app: ['node:*', '@vitrine/pipeline', '@vitrine/cli', '@gltf-transform/*'],
};
const restrict = (patterns) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: patterns.map((group) => ({
        group: [group],
        message: 'crosses a package boundary (see ARCHITECTURE.md)',
      })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'public/collection', '.cache', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'packages/viewer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // R3F's idiom is to mutate three.js objects (camera, scene) handed out by hooks; the
    // React Compiler's immutability rule cannot tell them from React state.
    files: ['packages/viewer/src/**/*.tsx'],
    rules: { 'react-hooks/immutability': 'off' },
  },
  { files: ['packages/core/src/**/*.ts'], ignores: ['**/*.test.ts'], rules: restrict(boundaries.core) },
  { files: ['packages/pipeline/src/**/*.ts'], rules: restrict(boundaries.pipeline) },
  { files: ['packages/viewer/src/**/*.{ts,tsx}'], ignores: ['**/*.test.ts'], rules: restrict(boundaries.viewer) },
  { files: ['src/**/*.{ts,tsx}'], ignores: ['**/*.test.ts'], rules: restrict(boundaries.app) },
);
