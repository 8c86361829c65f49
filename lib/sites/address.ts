/*
 * Which addresses Tranche reads prices from. The supported sites are served over https
 * (docs/page-reading.md#the-sites): a page on plain http can be altered on its way to the browser,
 * so its price could be anyone's. A site the trader picked may also be plain http on this computer
 * (loopback never leaves the machine: a local dashboard or bridge).
 */

/** `localhost`, `127.0.0.0/8` and `[::1]`: addresses that never leave this computer. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/u.test(host)
  );
}

/** A supported site's page: https only. */
export function isSecurePage(url: URL): boolean {
  return url.protocol === 'https:';
}

/** A picked site's page: https, or http on this computer. */
export function isReadablePickedPage(url: URL): boolean {
  return isSecurePage(url) || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

/** Why a page at this address is not read, in words a trader can act on. */
export function unreadableAddressReason(url: URL): string {
  if (url.protocol === 'http:') {
    return `${url.origin} is plain http: a page that is not encrypted could be altered on its way, so Tranche reads prices only from https pages (and http on this computer)`;
  }
  return `Tranche reads no ${url.protocol} pages, only https web pages`;
}
