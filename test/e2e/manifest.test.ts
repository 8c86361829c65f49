import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

/*
 * The built manifests and files, as the browsers receive them (docs/security.md): the
 * permissions Tranche asks for, sites picked at run time only, no eval and no remote code.
 */

const BUILDS = {
  chrome: { dir: resolve('.output/chrome-mv3'), command: 'npm run build' },
  firefox: { dir: resolve('.output/firefox-mv2'), command: 'npm run build:firefox' },
} as const;

/** The supported sites (docs/page-reading.md#the-sites): the only hosts asked for at install. */
const SUPPORTED_DOMAINS = [
  'binance.com',
  'bybit.com',
  'coinbase.com',
  'kraken.com',
  'okx.com',
  'tradingview.com',
];
const API_PERMISSIONS = ['storage', 'notifications', 'alarms', 'activeTab', 'scripting'];
const STRICT_CSP = "script-src 'self'; object-src 'self'";

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: unknown[];
  content_security_policy?: string | { extension_pages?: string };
};

function build(name: keyof typeof BUILDS): { dir: string; manifest: Manifest } {
  const { dir, command } = BUILDS[name];
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} not found: run ${command}`);
  return { dir, manifest: JSON.parse(readFileSync(file, 'utf8')) as Manifest };
}

/** The content scripts' sites: the supported sites, which every other list must equal. */
function supportedSites(manifest: Manifest): string[] {
  const sites = [...new Set(manifest.content_scripts?.flatMap((script) => script.matches) ?? [])].sort();
  expect(sites.map((pattern) => /^[^:]+:\/\/\*\.([^/]+)\/\*$/.exec(pattern)?.[1]).sort()).toEqual(
    SUPPORTED_DOMAINS,
  );
  return sites;
}

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesOf(path) : [path];
  });
}

describe('the built manifests', () => {
  it('Chrome (MV3): its API permissions, the supported sites, and any other site only on request', () => {
    const { manifest } = build('chrome');
    const sites = supportedSites(manifest);
    expect(manifest.permissions?.sort()).toEqual([...API_PERMISSIONS].sort());
    expect(manifest.host_permissions?.sort()).toEqual(sites);
    expect(manifest.optional_host_permissions, 'a picked site is asked for when it is picked').toEqual([
      '*://*/*',
    ]);
    const [panel, ...others] = (manifest.web_accessible_resources ?? []) as {
      resources: string[];
      matches: string[];
    }[];
    expect(others, 'one web-accessible resource').toEqual([]);
    expect(panel?.resources, 'the panel’s frame').toEqual(['overlay.html']);
    expect(panel?.matches.sort(), 'framed into the supported sites only').toEqual(sites);
    expect(manifest.content_security_policy).toEqual({ extension_pages: STRICT_CSP });
  });

  it('Firefox (MV2): the same, with the picked sites among the optional permissions', () => {
    const { manifest } = build('firefox');
    expect(manifest.permissions?.sort()).toEqual([...API_PERMISSIONS, ...supportedSites(manifest)].sort());
    expect(manifest.optional_permissions).toEqual(['*://*/*']);
    expect(manifest.content_security_policy).toEqual(STRICT_CSP);
  });

  it.each(Object.keys(BUILDS) as (keyof typeof BUILDS)[])(
    '%s: no eval, no remote code, no web page or other extension may message it',
    (name) => {
      const { dir, manifest } = build(name);
      const text = JSON.stringify(manifest);
      expect(text).not.toMatch(/unsafe-eval|unsafe-inline|https?:\/\/|<all_urls>/);
      expect(manifest, 'externally_connectable').not.toHaveProperty('externally_connectable');
      for (const file of filesOf(dir)) {
        if (file.endsWith('.html')) {
          const sources = [...readFileSync(file, 'utf8').matchAll(/<script[^>]*\ssrc="([^"]*)"/g)].map(
            (match) => match[1] ?? '',
          );
          expect(
            sources.filter((source) => !source.startsWith('/')),
            `${file}: scripts come from the package`,
          ).toEqual([]);
        }
        if (file.endsWith('.js')) {
          const code = readFileSync(file, 'utf8');
          expect(code, `${file}: no eval`).not.toMatch(/\beval\(|new Function\(/);
          expect(code, `${file}: no remote script`).not.toMatch(
            /importScripts\(|import\(\s*["'`]https?:|\.src\s*=\s*["'`]https?:/,
          );
        }
      }
    },
  );
});
