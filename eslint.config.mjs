// ESLint: typescript-eslint's type-checked rules, import-x for cycles and unresolved imports, prettier does formatting.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

export default tseslint.config(
    { ignores: ['dist/**', 'node_modules/**', 'docs/**', 'src/cards/render-page.js', 'appPackage/**'] },
    ...tseslint.configs.recommendedTypeChecked,
    importX.flatConfigs.recommended,
    importX.flatConfigs.typescript,
    {
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
        settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
        rules: {
            '@typescript-eslint/no-non-null-assertion': 'warn',
            'import-x/no-cycle': ['error', { ignoreExternal: true }],
        },
    },
);
