import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/*
 * bundleKb: what each part of the built Chrome extension loads, minified as the build
 * writes it, and gzipped. The content script and the background are the files the manifest
 * names; a page (popup, planner, the panel's frame) is every script and stylesheet its HTML
 * loads: its entry module and the chunks it preloads. KB = 1,024 bytes; gzip at level 9,
 * file by file.
 */

export const BUNDLES = ['content', 'background', 'popup', 'options', 'overlay'] as const;
export type Bundle = (typeof BUNDLES)[number];

export interface BundleSize {
  readonly minifiedKb: number;
  readonly gzippedKb: number;
  readonly files: readonly string[];
}

const KILOBYTE = 1024;

interface Manifest {
  readonly background?: { readonly service_worker?: string; readonly scripts?: readonly string[] };
  readonly content_scripts?: readonly { readonly js?: readonly string[]; readonly css?: readonly string[] }[];
}

/** The scripts and stylesheets an HTML page of the build loads, as paths inside the build. */
export function pageAssets(html: string): string[] {
  const assets = new Set<string>();
  const references = /<(?:script|link)\b[^>]*?\b(?:src|href)="\/?([^"]+\.(?:js|css))"/g;
  for (const match of html.matchAll(references)) if (match[1] !== undefined) assets.add(match[1]);
  return [...assets];
}

function sizeOf(buildDir: string, files: readonly string[]): BundleSize {
  let minified = 0;
  let gzipped = 0;
  for (const file of files) {
    const bytes = readFileSync(join(buildDir, file));
    minified += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  return { minifiedKb: minified / KILOBYTE, gzippedKb: gzipped / KILOBYTE, files };
}

export function bundleSizes(buildDir: string): Record<Bundle, BundleSize> {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as Manifest;
  const content = (manifest.content_scripts ?? []).flatMap((script) => [
    ...(script.js ?? []),
    ...(script.css ?? []),
  ]);
  const background = manifest.background?.service_worker
    ? [manifest.background.service_worker]
    : [...(manifest.background?.scripts ?? [])];
  const page = (name: string) => pageAssets(readFileSync(join(buildDir, `${name}.html`), 'utf8'));
  return {
    content: sizeOf(buildDir, [...new Set(content)]),
    background: sizeOf(buildDir, background),
    popup: sizeOf(buildDir, page('popup')),
    options: sizeOf(buildDir, page('options')),
    overlay: sizeOf(buildDir, page('overlay')),
  };
}
