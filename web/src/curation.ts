// Curation in the viewer's panel, when the server runs with `kunafoni serve --edit`: rename, merge
// (search the other entity; it is merged into the one shown), delete an entity; verify or delete a
// relation. Each action is POSTed to /api/curation, which records it in the store's curation.json
// and rebuilds the graph; the page then reloads it (the URL keeps the view). Without --edit the API
// says the store is read-only and no action is shown.
import { append, clear, el } from './dom.js';
import type { Lang } from './i18n.js';
import type { ViewGraph } from './model.js';

const TEXT = {
  fr: {
    curate: 'Corriger',
    note: 'Note (pourquoi)',
    rename: 'Renommer',
    merge: 'Fusionner ici…',
    mergeHint: 'Chercher l’entité à fusionner dans celle-ci',
    mergeInto: (label: string) => `Fusionner « ${label} » ici`,
    delete: 'Supprimer l’entité',
    deleteRelation: 'Supprimer la relation',
    confirm: 'Confirmer la suppression',
    verify: 'Marquer vérifiée',
    verified: (by?: string, date?: string) => `Vérifiée${by ? ` par ${by}` : ''}${date ? ` le ${date}` : ''}`,
    saving: 'Enregistrement…',
    saved: 'Enregistré ; rechargement…',
    failed: (m: string) => `Refusé : ${m}`,
  },
  en: {
    curate: 'Correct',
    note: 'Note (why)',
    rename: 'Rename',
    merge: 'Merge here…',
    mergeHint: 'Search the entity to merge into this one',
    mergeInto: (label: string) => `Merge “${label}” here`,
    delete: 'Delete entity',
    deleteRelation: 'Delete relation',
    confirm: 'Confirm deletion',
    verify: 'Mark verified',
    verified: (by?: string, date?: string) => `Verified${by ? ` by ${by}` : ''}${date ? ` on ${date}` : ''}`,
    saving: 'Saving…',
    saved: 'Saved; reloading…',
    failed: (m: string) => `Refused: ${m}`,
  },
} as const;

const TOKEN_KEY = 'kunafoni-edit-token';

/**
 * The edit token of a server bound to a network address (`serve --host 0.0.0.0 --edit` prints the
 * viewer's address with `?token=…`): taken from the address once, kept for this tab, and removed from
 * the address bar so that a shared link does not carry it.
 */
export function editToken(): string | undefined {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    try {
      sessionStorage.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // storage refused (private mode): the address keeps the token then
      return fromUrl;
    }
    params.delete('token');
    const search = params.toString();
    history.replaceState(history.state, '', location.pathname + (search ? `?${search}` : '') + location.hash);
    return fromUrl;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** A message above the graph that does not stop the viewer (as text, never HTML). */
function notice(message: string): void {
  const box = document.querySelector<HTMLElement>('#message');
  if (!box) return;
  box.textContent = message;
  box.dataset.notice = 'curation';
  box.hidden = false;
}

/** Does the server accept decisions (`serve --edit`), from this page (which holds the token when one is required)? */
export async function curationEditable(): Promise<boolean> {
  const token = editToken();
  try {
    const res = await fetch('api/curation', { headers: { Accept: 'application/json' } });
    if (!res.ok) {
      // the curation file cannot be read (the server says why): the graph shown is the one last saved
      const error = ((await res.json().catch(() => ({}))) as { error?: unknown }).error;
      if (res.status === 409 && typeof error === 'string') notice(error);
      return false;
    }
    const body = (await res.json()) as { editable?: unknown; tokenRequired?: unknown };
    return body.editable === true && (body.tokenRequired !== true || token !== undefined);
  } catch {
    return false;
  }
}

export interface CurationContext {
  graph: ViewGraph;
  lang: Lang;
  /** Entities whose names match, best first (the viewer's search index). */
  search(text: string): { key: string; label: string }[];
  /** After a recorded decision: reload the graph. */
  reload(): void;
}

async function post(body: Record<string, string>): Promise<string | undefined> {
  try {
    const token = editToken();
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      ...(token ? { 'X-Kunafoni-Token': token } : {}),
    };
    const res = await fetch('api/curation', { method: 'POST', headers, body: JSON.stringify(body) });
    if (res.ok) return undefined;
    const b = (await res.json().catch(() => ({}))) as { error?: string };
    return b.error ?? `HTTP ${res.status}`;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

function box(
  ctx: CurationContext,
  kind: 'node' | 'edge',
): { root: HTMLElement; note: HTMLInputElement; run: (body: Record<string, string>) => Promise<void> } {
  const t = TEXT[ctx.lang];
  const note = el('input', {
    type: 'text',
    class: 'curate-note',
    name: 'note',
    placeholder: t.note,
    'aria-label': t.note,
  });
  const status = el('p', { class: 'curate-status', role: 'status' });
  const root = el('section', { class: 'curate', 'data-curate': kind }, el('h3', {}, t.curate), note, status);
  const run = async (body: Record<string, string>) => {
    for (const b of root.querySelectorAll('button')) b.disabled = true;
    status.textContent = t.saving;
    const error = await post(note.value.trim() ? { ...body, note: note.value.trim() } : body);
    if (error) {
      status.textContent = t.failed(error);
      status.dataset.error = 'true';
      for (const b of root.querySelectorAll('button')) b.disabled = false;
      return;
    }
    delete status.dataset.error;
    status.textContent = t.saved;
    root.dataset.saved = 'true';
    ctx.reload();
  };
  return { root, note, run };
}

/** A button that asks for a second click before it acts. */
function confirmButton(label: string, confirmLabel: string, action: string, act: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button', class: 'danger', 'data-action': action }, label);
  b.addEventListener('click', () => {
    if (b.dataset.armed) return act();
    b.dataset.armed = 'true';
    b.textContent = confirmLabel;
  });
  return b;
}

/** The actions on an entity: rename, merge another into it, delete it. */
export function nodeActions(key: string, ctx: CurationContext): HTMLElement {
  const t = TEXT[ctx.lang];
  const { root, run } = box(ctx, 'node');
  const label = ctx.graph.getNodeAttribute(key, 'label');

  const name = el('input', { type: 'text', name: 'label', value: label, 'aria-label': t.rename });
  const rename = el('button', { type: 'button', 'data-action': 'rename' }, t.rename);
  rename.addEventListener('click', () => {
    const v = name.value.trim();
    if (v && v !== label) void run({ op: 'rename', entity: key, label: v });
  });

  const find = el('input', {
    type: 'search',
    name: 'merge',
    placeholder: t.merge,
    title: t.mergeHint,
    'aria-label': t.mergeHint,
    autocomplete: 'off',
  });
  const results = el('ul', { class: 'merge-results' });
  find.addEventListener('input', () => {
    clear(results);
    const q = find.value.trim();
    if (q.length < 2) return;
    for (const hit of ctx
      .search(q)
      .filter((h) => h.key !== key)
      .slice(0, 8)) {
      const b = el('button', { type: 'button', class: 'link', 'data-merge': hit.key }, t.mergeInto(hit.label));
      b.addEventListener('click', () => void run({ op: 'merge', entity: hit.key, into: key }));
      append(results, el('li', {}, b));
    }
  });

  const del = confirmButton(t.delete, t.confirm, 'delete', () => void run({ op: 'delete', entity: key }));
  root.insertBefore(el('div', { class: 'curate-row' }, name, rename), root.lastChild);
  root.insertBefore(el('div', { class: 'curate-row' }, find, results), root.lastChild);
  root.insertBefore(el('div', { class: 'curate-row' }, del), root.lastChild);
  return root;
}

/** The actions on a relation: verify it, delete it. */
export function edgeActions(edge: string, ctx: CurationContext): HTMLElement {
  const t = TEXT[ctx.lang];
  const { root, run } = box(ctx, 'edge');
  const a = ctx.graph.getEdgeAttributes(edge);
  const row = el('div', { class: 'curate-row' });
  if (a.verified !== true) {
    const verify = el('button', { type: 'button', 'data-action': 'verify' }, t.verify);
    verify.addEventListener('click', () => void run({ op: 'verify', relation: edge }));
    append(row, verify);
  }
  append(
    row,
    confirmButton(
      t.deleteRelation,
      t.confirm,
      'delete-relation',
      () => void run({ op: 'delete-relation', relation: edge }),
    ),
  );
  root.insertBefore(row, root.lastChild);
  return root;
}

/** "Verified by … on …" for a relation a researcher checked, shown with or without --edit. */
export function verifiedBadge(edge: string, ctx: Pick<CurationContext, 'graph' | 'lang'>): HTMLElement | undefined {
  const a = ctx.graph.getEdgeAttributes(edge);
  if (a.verified !== true) return undefined;
  return el(
    'p',
    { class: 'verified-badge' },
    TEXT[ctx.lang].verified(a.verifiedBy as string | undefined, a.verifiedDate as string | undefined),
  );
}
