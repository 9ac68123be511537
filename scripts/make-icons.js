#!/usr/bin/env node
/**
 * Generates the add-in icons (assets/icon-{16,32,64,80,128}.png) without any npm package:
 * a white barometer gauge (half ring, ticks and a needle pointing right) on dark blue #1F4E79.
 * Shapes are signed-distance functions in a unit square, sampled 4x4 per pixel for anti-aliasing,
 * and encoded as an RGBA PNG with node:zlib. Run: node scripts/make-icons.js
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const BG = [0x1f, 0x4e, 0x79];
const FG = [0xff, 0xff, 0xff];

/** CRC-32 as PNG needs it. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Distance from p to the segment a-b. */
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Is the point (unit coordinates, y down) inside the rounded background square? */
function inBackground(x, y) {
  const r = 0.18;
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  return Math.hypot(qx, qy) <= r;
}

/** Is the point on the white glyph? Stroke widths grow a little for the tiny sizes. */
function inGlyph(x, y, size) {
  const w = size <= 16 ? 0.11 : size <= 32 ? 0.085 : 0.07;
  const cx = 0.5;
  const cy = 0.66;
  const R = 0.34;
  const d = Math.hypot(x - cx, y - cy);
  // Upper half ring (the dial).
  if (y <= cy + 0.001 && Math.abs(d - R) <= w / 2) return true;
  // Base line.
  if (segDist(x, y, cx - R - w / 2, cy + 0.09, cx + R + w / 2, cy + 0.09) <= w / 2) return true;
  // Three ticks at 45, 90, 135 degrees (skipped at 16 px where they blur).
  if (size > 16) {
    for (const deg of [45, 90, 135]) {
      const a = (deg * Math.PI) / 180;
      const ux = -Math.cos(a);
      const uy = -Math.sin(a);
      if (segDist(x, y, cx + ux * (R - 0.1), cy + uy * (R - 0.1), cx + ux * (R - 0.04), cy + uy * (R - 0.04)) <= w / 3)
        return true;
    }
  }
  // Needle towards "good" (upper right) and its hub.
  const a = (35 * Math.PI) / 180;
  if (segDist(x, y, cx, cy, cx + Math.cos(a) * (R - 0.07), cy - Math.sin(a) * (R - 0.07)) <= w / 2) return true;
  return d <= w * 0.9;
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S) / size;
          const y = (py + (sy + 0.5) / S) / size;
          if (!inBackground(x, y)) continue;
          if (inGlyph(x, y, size)) fg++;
          else bg++;
        }
      }
      const cover = bg + fg;
      const o = (py * size + px) * 4;
      if (cover === 0) continue;
      for (let c = 0; c < 3; c++) rgba[o + c] = Math.round((BG[c] * bg + FG[c] * fg) / cover);
      rgba[o + 3] = Math.round((255 * cover) / (S * S));
    }
  }
  return encodePng(size, rgba);
}

const outDir = path.resolve(__dirname, '..', 'assets');
fs.mkdirSync(outDir, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, render(size));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
