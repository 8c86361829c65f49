import { OVERLAY_CHANNEL } from './overlay-channel';
import type { FrameMessage, OverlayPosition } from './overlay-frame';
import type { WatchConfig } from './watch-config';

/*
 * The content script's checks of the three messages that reach it, written without zod:
 * zod/mini's core alone is 14 KB, a third of the content script's 40 KB budget, and the
 * content script runs in every exchange tab. Each check accepts exactly what its zod
 * schema accepts (the schemas stay the contract: the background and the panel's frame
 * validate with them) and returns the same value; test/unit/messages/content-checks.test.ts
 * holds every check to its schema on generated messages.
 */

type Fields = Readonly<Record<string, unknown>>;

/** An object with exactly these keys, as a strict zod object requires. */
function withKeys(value: unknown, keys: readonly string[]): Fields | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const own = Object.keys(value);
  if (own.length !== keys.length || !keys.every((key) => Object.hasOwn(value, key))) return null;
  return value as Fields;
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
}

function isStringOfLength(value: unknown, min: number, max: number): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}

/** `WatchConfigSchema` (./watch-config.ts). */
function readWatchConfig(value: unknown): WatchConfig | null {
  const config = withKeys(value, ['staleAfterSeconds', 'jumpHoldPercent', 'picked']);
  if (config === null) return null;
  const { staleAfterSeconds, jumpHoldPercent, picked } = config;
  if (!isIntegerIn(staleAfterSeconds, 1, 86_400)) return null;
  const isPercent =
    typeof jumpHoldPercent === 'number' &&
    Number.isFinite(jumpHoldPercent) &&
    jumpHoldPercent > 0 &&
    jumpHoldPercent <= 1000;
  if (!isPercent) return null;
  if (picked === null) return { staleAfterSeconds, jumpHoldPercent, picked: null };
  const site = withKeys(picked, ['selector', 'symbol', 'decimalMark']);
  if (site === null) return null;
  const { selector, symbol, decimalMark } = site;
  if (!isStringOfLength(selector, 1, 2000)) return null;
  if (symbol !== null && !isStringOfLength(symbol, 1, 64)) return null;
  if (decimalMark !== null && decimalMark !== '.' && decimalMark !== ',') return null;
  return { staleAfterSeconds, jumpHoldPercent, picked: { selector, symbol, decimalMark } };
}

/**
 * The background's answer to `watch-config` (`WatchConfigReplySchema`): the config, or null
 * for a refusal (`{ ok: false, error }`) and for anything malformed.
 */
export function readWatchConfigReply(value: unknown): WatchConfig | null {
  const reply = withKeys(value, ['ok', 'config']);
  return reply?.['ok'] === true ? readWatchConfig(reply['config']) : null;
}

/** `OverlayToggleMessageSchema` (./overlay-frame.ts): the background's keyboard shortcut. */
export function isOverlayToggle(value: unknown): boolean {
  return withKeys(value, ['type'])?.['type'] === 'overlay-toggle';
}

function readPosition(value: unknown): OverlayPosition | null {
  const position = withKeys(value, ['left', 'top']);
  if (position === null) return null;
  const { left, top } = position;
  return isIntegerIn(left, 0, 100_000) && isIntegerIn(top, 0, 100_000) ? { left, top } : null;
}

/** `FrameMessageSchema` (./overlay-frame.ts): the panel frame's layout wish or a drag report. */
export function readFrameMessage(value: unknown): FrameMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const type = (value as Fields)['type'];
  if (type === 'layout') {
    const message = withKeys(value, [
      'channel',
      'type',
      'isWanted',
      'isCollapsed',
      'width',
      'height',
      'position',
    ]);
    if (message === null || message['channel'] !== OVERLAY_CHANNEL) return null;
    const { isWanted, isCollapsed, width, height } = message;
    const position = message['position'] === null ? null : readPosition(message['position']);
    const isValid =
      typeof isWanted === 'boolean' &&
      typeof isCollapsed === 'boolean' &&
      isIntegerIn(width, 0, 100_000) &&
      isIntegerIn(height, 0, 100_000) &&
      (position !== null || message['position'] === null);
    return isValid
      ? { channel: OVERLAY_CHANNEL, type, isWanted, isCollapsed, width, height, position }
      : null;
  }
  if (type === 'drag') {
    const message = withKeys(value, ['channel', 'type', 'phase', 'screenX', 'screenY']);
    if (message === null || message['channel'] !== OVERLAY_CHANNEL) return null;
    const { phase, screenX, screenY } = message;
    const isValid =
      (phase === 'start' || phase === 'move' || phase === 'end') &&
      isIntegerIn(screenX, -100_000, 100_000) &&
      isIntegerIn(screenY, -100_000, 100_000);
    return isValid ? { channel: OVERLAY_CHANNEL, type, phase, screenX, screenY } : null;
  }
  return null;
}
