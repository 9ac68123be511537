import * as zlib from 'node:zlib';
import { crc32 as crc32Js, type ZipCodec } from '../workbook/xlsx/zip';

/** Decision: no part of a workbook the tool reads may inflate to more than 1 GiB (a zip bomb guard). */
const MAX_PART_BYTES = 1 << 30;

const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** The ZIP codec of the CLI: node:zlib's native DEFLATE (and CRC-32 where Node has it). */
export const nodeZipCodec: ZipCodec = {
  deflateRaw: (data) => zlib.deflateRawSync(data, { level: 6 }),
  inflateRaw: (data) => zlib.inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES }),
  crc32: nativeCrc32 ? (data) => nativeCrc32(data) >>> 0 : crc32Js,
};
