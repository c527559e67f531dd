/**
 * What `--copy-sources` publishes for a report: the bytes of the file it was read from, only
 * while they are still what was read (their SHA-256 is the report's). A file changed or
 * replaced since, or a path that now names another file, gives no copy rather than a copy of
 * something else.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

export function sourceCopyBytes(path: string | Buffer, sha256: string): Buffer | null {
  try {
    if (!statSync(path).isFile()) return null;
    const bytes = readFileSync(path);
    return createHash('sha256').update(bytes).digest('hex') === sha256 ? bytes : null;
  } catch {
    return null;
  }
}
