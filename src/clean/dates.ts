// Dates: front-matter values normalised to ISO, and a publication date found in the text
// ("le 22 janvier 2026", "Publié vendredi 16 février 2024") through chrono-node's French parser.
// the two locales read here, not chrono-node's index (which loads every language it knows: 4× the start-up)
import * as chronoEn from 'chrono-node/en';
import * as chronoFr from 'chrono-node/fr';
import type { ParsedComponents, ParsedResult } from 'chrono-node';

const chrono = { en: chronoEn, fr: chronoFr };
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

function toIso(c: ParsedComponents): string {
  const y = c.get('year')!;
  if (!c.isCertain('month')) return String(y);
  if (!c.isCertain('day')) return `${y}-${pad(c.get('month')!)}`;
  return `${y}-${pad(c.get('month')!)}-${pad(c.get('day')!)}`;
}

const MONTHS = [
  'janvier',
  'fevrier',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'aout',
  'septembre',
  'octobre',
  'novembre',
  'decembre',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const normaliseMonth = (m: string) => m.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const MONTH_NAMES = [
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre',
  'January|February|March|April|May|June|July|August|September|October|November|December',
].join('|');
const MONTH_YEAR = new RegExp(String.raw`(?<![\p{L}])(${MONTH_NAMES})\s+(\d{4})(?!\d)`, 'iu');
const YEAR_ONLY = /(?<![\p{L}\d])(?:en|in|depuis|since)\s+((?:19|20)\d{2})(?!\d)/iu;

const WEEKDAY = new RegExp(
  String.raw`\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|` +
    String.raw`monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`,
  'iu',
);
const RELATIVE = /\b(?:hier|avant-hier|aujourd['’]hui|yesterday|today)\b/iu;

/**
 * The date a sentence gives the event it tells of ("le 22 janvier 2026", "mercredi dernier", "hier"),
 * resolved against the publication date, with its precision; undefined when it gives none.
 */
export function eventDateOf(
  sentence: string,
  published?: string,
): { date: string; precision: 'day' | 'month' | 'year' } | undefined {
  const ref = published && /^\d{4}-\d{2}-\d{2}$/.test(published) ? new Date(`${published}T12:00:00Z`) : undefined;
  const parser =
    /\b(?:the|and|of|on)\b/.test(sentence) && !/\b(?:le|la|les|des)\b/.test(sentence) ? chrono.en : chrono.fr;
  const r = parser.parse(sentence, ref ?? new Date(), { forwardDate: false })[0];
  if (!r) {
    // chrono reads neither "en mars 2024" nor "en 2019": a month and a year, or a year alone
    const my = MONTH_YEAR.exec(sentence);
    if (my) return { date: `${my[2]}-${pad((MONTHS.indexOf(normaliseMonth(my[1]!)) % 12) + 1)}`, precision: 'month' };
    const y = YEAR_ONLY.exec(sentence);
    return y ? { date: y[1]!, precision: 'year' } : undefined;
  }
  const c = r.start;
  const written = /\d{4}/.test(r.text);
  // a weekday or "hier" is only a date against a known publication day
  if (!written && !ref) return undefined;
  if (!written && !c.isCertain('month') && !WEEKDAY.test(r.text) && !RELATIVE.test(r.text)) return undefined;
  const y = c.get('year')!;
  const m = pad(c.get('month')!);
  const d = pad(c.get('day')!);
  if (c.isCertain('day') || WEEKDAY.test(r.text) || RELATIVE.test(r.text))
    return { date: `${y}-${m}-${d}`, precision: 'day' };
  if (c.isCertain('month')) return { date: `${y}-${m}`, precision: 'month' };
  return { date: String(y), precision: 'year' };
}

/**
 * The publication date the text states: a "Publié le …" / "Published …" line when there is one, else the
 * latest complete date (day, month and a written year) in the text, as YYYY-MM-DD. News reports events
 * on or before the day they are published, so the latest date is the closest to publication.
 */
export function findPublicationDate(text: string, lang: Lang): string | undefined {
  const parser = lang === 'en' ? chrono.en : chrono.fr;
  const complete = (r: ParsedResult) => /\d{4}/.test(r.text) && r.start.isCertain('month') && r.start.isCertain('day');
  const published = /(?:^|\n)\s*(?:publié|mis en ligne|published|posted)\b[^\n]*/i.exec(text);
  if (published) {
    const r = parser.parse(published[0]).find(complete);
    if (r) return toIso(r.start);
  }
  const dates = parser
    .parse(text)
    .filter(complete)
    .map((r) => toIso(r.start));
  return dates.sort().pop();
}
