import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { getConfig } from '@lingui/conf';
import { lingui } from '@lingui/vite-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const portalRoot = fileURLToPath(new URL('.', import.meta.url));
const linguiConfigPath = fileURLToPath(new URL('./lingui.config.ts', import.meta.url));

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|webmanifest)$/;

/**
 * Writes a .gz and a .br beside every text file of the build, so the server sends them compressed
 * without compressing at every request (@fastify/static `preCompressed`). Node's zlib: no dependency.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'kruispunt-portal-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string) => {
        for (const name of readdirSync(dir)) {
          const path = join(dir, name);
          if (statSync(path).isDirectory()) {
            if (name !== '.vite') walk(path); // the manifest is for tools, not served
          } else if (COMPRESSIBLE.test(name)) {
            const bytes = readFileSync(path);
            writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
            writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
          }
        }
      };
      walk(outDir);
    },
  };
}

/**
 * The newcomer portal (issue 6). `npm run build:portal` writes portal/dist, which the server serves at
 * `/portal/`. Light on purpose: React + Lingui + own CSS, one catalogue per language loaded on demand.
 */
export default defineConfig({
  root: portalRoot,
  base: '/portal/',
  plugins: [
    react({
      babel: {
        plugins: [['@lingui/babel-plugin-lingui-macro', { linguiConfig: getConfig({ configPath: linguiConfigPath }) }]],
      },
    }),
    // A message missing in one language falls back to English, then Dutch (lingui.config.ts), so a
    // missing translation does not stop the build; `lingui compile --strict` and the extract stats report it.
    lingui({ cwd: portalRoot, configPath: linguiConfigPath, failOnMissing: false, failOnCompileError: true }),
    precompress(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // The manifest lets portal/bundle-size.ts measure what the first page loads.
    manifest: true,
    target: 'es2020',
    rollupOptions: {
      output: {
        // A language's catalogue is named after it (messages-ar-<hash>.js): easy to find and to measure.
        chunkFileNames(chunk) {
          const locale = /\/locales\/([a-z]+)\/messages\.po$/.exec(chunk.facadeModuleId ?? '')?.[1];
          return locale ? `assets/messages-${locale}-[hash].js` : 'assets/[name]-[hash].js';
        },
        // React changes less often than the portal: its own chunk stays cached across releases.
        manualChunks(id) {
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          if (id.includes('node_modules/@lingui/')) return 'lingui';
          return undefined;
        },
      },
    },
  },
  server: {
    port: 5174,
    proxy: {
      '/api': { target: process.env.KRUISPUNT_API_URL ?? 'http://localhost:3000', changeOrigin: false },
    },
  },
});
