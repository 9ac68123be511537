import { flateCodec, type ZipCodec } from '../workbook/xlsx/zip';

/**
 * The ZIP codec of the CLI: the same fflate codec the browser uses (no node:zlib, so the CLI and
 * the standalone pane inflate, deflate and check CRCs with one implementation).
 */
export const nodeZipCodec: ZipCodec = flateCodec;
