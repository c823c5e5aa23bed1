import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * What the first visit of each page of the built portal downloads, in gzip bytes (issue 6 §8: at most
 * 150 KB of compressed JavaScript). Reads the built HTML and the Vite manifest (`build.manifest`);
 * dependency-free (node:fs, node:zlib), so a benchmark can import it:
 *
 *   import { measurePages } from '../portal/bundle-size';
 *   const [index] = measurePages('portal/dist');   // index.jsGzipBytes <= 150 * 1024
 *
 * Counted for a page: the scripts and style sheets its HTML names (entry, modulepreload, stylesheet),
 * the static imports of its entry (recursively) with their CSS, and the compiled catalogue of one
 * language (a dynamic import the portal makes before its first render; Dutch unless asked).
 * Sizes are those of the `.gz` file beside each asset when the build wrote one, else gzip level 9.
 */

export interface LoadedFile {
  /** Path inside the dist directory, e.g. `assets/index-abc123.js`. */
  file: string;
  kind: 'js' | 'css';
  /** Why the page loads it. */
  reason: 'html' | 'static-import' | 'css' | 'catalogue';
  rawBytes: number;
  gzipBytes: number;
}

export interface PageLoad {
  /** The HTML file, e.g. `index.html`. */
  page: string;
  /** The language whose catalogue is counted. */
  locale: string;
  files: LoadedFile[];
  jsGzipBytes: number;
  cssGzipBytes: number;
  totalGzipBytes: number;
  /** Gzip bytes of every language's catalogue chunk, to see the worst case (the first page loads one). */
  catalogues: Record<string, number>;
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

type Manifest = Record<string, ManifestChunk>;

const CATALOGUE_KEY = /(?:^|\/)locales\/([A-Za-z_-]+)\/messages\.po$/;

function readManifest(distDir: string): Manifest {
  for (const candidate of [join(distDir, '.vite', 'manifest.json'), join(distDir, 'manifest.json')]) {
    if (existsSync(candidate)) return JSON.parse(readFileSync(candidate, 'utf8')) as Manifest;
  }
  throw new Error(`No Vite manifest in ${distDir} (build with build.manifest: true)`);
}

function gzipBytesOf(distDir: string, file: string): { rawBytes: number; gzipBytes: number } {
  const path = join(distDir, file);
  const raw = readFileSync(path);
  const gz = `${path}.gz`;
  return { rawBytes: raw.length, gzipBytes: existsSync(gz) ? readFileSync(gz).length : gzipSync(raw, { level: 9 }).length };
}

/** The asset paths an HTML page names in `<script src>` and `<link href>` (modulepreload, stylesheet). */
export function assetsNamedInHtml(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) found.push(match[1]!);
  for (const match of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = match[0];
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1] ?? '';
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && /\b(stylesheet|modulepreload)\b/.test(rel)) found.push(href);
  }
  return found;
}

/** `/portal/assets/x.js` → `assets/x.js`: a URL of the page made relative to the dist directory. */
function toDistPath(url: string, distDir: string): string | null {
  if (/^(https?:)?\/\//.test(url) || url.startsWith('data:')) return null;
  const clean = url.split(/[?#]/)[0]!.replace(/^\.?\//, '');
  // Strip the base (e.g. `portal/`) when the file is not found with it.
  const parts = clean.split('/');
  for (let i = 0; i < parts.length; i++) {
    const candidate = parts.slice(i).join('/');
    if (existsSync(join(distDir, candidate))) return candidate;
  }
  return null;
}

/**
 * Per HTML page in `distDir`: the JS and CSS its first load fetches, in gzip bytes. `locale` picks the
 * catalogue counted (default `nl`, the source and default language).
 */
export function measurePages(distDir: string, options: { locale?: string } = {}): PageLoad[] {
  const dist = resolve(distDir);
  const locale = options.locale ?? 'nl';
  const manifest = readManifest(dist);
  const catalogueChunks = Object.entries(manifest).flatMap(([key, chunk]) => {
    const found = CATALOGUE_KEY.exec(key)?.[1];
    return found ? [{ locale: found, key, chunk }] : [];
  });
  const catalogues = Object.fromEntries(catalogueChunks.map((c) => [c.locale, gzipBytesOf(dist, c.chunk.file).gzipBytes]));

  const pages = readdirSync(dist).filter((name) => name.endsWith('.html'));
  return pages.map((page) => {
    const files = new Map<string, LoadedFile>();
    const add = (file: string, reason: LoadedFile['reason']) => {
      if (files.has(file) || !/\.(m?js|css)$/.test(file)) return;
      files.set(file, { file, kind: file.endsWith('.css') ? 'css' : 'js', reason, ...gzipBytesOf(dist, file) });
    };

    for (const url of assetsNamedInHtml(readFileSync(join(dist, page), 'utf8'))) {
      const file = toDistPath(url, dist);
      if (file) add(file, 'html');
    }

    const visited = new Set<string>();
    const walk = (key: string, reason: LoadedFile['reason']) => {
      if (visited.has(key)) return;
      visited.add(key);
      const chunk = manifest[key];
      if (!chunk) return;
      add(chunk.file, reason);
      for (const css of chunk.css ?? []) add(css, 'css');
      for (const imported of chunk.imports ?? []) walk(imported, 'static-import');
    };
    const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry && (manifest[key]!.src ?? key) === page);
    if (entryKey) {
      walk(entryKey, 'html');
      const catalogue = (manifest[entryKey]!.dynamicImports ?? []).find((key) => CATALOGUE_KEY.exec(key)?.[1] === locale);
      if (catalogue) walk(catalogue, 'catalogue');
    }

    const list = [...files.values()];
    const sum = (kind: LoadedFile['kind']) => list.filter((f) => f.kind === kind).reduce((total, f) => total + f.gzipBytes, 0);
    const jsGzipBytes = sum('js');
    const cssGzipBytes = sum('css');
    return { page, locale, files: list, jsGzipBytes, cssGzipBytes, totalGzipBytes: jsGzipBytes + cssGzipBytes, catalogues };
  });
}

/** A short report, one block per page. */
export function formatReport(loads: PageLoad[]): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  return loads
    .map((load) => {
      const lines = load.files.map((f) => `  ${f.kind.padEnd(3)} ${kb(f.gzipBytes).padStart(9)}  ${f.file} (${f.reason})`);
      const worst = Math.max(0, ...Object.values(load.catalogues));
      return [
        `${load.page} (catalogue: ${load.locale})`,
        ...lines,
        `  JavaScript ${kb(load.jsGzipBytes)} gzip, CSS ${kb(load.cssGzipBytes)} gzip, total ${kb(load.totalGzipBytes)}`,
        `  largest catalogue of any language: ${kb(worst)} gzip`,
      ].join('\n');
    })
    .join('\n\n');
}

// `npx tsx portal/bundle-size.ts [distDir] [locale]` prints the report.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const distDir = process.argv[2] ?? new URL('./dist', import.meta.url).pathname;
  console.log(formatReport(measurePages(distDir, { locale: process.argv[3] })));
}
