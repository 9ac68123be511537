import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * A character device to aim `--out` at. As root it is a new node in `dir` for the very same device
 * (mknod, e.g. 1:3 is /dev/null), so a regression that replaces its target with a plain file
 * replaces only that node, never the machine's /dev/null; without root the real device is used,
 * which a regression could not replace anyway (no write access to /dev).
 */
export function deviceNode(dir: string, real: '/dev/null' | '/dev/full' | '/dev/zero'): string {
  if (process.getuid?.() !== 0) return real;
  const [major, minor] = { '/dev/null': [1, 3], '/dev/full': [1, 7], '/dev/zero': [1, 5] }[real];
  const node = path.join(dir, path.basename(real));
  execFileSync('mknod', ['-m', '666', node, 'c', String(major), String(minor)]);
  return node;
}
