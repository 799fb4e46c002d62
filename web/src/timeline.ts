// Articles over time: monthly buckets for the histogram under the period filter. Pure.
import type { ArticleMeta } from './model.js';

export interface Bucket {
  /** YYYY-MM */
  month: string;
  count: number;
}

const MAX_MONTHS = 1200;

export const monthOf = (date: string): string | undefined =>
  /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : /^\d{4}$/.test(date) ? `${date}-01` : undefined;

export function nextMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${m.slice(0, 4)}-${String(mo + 1).padStart(2, '0')}`;
}

/** One bucket per month from the first to the last dated article, empty months included. */
export function monthlyHistogram(articles: ArticleMeta[]): Bucket[] {
  const counts = new Map<string, number>();
  for (const a of articles) {
    const m = a.date ? monthOf(a.date) : undefined;
    if (m) counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  if (!counts.size) return [];
  const months = [...counts.keys()].sort();
  const out: Bucket[] = [];
  for (let m = months[0]!; m <= months[months.length - 1]! && out.length < MAX_MONTHS; m = nextMonth(m))
    out.push({ month: m, count: counts.get(m) ?? 0 });
  return out;
}
