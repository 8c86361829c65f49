/**
 * Draws the toolbar icon (three ascending tranches on TradingView's dark panel) at each
 * size the manifest needs, as PNG, with no image library: run once, PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BACKGROUND = [0x13, 0x17, 0x22];
const BARS = [
  [0x29, 0x62, 0xff],
  [0x08, 0x99, 0x81],
  [0x08, 0x99, 0x81],
];

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function icon(size: number): Buffer {
  const rows: Buffer[] = [];
  const radius = size * 0.2;
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x += 1) {
      const cx = Math.min(x, size - 1 - x);
      const cy = Math.min(y, size - 1 - y);
      const isCorner = cx < radius && cy < radius && Math.hypot(radius - cx, radius - cy) > radius;
      let color = BACKGROUND;
      const bar = Math.floor((x - size * 0.16) / (size * 0.24));
      const inBar = bar >= 0 && bar < 3 && (x - size * 0.16) % (size * 0.24) < size * 0.18;
      const top = size * (0.62 - bar * 0.2);
      if (inBar && y >= top && y < size * 0.84) color = BARS[bar] ?? BACKGROUND;
      row.set([...color, isCorner ? 0 : 255], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', new Uint8Array()),
  ]);
}

for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/${size}.png`, icon(size));
