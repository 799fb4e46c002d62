// Atomic file writes: write a temporary file beside the target, fsync it, rename it over the target,
// fsync the folder. A crash leaves either the old file or the new one, never half of one.
import { open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

const TEMP = /^\..+\.\d+\.\d+\.tmp$/;

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } catch (err) {
    await fh.close().catch(() => undefined);
    await rm(tmp, { force: true });
    // the file meant, not the temporary one (a full disk is reported with the store's file name)
    if (err && typeof err === 'object') (err as NodeJS.ErrnoException).path ??= path;
    throw err;
  }
  await fh.close();
  await rename(tmp, path);
  await syncFolder(dirname(path));
}

/** Make a rename durable: fsync the folder that holds it (not possible on every platform; skipped there). */
async function syncFolder(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch {
    // Windows cannot open a folder for fsync; the rename itself is still atomic there
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/** Remove temporary files a killed writer left behind. Call it holding the store's lock (no one else writes). */
export async function removeStaleTempFiles(dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((n) => TEMP.test(n));
  await Promise.all(stale.map((n) => rm(join(dir, n), { force: true })));
  return stale.length;
}
