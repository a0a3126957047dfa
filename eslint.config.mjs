// ESLint: typescript-eslint's type-checked rules, import-x for cycles and unresolved imports, prettier does formatting.
// Folder boundaries (domain stays pure, capabilities stay apart) are dependency-cruiser's: .dependency-cruiser.cjs.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

export default tseslint.config(
    { ignores: ['dist/**', 'node_modules/**', 'docs/**', 'coverage/**', 'src/cards/render-page.js', 'appPackage/**'] },
    ...tseslint.configs.recommendedTypeChecked,
    importX.flatConfigs.recommended,
    importX.flatConfigs.typescript,
    {
        languageOptions: {
            parserOptions: {
                // scripts/ are one-off tools outside tsconfig.json; they get the default project.
                projectService: { allowDefaultProject: ['scripts/*.ts'] },
                tsconfigRootDir: import.meta.dirname,
            },
        },
        settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
        rules: {
            '@typescript-eslint/no-non-null-assertion': 'warn',
            // teams-ai handlers, botbuilder's Storage and restify's two-argument handlers must return a Promise, while
            // our repositories are synchronous by design (ADR 001): an async function without await is normal here.
            '@typescript-eslint/require-await': 'off',
            // botbuilder types Activity.type as a string and ActivityTypes as a string enum of the same values.
            '@typescript-eslint/no-unsafe-enum-comparison': 'off',
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
            // restify, fast-check and typescript-eslint document `lib.member` on the default export: same object.
            'import-x/no-named-as-default': 'off',
            'import-x/no-named-as-default-member': 'off',
            // import-x always skips `import type` edges; dependency-cruiser's no-circular counts them.
            'import-x/no-cycle': ['error', { ignoreExternal: true }],
        },
    },
    {
        // Tests read untyped JSON bodies (connector posts, HTTP replies) on purpose and poke at them loosely.
        files: ['test/**/*.ts'],
        rules: {
            '@typescript-eslint/no-explicit-any': 'off',
            '@typescript-eslint/no-unsafe-argument': 'off',
            '@typescript-eslint/no-unsafe-assignment': 'off',
            '@typescript-eslint/no-unsafe-call': 'off',
            '@typescript-eslint/no-unsafe-member-access': 'off',
            '@typescript-eslint/no-unsafe-return': 'off',
        },
    },
    {
        files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
        extends: [tseslint.configs.disableTypeChecked],
    },
);
