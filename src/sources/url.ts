// Fetching pages and feeds: Node's fetch (undici) with a timeout over the whole exchange, a cap on the
// bytes read, a limit on redirects (loops named), an honest User-Agent, and a pause between two requests
// to the same host.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { SourceError } from '../errors.js';

export interface FetchOptions {
  /** Whole exchange (redirects and body included), in milliseconds. */
  timeoutMs: number;
  /** Largest body read, in bytes (after decompression). */
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /** Pause between two requests to the same host, in milliseconds. */
  delayMs: number;
}

export const DEFAULT_USER_AGENT = 'kunafoni/0.1 (+research crawler)';

export const DEFAULT_FETCH: FetchOptions = {
  timeoutMs: 20_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: DEFAULT_USER_AGENT,
  delayMs: 500,
};

export interface Fetched {
  /** The URL asked for. */
  requested: string;
  /** The URL the content came from, after redirects. */
  url: string;
  status: number;
  contentType?: string;
  bytes: Uint8Array;
}

export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s.trim());

/** "10 MB", "512 kB", "300 B" */
export const formatBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${+(n / 1048576).toFixed(1)} MB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} kB` : `${n} B`;

const formatMs = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

/** Content types kunafoni can read; anything else is refused before its body is read. */
const READABLE =
  /^(text\/|application\/(xhtml\+xml|xml|rss\+xml|atom\+xml|rdf\+xml|json|ld\+json|x-ndjson|feed\+json)|$)/i;

/** Why a fetch failed, in words, from undici's error (and its cause). */
function networkProblem(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (err as { code?: string })?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the connection was closed by the server';
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return `TLS certificate problem (${code})`;
    default:
      return cause?.message ?? (err instanceof Error ? err.message : String(err));
  }
}

/** A fetcher that remembers when it last asked each host, to keep `delayMs` between two requests to it. */
export function createFetcher(
  options: Partial<FetchOptions> = {},
  clock: Clock = SYSTEM_CLOCK,
): (url: string) => Promise<Fetched> {
  const opts = { ...DEFAULT_FETCH, ...options };
  const lastByHost = new Map<string, number>();
  const politely = async (url: URL) => {
    const last = lastByHost.get(url.host);
    const wait = last === undefined ? 0 : last + opts.delayMs - clock.now();
    if (wait > 0) await clock.sleep(wait);
    lastByHost.set(url.host, clock.now());
  };
  return (url) => fetchUrl(url, opts, politely);
}

/** The time and the pause a fetcher uses between two requests to one host (a test gives its own). */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

const ACCEPT = [
  'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml',
  'application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
].join(',');

/** Fetch one URL; throws a SourceError naming the URL and the problem. */
export async function fetchUrl(
  url: string,
  options: Partial<FetchOptions> = {},
  beforeRequest: (url: URL) => Promise<void> = async () => undefined,
): Promise<Fetched> {
  const opts = { ...DEFAULT_FETCH, ...options };
  let current: URL;
  try {
    current = new URL(url.trim());
  } catch {
    throw new SourceError(url, 'not a valid URL');
  }
  // the pause for politeness comes before the clock starts; redirects are part of one fetch
  await beforeRequest(current);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs);
  const seen: string[] = [];
  try {
    for (;;) {
      if (!/^https?:$/.test(current.protocol))
        throw new SourceError(url, `cannot fetch ${current.protocol} URLs (${current.href}); only http and https`);
      seen.push(current.href);
      const res = await fetch(current, {
        redirect: 'manual',
        signal: controller.signal,
        headers: {
          'user-agent': opts.userAgent,
          accept: ACCEPT,
          'accept-language': 'fr,en;q=0.8',
        },
      });
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        current = await redirectTarget(url, res, current, seen, opts.maxRedirects);
        continue;
      }
      const contentType = res.headers.get('content-type') ?? undefined;
      await refuseUnreadable(url, res, current, contentType, opts.maxBytes);
      const bytes = await readCapped(url, res, opts.maxBytes, controller);
      const out: Fetched = { requested: url, url: current.href, status: res.status, bytes };
      if (contentType) out.contentType = contentType;
      return out;
    }
  } catch (err) {
    if (timedOut) throw new SourceError(url, `no complete response within ${formatMs(opts.timeoutMs)} (timeout)`);
    if (err instanceof SourceError) throw err;
    throw new SourceError(url, networkProblem(err));
  } finally {
    clearTimeout(timer);
  }
}

/** Where a redirect leads; throws on a missing Location header, a loop, or more than `maxRedirects`. */
async function redirectTarget(url: string, res: Response, current: URL, seen: string[], maxRedirects: number) {
  await res.body?.cancel().catch(() => undefined);
  const location = res.headers.get('location');
  if (!location)
    throw new SourceError(url, `HTTP ${res.status} redirect without a Location header (at ${current.href})`);
  const next = new URL(location, current);
  if (seen.includes(next.href)) throw new SourceError(url, `redirect loop: ${[...seen, next.href].join(' → ')}`);
  if (seen.length > maxRedirects)
    throw new SourceError(url, `more than ${maxRedirects} redirects (the last to ${next.href})`);
  return next;
}

/**
 * Throws, after dropping the body, when the response is an HTTP error, not a page, a feed or text, or
 * declared larger than `maxBytes`.
 */
async function refuseUnreadable(
  url: string,
  res: Response,
  current: URL,
  contentType: string | undefined,
  maxBytes: number,
): Promise<void> {
  const refuse = async (message: string) => {
    await res.body?.cancel().catch(() => undefined);
    throw new SourceError(url, message);
  };
  if (!res.ok) {
    const status = `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`;
    await refuse(status + (current.href !== url ? ` (at ${current.href})` : ''));
  }
  const mediaType = (contentType ?? '').split(';')[0]!.trim();
  if (!READABLE.test(mediaType)) await refuse(`the server sent ${mediaType}, not a page, a feed or text`);
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes)
    await refuse(`the response is ${formatBytes(declared)}, over the ${formatBytes(maxBytes)} cap`);
}

async function readCapped(
  url: string,
  res: Response,
  maxBytes: number,
  controller: AbortController,
): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      controller.abort();
      throw new SourceError(url, `the response passed the ${formatBytes(maxBytes)} cap; stopped reading`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Addresses a page named by someone else (a feed's item link) must not make us fetch: this machine, its networks. */
const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata services)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv6');

/** An IP address of loopback, a private network, link-local or another range that is not the public Internet. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family !== 6) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1]!, 'ipv4');
  return PRIVATE.check(address, 'ipv6');
}

/**
 * Why `url` must not be fetched on someone else's say-so (it names or resolves to a loopback or private
 * address, `localhost` included), or undefined. A name that does not resolve is left to the fetch to report.
 */
export async function privateTarget(url: string): Promise<string | undefined> {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return undefined;
  }
  if (isIP(host)) return isPrivateAddress(host) ? `the private or loopback address ${host}` : undefined;
  if (/^localhost\.?$|\.localhost\.?$/i.test(host)) return `this machine (${host})`;
  const addresses = await lookup(host, { all: true }).catch(() => []);
  const inside = addresses.find((a) => isPrivateAddress(a.address));
  return inside ? `${host}, which resolves to the private or loopback address ${inside.address}` : undefined;
}
