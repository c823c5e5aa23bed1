import { defineConfig } from '@lingui/cli';
import { formatter } from '@lingui/format-po';

/**
 * Lingui configuration of the newcomer portal (issue 6), separate from the staff app's
 * (../lingui.config.ts). Dutch is the source language: messages are written in Dutch in the code and
 * the PO catalogues in portal/src/locales are the translations. From the repository root:
 *   npx lingui extract --config portal/lingui.config.ts --clean   update the catalogues from the code
 *   npx lingui compile --config portal/lingui.config.ts --strict  check the catalogues
 * (the Vite plugin compiles them at build time; see portal/README.md).
 */
export const PORTAL_LOCALES = ['nl', 'en', 'fr', 'ar', 'prs', 'ps', 'ti', 'uk', 'ru', 'so', 'tr', 'es'] as const;

export default defineConfig({
  sourceLocale: 'nl',
  locales: [...PORTAL_LOCALES],
  // A message not (yet) translated in a language is shown in English; English falls back to the Dutch source.
  fallbackLocales: { default: 'en' },
  catalogs: [
    {
      path: '<rootDir>/src/locales/{locale}/messages',
      include: ['<rootDir>/src'],
      exclude: ['**/node_modules/**', '**/*.test.ts'],
    },
  ],
  format: formatter({ lineNumbers: false }),
  compileNamespace: 'es',
});
