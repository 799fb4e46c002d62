// The store's lock: proper-lockfile's lock folder (`<store>/.lock`, kept fresh while held, stale after
// 30 s without refresh), plus an owner file naming the process, so that a waiting process can say who
// holds it and take over at once from a process that was killed (same host, pid gone).
import { hostname } from 'node:os';
import { rmSync, writeFileSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { StoreError, errorMessage } from '../errors.js';

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export interface LockOptions {
  /** How long to wait for another process to finish, in milliseconds (0: fail at once). */
  waitMs?: number;
  /** Called once when the lock is held by another process and this one starts waiting. */
  onWait?: (owner: LockOwner | undefined) => void;
  /** A lock not refreshed for this long is stale (its holder hung or died on another host). */
  staleMs?: number;
}

export interface StoreLock {
  /** Throws a StoreError if the lock was lost (another process took it over): nothing must be written then. */
  check(): void;
  release(): Promise<void>;
}

const lockPaths = (abs: string) => ({ lock: join(abs, '.lock'), owner: join(abs, '.lock-owner.json') });

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const o = JSON.parse(await readFile(path, 'utf8')) as LockOwner;
    return typeof o?.pid === 'number' && typeof o.host === 'string' ? o : undefined;
  } catch {
    return undefined; // no owner file yet (the holder is between taking the lock and naming itself)
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * The lock is left by a process of this host that no longer runs, and nobody refreshed it just now; or
 * it names no owner although it was taken seconds ago (a holder names itself at once: one killed between
 * taking the lock and naming itself left it; without this, the next ingest would wait for it to go stale).
 */
async function isAbandoned(paths: ReturnType<typeof lockPaths>, owner: LockOwner | undefined): Promise<boolean> {
  if (!owner) {
    const info = await stat(paths.lock).catch(() => undefined);
    return !!info && Date.now() - info.mtimeMs > UNNAMED_MS && !(await readOwner(paths.owner));
  }
  if (owner.host !== hostname() || owner.pid === process.pid || isAlive(owner.pid)) return false;
  const info = await stat(paths.lock).catch(() => undefined);
  return !!info && Date.now() - info.mtimeMs > 1500;
}

/** A lock without an owner file for this long was left by a holder killed before it could name itself. */
const UNNAMED_MS = 3000;

const describe = (owner: LockOwner | undefined): string =>
  owner ? `process ${owner.pid} on ${owner.host}, since ${owner.since}` : 'another process';

export async function acquireStoreLock(abs: string, shown: string, opts: LockOptions = {}): Promise<StoreLock> {
  const paths = lockPaths(abs);
  const waitMs = opts.waitMs ?? 60_000;
  const deadline = Date.now() + waitMs;
  let compromised: Error | undefined;
  let waiting = false;
  let release: () => Promise<void>;
  for (;;) {
    try {
      release = await lockfile.lock(abs, {
        lockfilePath: paths.lock,
        realpath: false,
        stale: opts.staleMs ?? 30_000,
        update: Math.min(5_000, (opts.staleMs ?? 30_000) / 3),
        retries: 0,
        onCompromised: (err) => {
          compromised = err;
        },
      });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED')
        throw new StoreError(shown, `cannot lock the store (${errorMessage(err)})`);
      const owner = await readOwner(paths.owner);
      if (await isAbandoned(paths, owner)) {
        // its holder was killed (SIGKILL, power loss): its writes were atomic, so the store is whole
        await rm(paths.lock, { recursive: true, force: true });
        await rm(paths.owner, { force: true });
        continue;
      }
      if (Date.now() >= deadline)
        throw new StoreError(
          shown,
          `${describe(owner)} is writing to this store` +
            `${waitMs ? ` (waited ${Math.round(waitMs / 1000)} s)` : ''}; try again when it is done`,
        );
      if (!waiting) opts.onWait?.(owner);
      waiting = true;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 150));
    }
  }
  // named at once, synchronously: the window in which a killed holder leaves an unnamed lock stays tiny
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  writeFileSync(paths.owner, JSON.stringify(me) + '\n');
  // a process that exits holding the lock (process.exit on Ctrl-C) leaves no owner file behind
  // (proper-lockfile removes its folder on exit the same way)
  const onExit = () => rmSync(paths.owner, { force: true });
  process.once('exit', onExit);
  return {
    check() {
      if (compromised)
        throw new StoreError(shown, `lost the store's lock (${compromised.message}); nothing more is written`);
    },
    async release() {
      // removed synchronously before the exit handler goes: a signal's process.exit() landing while an
      // asynchronous rm was still pending left the owner file behind, naming a process long gone
      rmSync(paths.owner, { force: true });
      process.off('exit', onExit);
      await release().catch(() => undefined);
    },
  };
}
