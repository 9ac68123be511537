import { deflateSync, inflateSync } from 'fflate';

/**
 * The ZIP container of an .xlsx package (ECMA-376 Part 2 uses plain ZIP), on fflate's DEFLATE.
 * Entries are found through the central directory. An entry the tool does not change is copied
 * byte for byte (its compressed data and CRC), so every part of a workbook the tool does not touch
 * stays exactly as it was. The container records are read and written here because fflate's zip
 * API re-compresses every entry and writes no ZIP64; DEFLATE itself is fflate's, in Node and in
 * the browser alike.
 *
 * Hardening: every entry's CRC-32 is checked when it is inflated (and before it is copied), an
 * entry that inflates to another size than the directory says is damaged, duplicate part names
 * are damaged, and the declared sizes of all entries together may not pass MAX_TOTAL_BYTES, so
 * entries pointing at the same data, or one entry lying about its size, cannot exhaust memory.
 */

/** Decision: all parts of a package together may not inflate to more than 1 GiB (a zip-bomb guard; a 100,000-case workbook is ~80 MB). */
export const MAX_TOTAL_BYTES = 1 << 30;

/** Compression and checksums (kept as an interface so callers may still pass one; fflate by default). */
export interface ZipCodec {
  /** Raw DEFLATE (no zlib header) of `data`. */
  deflateRaw(data: Uint8Array): Uint8Array;
  /** Inflates raw DEFLATE data into exactly `size` bytes (bytes past `size` are dropped; the CRC check catches them). */
  inflateRaw(data: Uint8Array, size: number): Uint8Array;
  /** CRC-32 (ISO 3309) of `data`. */
  crc32(data: Uint8Array): number;
}

/** Why a file is not a readable ZIP archive (the adapter turns it into a Danish message). */
export class ZipError extends Error {
  constructor(
    message: string,
    readonly reason: 'not-zip' | 'damaged' | 'encrypted' | 'unsupported' | 'too-large',
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflate. */
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** MS-DOS time and date fields, kept when the entry is copied. */
  readonly dosTime: number;
  readonly dosDate: number;
  /** Offset of the compressed data in the archive. */
  readonly dataOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const U32 = 0xffffffff;
const U16 = 0xffff;

const utf8 = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** CRC-32 table for crc32(); fflate keeps its own CRC internal, so this 10-line one is written here. */
let crcTable: Int32Array | null = null;
/** CRC-32 (ISO 3309, as ZIP uses) of `data`. @example crc32(utf8Bytes("a")) === 0xe8b7be43 */
export function crc32(data: Uint8Array): number {
  if (crcTable === null) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  const t = crcTable;
  let c = -1;
  for (let i = 0; i < data.length; i += 1) c = (t[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** The codec on fflate (browser-safe). Level 6, as zlib's default. */
export const flateCodec: ZipCodec = {
  deflateRaw: (data) => deflateSync(data, { level: 6 }),
  inflateRaw: (data, size) => inflateSync(data, { out: new Uint8Array(size) }),
  crc32,
};

/** A ZIP archive read from bytes. */
export class ZipArchive {
  private constructor(
    readonly bytes: Uint8Array,
    /** In the central directory's order. */
    readonly entries: readonly ZipEntry[],
    private readonly byName: ReadonlyMap<string, ZipEntry>,
    private readonly codec: ZipCodec,
  ) {}

  /**
   * Reads the central directory.
   * @throws ZipError when the bytes are not a ZIP archive, are damaged, use encryption, or declare
   * more than MAX_TOTAL_BYTES of content.
   */
  static read(bytes: Uint8Array, codec: ZipCodec = flateCodec): ZipArchive {
    const dv = view(bytes);
    if (bytes.length < 22 || dv.getUint32(0, true) !== SIG_LOCAL) {
      throw new ZipError('not a ZIP archive', 'not-zip');
    }
    // The end-of-central-directory record is in the last 22 + 65535 bytes.
    let eocd = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i -= 1) {
      if (dv.getUint32(i, true) === SIG_EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError('no end of central directory', 'damaged');
    let count = dv.getUint16(eocd + 10, true);
    let cdSize = dv.getUint32(eocd + 12, true);
    let cdOffset = dv.getUint32(eocd + 16, true);
    if (count === U16 || cdSize === U32 || cdOffset === U32) {
      const loc = eocd - 20;
      if (loc < 0 || dv.getUint32(loc, true) !== SIG_EOCD64_LOCATOR) {
        throw new ZipError('ZIP64 locator missing', 'damaged');
      }
      const e64 = Number(dv.getBigUint64(loc + 8, true));
      if (e64 + 56 > bytes.length || dv.getUint32(e64, true) !== SIG_EOCD64) {
        throw new ZipError('ZIP64 record missing', 'damaged');
      }
      count = Number(dv.getBigUint64(e64 + 32, true));
      cdSize = Number(dv.getBigUint64(e64 + 40, true));
      cdOffset = Number(dv.getBigUint64(e64 + 48, true));
    }
    if (cdOffset + cdSize > bytes.length) throw new ZipError('central directory out of range', 'damaged');
    // Each central record is at least 46 bytes: a count the directory cannot hold is a lie.
    if (count * 46 > cdSize) throw new ZipError('central directory too short', 'damaged');

    const entries: ZipEntry[] = [];
    const byName = new Map<string, ZipEntry>();
    const seen = new Set<string>();
    let total = 0;
    let p = cdOffset;
    for (let n = 0; n < count; n += 1) {
      if (p + 46 > bytes.length || dv.getUint32(p, true) !== SIG_CENTRAL) {
        throw new ZipError('central directory damaged', 'damaged');
      }
      const flags = dv.getUint16(p + 8, true);
      const method = dv.getUint16(p + 10, true);
      const dosTime = dv.getUint16(p + 12, true);
      const dosDate = dv.getUint16(p + 14, true);
      const crc = dv.getUint32(p + 16, true);
      let compressedSize = dv.getUint32(p + 20, true);
      let size = dv.getUint32(p + 24, true);
      const nameLen = dv.getUint16(p + 28, true);
      const extraLen = dv.getUint16(p + 30, true);
      const commentLen = dv.getUint16(p + 32, true);
      let localOffset = dv.getUint32(p + 42, true);
      if (p + 46 + nameLen + extraLen > bytes.length)
        throw new ZipError('central directory damaged', 'damaged');
      const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
      // ZIP64 extended information (0x0001) holds the sizes and offset that do not fit in 32 bits.
      let x = p + 46 + nameLen;
      const xEnd = x + extraLen;
      while (x + 4 <= xEnd) {
        const id = dv.getUint16(x, true);
        const len = dv.getUint16(x + 2, true);
        if (id === 0x0001) {
          let q = x + 4;
          const need =
            (size === U32 ? 8 : 0) + (compressedSize === U32 ? 8 : 0) + (localOffset === U32 ? 8 : 0);
          if (need > len || q + need > xEnd) throw new ZipError(`ZIP64 field of ${name} damaged`, 'damaged');
          if (size === U32) {
            size = Number(dv.getBigUint64(q, true));
            q += 8;
          }
          if (compressedSize === U32) {
            compressedSize = Number(dv.getBigUint64(q, true));
            q += 8;
          }
          if (localOffset === U32) localOffset = Number(dv.getBigUint64(q, true));
        }
        x += 4 + len;
      }
      p = xEnd + commentLen;
      if ((flags & 1) !== 0) throw new ZipError(`entry ${name} is encrypted`, 'encrypted');
      if (method !== 0 && method !== 8)
        throw new ZipError(`entry ${name} uses method ${method}`, 'unsupported');
      if (localOffset + 30 > bytes.length || dv.getUint32(localOffset, true) !== SIG_LOCAL) {
        throw new ZipError(`local header of ${name} damaged`, 'damaged');
      }
      const dataOffset =
        localOffset + 30 + dv.getUint16(localOffset + 26, true) + dv.getUint16(localOffset + 28, true);
      if (dataOffset + compressedSize > bytes.length)
        throw new ZipError(`entry ${name} truncated`, 'damaged');
      if (method === 0 && compressedSize !== size)
        throw new ZipError(`stored entry ${name} damaged`, 'damaged');
      const key = name.toLowerCase();
      if (seen.has(key)) throw new ZipError(`entry ${name} twice`, 'damaged');
      seen.add(key);
      total += size;
      if (total > MAX_TOTAL_BYTES) throw new ZipError('content too large', 'too-large');
      if (name.endsWith('/')) continue; // a folder entry carries no part
      const entry: ZipEntry = { name, method, crc, compressedSize, size, dosTime, dosDate, dataOffset };
      entries.push(entry);
      byName.set(name, entry);
    }
    return new ZipArchive(bytes, entries, byName, codec);
  }

  /** The entry of a part name, matched as OPC does: without a leading "/" and ignoring case. */
  entry(name: string): ZipEntry | undefined {
    const n = name.replace(/^\/+/, '');
    const hit = this.byName.get(n);
    if (hit) return hit;
    const lower = n.toLowerCase();
    return this.entries.find((e) => e.name.toLowerCase() === lower);
  }

  /** The compressed bytes of an entry, as stored. */
  raw(entry: ZipEntry): Uint8Array {
    return this.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  }

  /**
   * The uncompressed bytes of an entry, checked against the directory's size and CRC.
   * @throws ZipError (damaged) when the data does not inflate to exactly what the directory says.
   */
  data(entry: ZipEntry): Uint8Array {
    const raw = this.raw(entry);
    let out: Uint8Array;
    if (entry.method === 0) out = raw;
    else if (entry.compressedSize === 0 && entry.size === 0)
      out = raw; // an empty part some writers leave without a DEFLATE block
    else {
      try {
        out = this.codec.inflateRaw(raw, entry.size);
      } catch (cause) {
        throw new ZipError(`entry ${entry.name} cannot be inflated: ${String(cause)}`, 'damaged');
      }
    }
    if (out.length !== entry.size || this.codec.crc32(out) !== entry.crc >>> 0) {
      throw new ZipError(`entry ${entry.name}: size or CRC-32 does not match`, 'damaged');
    }
    return out;
  }

  /** Checks an entry's CRC without keeping its data (before it is copied into an output). */
  verify(entry: ZipEntry): void {
    this.data(entry);
  }
}

/** One entry of an archive to write: copied as stored, or new data to deflate. */
export type ZipPart =
  | { readonly name: string; readonly copy: ZipEntry; readonly from: ZipArchive }
  | { readonly name: string; readonly data: Uint8Array };

/** DOS date and time of a JS date (local fields, as ZIP tools do). */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, d.getFullYear()));
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Text parts as UTF-8 bytes. */
export function utf8Bytes(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** Bytes as UTF-8 text (a BOM is dropped). */
export function utf8Text(bytes: Uint8Array): string {
  const s = utf8.decode(bytes);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

interface Out {
  name: Uint8Array;
  method: number;
  crc: number;
  csize: number;
  size: number;
  time: number;
  date: number;
  body: Uint8Array;
  offset: number;
}

/**
 * Writes a ZIP archive of the parts, in the given order. Copied entries keep their compressed
 * bytes, CRC and time; new ones are deflated with `codec` and stamped with `now`. ZIP64 records
 * are written where a size, an offset or the entry count does not fit the classic fields.
 */
export function writeZip(
  parts: readonly ZipPart[],
  codec: ZipCodec = flateCodec,
  now = new Date(),
): Uint8Array {
  const stamp = dosDateTime(now);
  const outs: Out[] = [];
  let offset = 0;
  const localExtra = (o: Out): number => (o.size >= U32 || o.csize >= U32 ? 20 : 0);
  const centralExtra = (o: Out): number => {
    let n = 0;
    if (o.size >= U32) n += 8;
    if (o.csize >= U32) n += 8;
    if (o.offset >= U32) n += 8;
    return n === 0 ? 0 : n + 4;
  };
  for (const part of parts) {
    const name = utf8Bytes(part.name);
    let o: Out;
    if ('copy' in part) {
      const e = part.copy;
      o = {
        name,
        method: e.method,
        crc: e.crc,
        csize: e.compressedSize,
        size: e.size,
        time: e.dosTime,
        date: e.dosDate,
        body: part.from.raw(e),
        offset,
      };
    } else {
      const body = codec.deflateRaw(part.data);
      o = {
        name,
        method: 8,
        crc: codec.crc32(part.data),
        csize: body.length,
        size: part.data.length,
        time: stamp.time,
        date: stamp.date,
        body,
        offset,
      };
    }
    outs.push(o);
    offset += 30 + name.length + localExtra(o) + o.body.length;
  }
  let cdSize = 0;
  for (const o of outs) cdSize += 46 + o.name.length + centralExtra(o);
  const cdStart = offset;
  const zip64 = outs.length >= U16 || cdStart >= U32 || cdSize >= U32;
  const total = offset + cdSize + (zip64 ? 56 + 20 : 0) + 22;

  const out = new Uint8Array(total);
  const dv = view(out);
  const big = (q: number, v: number): void => dv.setBigUint64(q, BigInt(v), true);
  const header = (p: number, o: Out, central: boolean): number => {
    let q = p;
    dv.setUint32(q, central ? SIG_CENTRAL : SIG_LOCAL, true);
    q += 4;
    const extra = central ? centralExtra(o) : localExtra(o);
    const version = extra > 0 ? 45 : 20;
    if (central) {
      dv.setUint16(q, version, true); // made by
      q += 2;
    }
    dv.setUint16(q, version, true); // needed: 2.0, or 4.5 for ZIP64
    dv.setUint16(q + 2, 0x0800, true); // UTF-8 names, no data descriptor
    dv.setUint16(q + 4, o.method, true);
    dv.setUint16(q + 6, o.time, true);
    dv.setUint16(q + 8, o.date, true);
    dv.setUint32(q + 10, o.crc >>> 0, true);
    const local64 = !central && extra > 0;
    dv.setUint32(q + 14, local64 || o.csize >= U32 ? U32 : o.csize, true);
    dv.setUint32(q + 18, local64 || o.size >= U32 ? U32 : o.size, true);
    dv.setUint16(q + 22, o.name.length, true);
    dv.setUint16(q + 24, extra, true);
    q += 26;
    if (central) {
      dv.setUint16(q, 0, true); // comment
      dv.setUint16(q + 2, 0, true); // disk
      dv.setUint16(q + 4, 0, true); // internal attributes
      dv.setUint32(q + 6, 0, true); // external attributes
      dv.setUint32(q + 10, o.offset >= U32 ? U32 : o.offset, true);
      q += 14;
    }
    out.set(o.name, q);
    q += o.name.length;
    if (extra > 0) {
      dv.setUint16(q, 0x0001, true);
      dv.setUint16(q + 2, extra - 4, true);
      q += 4;
      if (central) {
        // Only the fields whose classic value is 0xFFFFFFFF, in the order size, csize, offset.
        for (const v of [o.size, o.csize, o.offset]) {
          if (v < U32) continue;
          big(q, v);
          q += 8;
        }
      } else {
        big(q, o.size);
        big(q + 8, o.csize);
        q += 16;
      }
    }
    return q;
  };
  let p = 0;
  for (const o of outs) {
    p = header(p, o, false);
    out.set(o.body, p);
    p += o.body.length;
  }
  for (const o of outs) p = header(p, o, true);
  if (zip64) {
    const e64 = p;
    dv.setUint32(p, SIG_EOCD64, true);
    big(p + 4, 44); // size of the rest of this record
    dv.setUint16(p + 12, 45, true);
    dv.setUint16(p + 14, 45, true);
    dv.setUint32(p + 16, 0, true);
    dv.setUint32(p + 20, 0, true);
    big(p + 24, outs.length);
    big(p + 32, outs.length);
    big(p + 40, cdSize);
    big(p + 48, cdStart);
    p += 56;
    dv.setUint32(p, SIG_EOCD64_LOCATOR, true);
    dv.setUint32(p + 4, 0, true);
    big(p + 8, e64);
    dv.setUint32(p + 16, 1, true);
    p += 20;
  }
  dv.setUint32(p, SIG_EOCD, true);
  dv.setUint16(p + 4, 0, true);
  dv.setUint16(p + 6, 0, true);
  dv.setUint16(p + 8, zip64 ? U16 : outs.length, true);
  dv.setUint16(p + 10, zip64 ? U16 : outs.length, true);
  dv.setUint32(p + 12, zip64 ? U32 : cdSize, true);
  dv.setUint32(p + 16, zip64 ? U32 : cdStart, true);
  dv.setUint16(p + 20, 0, true);
  return out;
}
