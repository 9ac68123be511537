/**
 * A small ZIP reader and writer for .xlsx packages (ECMA-376 Part 2 uses plain ZIP).
 * Entries are found through the central directory. An entry the tool does not change is copied
 * byte for byte (its compressed data and CRC), so every part of a workbook the tool does not
 * touch stays exactly as it was; changed parts are deflated by an injected codec, which keeps
 * this module free of node:zlib and usable in a browser.
 */

/** Compression and checksums, injected (node:zlib in the CLI). */
export interface ZipCodec {
  /** Raw DEFLATE (no zlib header) of `data`. */
  deflateRaw(data: Uint8Array): Uint8Array;
  /** Inflates raw DEFLATE data; `size` is the expected uncompressed size. */
  inflateRaw(data: Uint8Array, size: number): Uint8Array;
  /** CRC-32 (ISO 3309) of `data`. */
  crc32(data: Uint8Array): number;
}

/** Why a file is not a readable ZIP archive (the adapter turns it into a Danish message). */
export class ZipError extends Error {
  constructor(
    message: string,
    readonly reason: 'not-zip' | 'damaged' | 'encrypted' | 'unsupported',
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

const utf8 = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A ZIP archive read from bytes. */
export class ZipArchive {
  private constructor(
    readonly bytes: Uint8Array,
    /** In the central directory's order. */
    readonly entries: readonly ZipEntry[],
    private readonly byName: ReadonlyMap<string, ZipEntry>,
  ) {}

  /**
   * Reads the central directory.
   * @throws ZipError when the bytes are not a ZIP archive, are damaged, or use encryption.
   */
  static read(bytes: Uint8Array): ZipArchive {
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
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
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

    const entries: ZipEntry[] = [];
    const byName = new Map<string, ZipEntry>();
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
      const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
      // ZIP64 extended information (0x0001) holds the sizes and offset that do not fit in 32 bits.
      let x = p + 46 + nameLen;
      const xEnd = x + extraLen;
      while (x + 4 <= xEnd) {
        const id = dv.getUint16(x, true);
        const len = dv.getUint16(x + 2, true);
        if (id === 0x0001) {
          let q = x + 4;
          if (size === 0xffffffff) {
            size = Number(dv.getBigUint64(q, true));
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = Number(dv.getBigUint64(q, true));
            q += 8;
          }
          if (localOffset === 0xffffffff) localOffset = Number(dv.getBigUint64(q, true));
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
      if (name.endsWith('/')) continue; // a folder entry carries no part
      const entry: ZipEntry = { name, method, crc, compressedSize, size, dosTime, dosDate, dataOffset };
      entries.push(entry);
      byName.set(name, entry);
    }
    return new ZipArchive(bytes, entries, byName);
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

  /** The uncompressed bytes of an entry. */
  data(entry: ZipEntry, codec: ZipCodec): Uint8Array {
    const raw = this.raw(entry);
    if (entry.method === 0) return raw;
    try {
      return codec.inflateRaw(raw, entry.size);
    } catch (cause) {
      throw new ZipError(`entry ${entry.name} cannot be inflated: ${String(cause)}`, 'damaged');
    }
  }
}

/** One entry of an archive to write: copied as stored, or new data to deflate. */
export type ZipPart =
  | { readonly name: string; readonly copy: ZipEntry; readonly from: ZipArchive }
  | { readonly name: string; readonly data: Uint8Array };

/** DOS date and time of a JS date (local fields, as ZIP tools do). */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
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

/**
 * Writes a ZIP archive of the parts, in the given order. Copied entries keep their compressed
 * bytes, CRC and time; new ones are deflated with `codec` and stamped with `now`.
 * @throws ZipError when the archive would need ZIP64 (over 4 GB), which no workbook needs.
 */
export function writeZip(parts: readonly ZipPart[], codec: ZipCodec, now: Date): Uint8Array {
  const stamp = dosDateTime(now);
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
  const outs: Out[] = [];
  let offset = 0;
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
    offset += 30 + name.length + o.body.length;
  }
  let cdSize = 0;
  for (const o of outs) cdSize += 46 + o.name.length;
  const total = offset + cdSize + 22;
  if (total > 0xfffffffe || outs.length > 0xfffe) throw new ZipError('archive too large', 'unsupported');

  const out = new Uint8Array(total);
  const dv = view(out);
  const header = (p: number, o: Out, central: boolean): number => {
    let q = p;
    dv.setUint32(q, central ? SIG_CENTRAL : SIG_LOCAL, true);
    q += 4;
    if (central) {
      dv.setUint16(q, 20, true); // made by: 2.0
      q += 2;
    }
    dv.setUint16(q, 20, true); // needed: 2.0
    dv.setUint16(q + 2, 0x0800, true); // UTF-8 names, no data descriptor
    dv.setUint16(q + 4, o.method, true);
    dv.setUint16(q + 6, o.time, true);
    dv.setUint16(q + 8, o.date, true);
    dv.setUint32(q + 10, o.crc >>> 0, true);
    dv.setUint32(q + 14, o.csize, true);
    dv.setUint32(q + 18, o.size, true);
    dv.setUint16(q + 22, o.name.length, true);
    dv.setUint16(q + 24, 0, true); // extra length
    q += 26;
    if (central) {
      dv.setUint16(q, 0, true); // comment
      dv.setUint16(q + 2, 0, true); // disk
      dv.setUint16(q + 4, 0, true); // internal attributes
      dv.setUint32(q + 6, 0, true); // external attributes
      dv.setUint32(q + 10, o.offset, true);
      q += 14;
    }
    out.set(o.name, q);
    return q + o.name.length;
  };
  let p = 0;
  for (const o of outs) {
    p = header(p, o, false);
    out.set(o.body, p);
    p += o.body.length;
  }
  const cdStart = p;
  for (const o of outs) p = header(p, o, true);
  dv.setUint32(p, SIG_EOCD, true);
  dv.setUint16(p + 4, 0, true);
  dv.setUint16(p + 6, 0, true);
  dv.setUint16(p + 8, outs.length, true);
  dv.setUint16(p + 10, outs.length, true);
  dv.setUint32(p + 12, cdSize, true);
  dv.setUint32(p + 16, cdStart, true);
  dv.setUint16(p + 20, 0, true);
  return out;
}

/** CRC-32 in plain TypeScript, for codecs without a native one. */
let crcTable: Uint32Array | null = null;
export function crc32(data: Uint8Array): number {
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  const t = crcTable;
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i += 1) c = (t[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
