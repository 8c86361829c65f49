import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The preferences of a fresh Firefox profile for the end-to-end tests (its `user.js`):
 * the unsigned build installs at a known address, and nothing leaves the machine. The
 * test answers the pages it opens by request interception (firefox-session.ts); these
 * keep Firefox's own services quiet and make any connection that slips past fail locally.
 */

type Pref = readonly [name: string, value: boolean | number | string];

/** A port nothing listens on (the discard service is not run here): the proxy that is never there. */
const DEAD_PROXY_PORT = 9;

/** Every connection goes to a proxy that does not exist, and every name resolves to this machine. */
const OFFLINE: readonly Pref[] = [
  ['network.proxy.type', 1],
  ['network.proxy.http', '127.0.0.1'],
  ['network.proxy.http_port', DEAD_PROXY_PORT],
  ['network.proxy.ssl', '127.0.0.1'],
  ['network.proxy.ssl_port', DEAD_PROXY_PORT],
  ['network.proxy.socks', '127.0.0.1'],
  ['network.proxy.socks_port', DEAD_PROXY_PORT],
  ['network.proxy.socks_remote_dns', true],
  ['network.proxy.no_proxies_on', ''],
  ['network.proxy.allow_hijacking_localhost', true],
  // Firefox's own requests (remote settings, updates) go direct when the proxy fails, unless told not to.
  ['network.proxy.allow_bypass', false],
  ['network.dns.forceResolve', '127.0.0.1'],
  // DNS over HTTPS, prefetching and speculative connections would each open a socket.
  ['network.trr.mode', 5],
  ['network.dns.disablePrefetch', true],
  ['network.prefetch-next', false],
  ['network.predictor.enabled', false],
  ['network.http.speculative-parallel-limit', 0],
  // UDP does not go through the proxy: HTTP/3 and WebRTC off.
  ['network.http.http3.enable', false],
  ['media.peerconnection.enabled', false],
];

/** Firefox's own calls home: updates (its own, media plugins', add-ons'), telemetry, studies, safe browsing, remote settings, probes. */
const QUIET: readonly Pref[] = [
  ['app.update.disabledForTesting', true],
  ['app.update.auto', false],
  ['app.normandy.enabled', false],
  ['app.normandy.api_url', ''],
  ['app.shield.optoutstudies.enabled', false],
  ['toolkit.telemetry.enabled', false],
  ['toolkit.telemetry.unified', false],
  ['toolkit.telemetry.archive.enabled', false],
  ['toolkit.telemetry.server', 'data:,'],
  ['datareporting.healthreport.uploadEnabled', false],
  ['datareporting.policy.dataSubmissionEnabled', false],
  ['datareporting.usage.uploadEnabled', false],
  ['browser.ping-centre.telemetry', false],
  ['browser.safebrowsing.malware.enabled', false],
  ['browser.safebrowsing.phishing.enabled', false],
  ['browser.safebrowsing.downloads.enabled', false],
  ['browser.safebrowsing.downloads.remote.enabled', false],
  ['browser.safebrowsing.blockedURIs.enabled', false],
  ['browser.safebrowsing.provider.mozilla.updateURL', ''],
  ['browser.safebrowsing.provider.google4.updateURL', ''],
  ['services.settings.server', 'data:,#remote-settings-dummy/v1'],
  ['security.remote_settings.intermediates.enabled', false],
  ['security.remote_settings.crlite_filters.enabled', false],
  ['security.OCSP.enabled', 0],
  ['network.captive-portal-service.enabled', false],
  ['network.connectivity-service.enabled', false],
  ['media.gmp-provider.enabled', false],
  ['media.gmp-manager.url', 'data:,'],
  ['media.gmp-manager.chromium-update-url', 'data:,'],
  ['media.gmp-gmpopenh264.enabled', false],
  ['media.gmp-widevinecdm.enabled', false],
  ['extensions.update.enabled', false],
  ['extensions.getAddons.cache.enabled', false],
  ['extensions.systemAddon.update.enabled', false],
  ['browser.search.update', false],
  ['browser.region.update.enabled', false],
  ['browser.region.network.url', ''],
  ['geo.provider.network.url', ''],
  ['dom.push.connection.enabled', false],
  ['messaging-system.rsexperimentloader.enabled', false],
  ['browser.newtabpage.enabled', false],
  ['browser.newtabpage.activity-stream.feeds.system.topstories', false],
  ['browser.startup.page', 0],
  ['browser.startup.homepage', 'about:blank'],
  ['browser.shell.checkDefaultBrowser', false],
];

/**
 * Notifications in Firefox's own alert window: the system's notification service (libnotify
 * over D-Bus) is not running on a headless machine, and Firefox closes what it cannot show.
 */
const ALERTS: readonly Pref[] = [['alerts.useSystemBackend', false]];

/** What the extension's pages and background log reaches Firefox's standard output (the test's log). */
const CONSOLE: readonly Pref[] = [
  ['devtools.console.stdout.content', true],
  ['devtools.console.stdout.chrome', true],
];

function userPref([name, value]: Pref): string {
  return `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`;
}

/**
 * Write `user.js` into a fresh profile: the extension `extensionId` (its gecko id) gets the
 * address moz-extension://`extensionUuid`/ and may be installed unsigned.
 */
export function writeProfile(profileDir: string, extensionId: string, extensionUuid: string): void {
  const extension: readonly Pref[] = [
    ['xpinstall.signatures.required', false],
    ['extensions.webextensions.uuids', JSON.stringify({ [extensionId]: extensionUuid })],
  ];
  const prefs = [...extension, ...OFFLINE, ...QUIET, ...ALERTS, ...CONSOLE];
  writeFileSync(join(profileDir, 'user.js'), `${prefs.map(userPref).join('\n')}\n`);
}
