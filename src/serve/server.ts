// The viewer's HTTP server (node:http): the built viewer (web/dist) at `/`, the graph at `/api/graph`
// (graphology JSON with positions) and the articles' metadata at `/api/articles`. It serves only
// files inside web/dist, only GET and HEAD, sends a Content-Security-Policy, and when bound to a
// loopback address answers only requests addressed to a literal loopback name (no DNS rebinding).
// Bound to any other address it serves whoever reaches it (the CLI warns), and with --edit it records
// decisions only from requests carrying the secret token generated at start (`editToken`).
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, errorMessage } from '../errors.js';
import type { LayoutOptions } from '../graph/layout.js';
import { graphSource, type GraphSource } from './graph-source.js';
import { curationApi, type CurationApiHandler } from './curation-api.js';
import { SECURITY_HEADERS } from './headers.js';

export interface ServeOptions {
  store: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The built viewer; defaults to the package's web/dist. */
  webDir?: string;
  layout?: LayoutOptions;
  persistLayout?: boolean;
  /** Accept curation decisions from the viewer (`kunafoni serve --edit`); read-only otherwise. */
  edit?: boolean;
  /**
   * The secret that writes must carry (header X-Kunafoni-Token) when the server is bound to a
   * non-loopback address with `edit`; generated when not given. Ignored on loopback.
   */
  editToken?: string;
  /** Messages (layout timings, errors); default: nowhere. */
  log?: (message: string) => void;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8040;

/** web/dist next to this package, from src/serve (tsx) as from dist/serve (compiled). */
export const defaultWebDir = (): string => fileURLToPath(new URL('../../web/dist/', import.meta.url));

export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './headers.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const LOOPBACK_V4 = new RegExp(`^127\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);

/**
 * A host name (without port) that can only mean this machine's loopback interface: `localhost`, an
 * IPv4 literal in 127.0.0.0/8 or `[::1]`. A name that merely starts with "127." (`127.attacker.example`)
 * is resolved by DNS, which an attacker controls (DNS rebinding): it is not loopback.
 */
export const isLoopback = (host: string): boolean => {
  const h = host.toLowerCase();
  return h === 'localhost' || h === '[::1]' || h === '::1' || LOOPBACK_V4.test(h);
};

/** The host name of a Host header (`127.0.0.1:8040`, `[::1]:8040`, `localhost`), or undefined when malformed. */
export function hostOfHeader(header: string): string | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/i.exec(header.trim());
  return m?.[1];
}

/** A fresh secret for writes on a non-loopback address: 32 random bytes, URL-safe. */
export const newEditToken = (): string => randomBytes(32).toString('base64url');

/**
 * The file under `root` that a URL path names, or undefined when it would leave `root`
 * (`..`, encoded `%2e%2e`, backslashes, NUL) or is malformed.
 */
export function resolveStatic(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  if (decoded.split('/').some((seg) => seg === '..')) return undefined;
  const rel = normalize(decoded).replace(/^[/\\]+/, '');
  const base = resolve(root);
  const full = resolve(base, rel === '' ? 'index.html' : rel);
  if (full !== base && !full.startsWith(base + sep)) return undefined;
  return full;
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
  head = false,
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(head ? undefined : body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown, head: boolean) =>
  send(res, status, typeof value === 'string' ? value : JSON.stringify(value), 'application/json; charset=utf-8', head);

/** The request handler, separate from listening so that tests can drive it. */
export function handler(opts: {
  webDir: string;
  source: GraphSource;
  loopbackOnly: boolean;
  log?: (m: string) => void;
  curation?: CurationApiHandler;
}) {
  const webDir = resolve(opts.webDir);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const head = req.method === 'HEAD';
    if (opts.loopbackOnly) {
      const host = hostOfHeader(req.headers.host ?? '');
      if (!host || !isLoopback(host))
        return send(
          res,
          421,
          'kunafoni serve: this server answers only to 127.0.0.1, localhost or [::1], ' +
            `not ${JSON.stringify(req.headers.host ?? '')}\n`,
        );
    }
    // /api/curation… (the only writes, and only with --edit): src/serve/curation-api.ts
    if (opts.curation && (await opts.curation(req, res))) return;
    if (req.method !== 'GET' && !head) {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'kunafoni serve: only GET and HEAD are supported\n');
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/graph' || url.pathname === '/api/articles') {
      const r = await opts.source.get();
      if (!r.ok) return sendJson(res, r.status, { error: r.message }, head);
      return sendJson(res, 200, url.pathname === '/api/graph' ? r.value.graph : r.value.articles, head);
    }
    if (url.pathname.startsWith('/api/'))
      return sendJson(res, 404, { error: `no API endpoint ${url.pathname}; try /api/graph or /api/articles` }, head);
    const file = resolveStatic(webDir, url.pathname);
    if (!file) return send(res, 400, 'kunafoni serve: bad path\n');
    const st = await stat(file).catch(() => undefined);
    if (!st?.isFile()) {
      if (url.pathname === '/' || url.pathname === '/index.html')
        return send(
          res,
          503,
          `kunafoni serve: the viewer is not built (${join(webDir, 'index.html')} is missing); ` +
            'run `npm run build:web`\n',
        );
      return send(res, 404, 'kunafoni serve: not found\n');
    }
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Content-Length': st.size,
      // hashed asset names never change; the page itself is revalidated
      'Cache-Control': url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (head) return void res.end();
    createReadStream(file)
      .on('error', (err) => {
        opts.log?.(`serve: reading ${file} failed: ${errorMessage(err)}\n`);
        res.destroy();
      })
      .pipe(res);
  };
}

export interface RunningServer {
  url: string;
  /** Bound to a non-loopback address: anyone who reaches the port reads the store. */
  exposed: boolean;
  /** With `edit` on a non-loopback address: the secret writes must carry (the viewer reads it from `?token=`). */
  editToken?: string;
  server: Server;
  source: GraphSource;
  close(): Promise<void>;
}

/** Start listening. Rejects with a UsageError when the port is taken or the host cannot be bound. */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const host = opts.host ?? DEFAULT_HOST;
  const port = opts.port ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be an integer between 0 and 65535, got ${String(port)}`);
  const sourceOpts: Parameters<typeof graphSource>[0] = { store: opts.store };
  if (opts.layout) sourceOpts.layout = opts.layout;
  if (opts.persistLayout !== undefined) sourceOpts.persistLayout = opts.persistLayout;
  if (opts.log) sourceOpts.log = opts.log;
  const source = graphSource(sourceOpts);
  const loopbackOnly = isLoopback(host);
  const editToken = opts.edit && !loopbackOnly ? (opts.editToken ?? newEditToken()) : undefined;
  const curation = curationApi({
    store: opts.store,
    edit: opts.edit === true,
    ...(editToken ? { token: editToken } : {}),
    ...(opts.log ? { log: opts.log } : {}),
  });
  const handle = handler({
    webDir: opts.webDir ?? defaultWebDir(),
    source,
    loopbackOnly,
    curation,
    ...(opts.log ? { log: opts.log } : {}),
  });
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      opts.log?.(`serve: ${req.url}: ${errorMessage(err)}\n`);
      if (!res.headersSent) send(res, 500, `kunafoni serve: ${errorMessage(err)}\n`);
      else res.destroy();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      fail(
        err.code === 'EADDRINUSE'
          ? new UsageError(`port ${port} is already in use on ${host}; choose another with --port`)
          : new UsageError(`cannot listen on ${host}:${port} (${err.message})`),
      ),
    );
    server.listen(port, host, () => ok());
  });
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${shownHost}:${addr.port}/`,
    exposed: !loopbackOnly,
    ...(editToken ? { editToken } : {}),
    server,
    source,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}
