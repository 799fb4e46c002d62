// The curation API the viewer's server mounts: `GET /api/curation` lists the decisions (and those that
// no longer apply), `GET /api/curation/suggest` the likely duplicates, `POST /api/curation` records a
// decision ({op, entity, into, label, kind, alias, relation, source, target, note, author}) and
// `POST /api/curation/undo` removes one ({id} or the latest). Writes are accepted only when the server
// runs with --edit, only as JSON (a cross-site form cannot send it without a preflight this server never
// grants) and only from the viewer's own origin. Every decision lands in <store>/curation.json through
// the same code as `kunafoni curate`.
//
//     const curation = curationApi({ store: 'data/store', edit: true });
//     http.createServer(async (req, res) => { if (!(await curation(req, res))) serveTheRest(req, res); });
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { KunafoniError, NotFoundError, StoreError, UsageError, errorMessage } from '../errors.js';
import { describeDecision, type CurationReport } from '../curation/curation.js';
import { parseRequest } from '../curation/curation-decide.js';
import { suggestDuplicates } from '../curation/suggest.js';
import { curationStatus, defaultAuthor, recordDecision, undoDecision } from '../library/curation.js';
import { SECURITY_HEADERS } from './headers.js';

export interface CurationApiOptions {
  store: string;
  /** Accept decisions (`kunafoni serve --edit`); without it the API is read-only. */
  edit: boolean;
  /** When set, writes must carry it in the X-Kunafoni-Token header (a server bound to a non-loopback address). */
  token?: string;
  /** Author of decisions that do not name one (default: the OS user name of the server). */
  author?: string;
  /** How long a request waits for another process writing the store (default 10 s). */
  lockWaitMs?: number;
  /** Largest request body (default 64 kB). */
  maxBodyBytes?: number;
  log?: (message: string) => void;
}

/**
 * Handles the request when it is for /api/curation…, and then resolves to true; otherwise leaves it and resolves to
 * false.
 */
export type CurationApiHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
    ...headers,
  });
  res.end(body);
}

async function readJsonBody(req: IncomingMessage, max: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json')
    throw new HttpError(415, `send the request as JSON (Content-Type: application/json), not "${type || 'none'}"`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw new HttpError(413, `the request body is larger than ${max} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new HttpError(400, `the request body is not valid JSON (${errorMessage(err)})`);
  }
}

/**
 * A write must come from the page this server served, when the browser says where it comes from: the
 * Origin's scheme, host and port are exactly this server's (http, and the Host the request was sent to).
 */
function checkOrigin(req: IncomingMessage): void {
  const origin = req.headers.origin;
  if (origin === undefined) return; // not a browser (curl, scripts): nothing to forge
  let from: string;
  let own: string;
  try {
    from = new URL(origin).origin;
  } catch {
    throw new HttpError(403, `refused: malformed Origin ${JSON.stringify(origin)}`);
  }
  try {
    own = new URL(`http://${req.headers.host ?? ''}`).origin;
  } catch {
    throw new HttpError(403, `refused: malformed Host ${JSON.stringify(req.headers.host ?? '')}`);
  }
  if (from === 'null' || from !== own)
    throw new HttpError(403, `refused: a page from ${origin} cannot change this store`);
}

/** On a non-loopback address, a write carries the secret printed when the server started. */
function checkToken(req: IncomingMessage, token: string | undefined): void {
  if (token === undefined) return;
  const sent = req.headers['x-kunafoni-token'];
  const a = Buffer.from(typeof sent === 'string' ? sent : '');
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b))
    throw new HttpError(
      403,
      'refused: this server is reachable from the network, so changes need its edit token ' +
        '(open the address `kunafoni serve --edit` printed, which carries it)',
    );
}

const staleOf = (report: CurationReport) => report.stale.map(({ id, op, message }) => ({ id, op, message }));

/** What the handlers share: the options, and the queue that runs this server's writes one at a time. */
interface Api {
  opts: CurationApiOptions;
  lockWaitMs: number;
  maxBody: number;
  serial: <T>(fn: () => Promise<T>) => Promise<T>;
}

export function curationApi(opts: CurationApiOptions): CurationApiHandler {
  let queue: Promise<unknown> = Promise.resolve();
  const api: Api = {
    opts,
    lockWaitMs: opts.lockWaitMs ?? 10_000,
    maxBody: opts.maxBodyBytes ?? 64 * 1024,
    /** One write at a time from this server (the store's lock orders it with other processes). */
    serial: <T>(fn: () => Promise<T>): Promise<T> => {
      const next = queue.then(fn, fn);
      queue = next.catch(() => undefined);
      return next;
    },
  };
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/api/curation' && !url.pathname.startsWith('/api/curation/')) return false;
    try {
      await route(api, req, res, url.pathname, url.searchParams);
    } catch (err) {
      sendError(opts, req, res, url.pathname, err);
    }
    return true;
  };
}

async function listDecisions(opts: CurationApiOptions) {
  const { decisions, summary } = await curationStatus(opts.store);
  const stale = new Map((summary?.stale ?? []).map((s) => [s.id, s.message]));
  return {
    editable: opts.edit,
    // the viewer shows its actions only when it holds the token (read from its address)
    ...(opts.token ? { tokenRequired: true } : {}),
    decisions: decisions.map((d) => ({
      ...d,
      description: describeDecision(d),
      status: stale.has(d.id) ? 'stale' : 'applied',
      ...(stale.has(d.id) ? { message: stale.get(d.id) } : {}),
    })),
    stale: stale.size,
  };
}

async function suggestions(opts: CurationApiOptions, params: URLSearchParams) {
  const limit = Number(params.get('limit') ?? 20);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new HttpError(400, `limit must be an integer between 1 and 1000, got "${params.get('limit')}"`);
  const { graph } = await curationStatus(opts.store);
  return suggestDuplicates(graph, { limit });
}

/** The error for a method an endpoint does not take, or for a path that is no endpoint. */
function unroutable(path: string): HttpError {
  if (path === '/api/curation/suggest') return new HttpError(405, 'use GET', { allow: 'GET' });
  if (path === '/api/curation')
    return new HttpError(405, 'use GET to list decisions, POST to record one', { allow: 'GET, HEAD, POST' });
  if (path === '/api/curation/undo') return new HttpError(405, 'use POST', { allow: 'POST' });
  return new HttpError(
    404,
    `no curation endpoint ${path}; try /api/curation, /api/curation/suggest or /api/curation/undo`,
  );
}

async function route(
  api: Api,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  params: URLSearchParams,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (path === '/api/curation' && (method === 'GET' || method === 'HEAD'))
    return sendJson(res, 200, await listDecisions(api.opts));
  if (path === '/api/curation/suggest' && method === 'GET')
    return sendJson(res, 200, await suggestions(api.opts, params));
  const writable = path === '/api/curation' || path === '/api/curation/undo';
  if (!writable || method !== 'POST') throw unroutable(path);
  const { body, fields } = await writeRequest(api, req);
  if (path === '/api/curation/undo') return undo(api, res, fields);
  return record(api, res, body, fields);
}

/** A write's body and its common fields, once the server, the token and the origin allow it. */
async function writeRequest(api: Api, req: IncomingMessage) {
  if (!api.opts.edit)
    throw new HttpError(403, 'the viewer is read-only; start it with `kunafoni serve --edit` to record decisions');
  checkToken(req, api.opts.token);
  checkOrigin(req);
  const body = await readJsonBody(req, api.maxBody);
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  if (fields.note !== undefined && typeof fields.note !== 'string')
    throw new HttpError(400, 'field "note" must be a string');
  if (fields.author !== undefined && (typeof fields.author !== 'string' || !fields.author.trim()))
    throw new HttpError(400, 'field "author" must be a non-empty string');
  return { body, fields };
}

async function undo(api: Api, res: ServerResponse, fields: Record<string, unknown>): Promise<void> {
  if (fields.id !== undefined && typeof fields.id !== 'string') throw new HttpError(400, 'field "id" must be a string');
  const { lockWaitMs } = api;
  const r = await api.serial(() => undoDecision(api.opts.store, fields.id as string | undefined, { lockWaitMs }));
  api.opts.log?.(`curation: undone ${r.removed.id} (${describeDecision(r.removed)})\n`);
  return sendJson(res, 200, { removed: r.removed, stale: staleOf(r.report) });
}

async function record(api: Api, res: ServerResponse, body: unknown, fields: Record<string, unknown>): Promise<void> {
  const request = parseRequest(body);
  const meta = {
    author: (fields.author as string | undefined)?.trim() ?? api.opts.author ?? defaultAuthor(),
    ...(typeof fields.note === 'string' && fields.note.trim() ? { note: fields.note } : {}),
  };
  const r = await api.serial(() => recordDecision(api.opts.store, request, meta, { lockWaitMs: api.lockWaitMs }));
  api.opts.log?.(`curation: ${r.decision.id} ${describeDecision(r.decision)}\n`);
  return sendJson(res, 201, { decision: r.decision, outcome: r.outcome, stale: staleOf(r.report) });
}

/** The HTTP status, the extra JSON fields and headers an error is answered with. */
function errorAnswer(err: unknown): [number, Record<string, unknown>, Record<string, string>] {
  if (err instanceof HttpError)
    return [err.status, err.extra, err.extra.allow ? { Allow: String(err.extra.allow) } : {}];
  if (err instanceof NotFoundError) return [404, { suggestions: err.suggestions }, {}];
  if (err instanceof UsageError) return [400, {}, {}];
  if (err instanceof StoreError) return [409, {}, {}];
  return [500, {}, {}];
}

function sendError(opts: CurationApiOptions, req: IncomingMessage, res: ServerResponse, path: string, err: unknown) {
  const [status, extra, headers] = errorAnswer(err);
  const message =
    err instanceof KunafoniError || err instanceof HttpError ? err.message : `unexpected error: ${errorMessage(err)}`;
  if (status === 500) opts.log?.(`curation: ${req.method} ${path}: ${message}\n`);
  const { allow: _allow, ...rest } = extra;
  if (!res.headersSent) sendJson(res, status, { error: message, ...rest }, headers);
  else res.destroy();
}
