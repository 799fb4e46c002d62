// Colours by node kind and relation kind (colour-blind-safe-ish, distinct on white), and the greys
// used to dim what is outside the focus.
import type { NodeKind, RelationKind } from './model.js';

export const NODE_COLORS: Record<NodeKind, string> = {
  person: '#d1495b',
  organisation: '#00798c',
  topic: '#edae49',
  place: '#66a182',
};

export const EDGE_COLORS: Record<RelationKind, string> = {
  'met-with': '#8e7dbe',
  'holds-role': '#00798c',
  'committed-to': '#e07a1f',
  'signed-agreement-with': '#2e4057',
  sanctioned: '#c1121f',
  discussed: '#a3a380',
};

export const DIM_NODE = '#e2e2e2';
export const DIM_EDGE = '#f0f0f0';
export const FALLBACK = '#999999';

/** `#rrggbb` → `rgb(r,g,b)` (GEXF readers such as networkx want r, g, b rather than hex). */
export function hexToRgb(hex: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return 'rgb(153,153,153)';
  return `rgb(${parseInt(m[1]!, 16)},${parseInt(m[2]!, 16)},${parseInt(m[3]!, 16)})`;
}
