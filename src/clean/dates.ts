// Dates: front-matter values normalised to ISO, and a publication date found in the text
// ("le 22 janvier 2026", "Publié vendredi 16 février 2024") through chrono-node's French parser.
import * as chrono from 'chrono-node';
import type { Lang } from '../types.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) from a front-matter or JSON value, or undefined. */
export function normaliseDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' && Number.isFinite(value)) return normaliseDate(new Date(value));
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const s = value.trim();
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s);
  if (iso) return [iso[1], iso[2], iso[3]].filter(Boolean).join('-');
  const parsed = chrono.fr.parse(s)[0] ?? chrono.en.parse(s)[0];
  if (parsed && parsed.start.isCertain('year')) return toIso(parsed.start);
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

function toIso(c: chrono.ParsedComponents): string {
  const y = c.get('year')!;
  if (!c.isCertain('month')) return String(y);
  if (!c.isCertain('day')) return `${y}-${pad(c.get('month')!)}`;
  return `${y}-${pad(c.get('month')!)}-${pad(c.get('day')!)}`;
}

/**
 * The publication date the text states: a "Publié le …" / "Published …" line when there is one, else the
 * latest complete date (day, month and a written year) in the text, as YYYY-MM-DD. News reports events
 * on or before the day they are published, so the latest date is the closest to publication.
 */
export function findPublicationDate(text: string, lang: Lang): string | undefined {
  const parser = lang === 'en' ? chrono.en : chrono.fr;
  const complete = (r: chrono.ParsedResult) =>
    /\d{4}/.test(r.text) && r.start.isCertain('month') && r.start.isCertain('day');
  const published = /(?:^|\n)\s*(?:publié|mis en ligne|published|posted)\b[^\n]*/i.exec(text);
  if (published) {
    const r = parser.parse(published[0]).find(complete);
    if (r) return toIso(r.start);
  }
  const dates = parser.parse(text).filter(complete).map((r) => toIso(r.start));
  return dates.sort().pop();
}
