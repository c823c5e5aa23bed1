import { defineConfig } from '@lingui/cli';
import { formatter } from '@lingui/format-po';

/**
 * Lingui configuration for the staff web app. Dutch is the source language: messages are written in
 * Dutch in the code (via the macros) and the PO catalogues in web/src/locales are the translations.
 *   npx lingui extract --clean   update the catalogues from the code
 *   npx lingui compile           check/compile the catalogues (the Vite plugin compiles them at build time)
 */
export default defineConfig({
  sourceLocale: 'nl',
  // French serves the interpreter portal (issue 5 §7); untranslated French messages fall back to English.
  locales: ['nl', 'en', 'fr'],
  fallbackLocales: { fr: 'en' },
  catalogs: [
    {
      path: '<rootDir>/web/src/locales/{locale}/messages',
      include: ['<rootDir>/web/src'],
      exclude: ['**/node_modules/**', '**/*.test.ts'],
    },
  ],
  format: formatter({ lineNumbers: false }),
  compileNamespace: 'es',
});
