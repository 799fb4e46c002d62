// Visual attributes the exports carry (GEXF viz, GraphML r/g/b/size): a colour per node kind and per
// relation kind, a size from the number of mentions, a thickness from the weight.
import type { NodeKind, RelationKind } from '../types.js';

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export const NODE_COLORS: Record<NodeKind, Rgb> = {
  person: { r: 31, g: 119, b: 180 },
  organisation: { r: 255, g: 127, b: 14 },
  topic: { r: 44, g: 160, b: 44 },
  place: { r: 148, g: 103, b: 189 },
};

export const EDGE_COLORS: Record<RelationKind, Rgb> = {
  'met-with': { r: 90, g: 90, b: 90 },
  'holds-role': { r: 31, g: 119, b: 180 },
  'committed-to': { r: 44, g: 160, b: 44 },
  'signed-agreement-with': { r: 255, g: 127, b: 14 },
  sanctioned: { r: 214, g: 39, b: 40 },
  discussed: { r: 140, g: 140, b: 140 },
};

const GREY: Rgb = { r: 150, g: 150, b: 150 };

export const nodeColor = (kind: string): Rgb => NODE_COLORS[kind as NodeKind] ?? GREY;
export const edgeColor = (kind: string): Rgb => EDGE_COLORS[kind as RelationKind] ?? GREY;
/** CSS form, which graphology-gexf turns into r, g, b attributes. */
export const cssRgb = ({ r, g, b }: Rgb): string => `rgb(${r},${g},${b})`;

/** Node size: grows with the square root of the number of articles mentioning it. */
export const nodeSize = (mentions: number | undefined): number =>
  Math.round((4 + 4 * Math.sqrt(Math.max(mentions ?? 1, 1))) * 100) / 100;
/** Edge thickness: grows with the number of articles stating it. */
export const edgeThickness = (weight: number | undefined): number =>
  Math.round((1 + Math.log2(Math.max(weight ?? 1, 1))) * 100) / 100;
