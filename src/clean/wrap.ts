// Hard-wrapped paragraphs and photo captions. A page copied with its line breaks ("Orange\nFinances
// Mobiles Mali a signé …") keeps those breaks inside sentences, and evidence quoted from it reads
// broken; a caption ("… (g), présidant l’ouverture des travaux") runs into the sentence after it.
// Unwrapping turns a line break inside a sentence into a space: one character for one, so offsets
// and every other character stay as they were.

/** A line that ends a sentence (or a quote, a list item, a parenthesis). */
export const END_PUNCT = /[.!?…»"”:;)]\s*$/u;

/** True when a paragraph's lines are hard-wrapped (lines end mid-sentence and the next goes on in lower case). */
export function isHardWrapped(lines: readonly string[]): boolean {
  let wrapped = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!END_PUNCT.test(lines[i]!) && /^\s*[\p{Ll}\d«"]/u.test(lines[i + 1]!)) wrapped++;
  }
  return wrapped >= 2;
}

/**
 * Photo captions and credits: a line that holds one ends there, whatever follows. Each rule has an id and a
 * line of the kind it recognises.
 */
export const CAPTION_RULES: ReadonlyArray<{ id: string; pattern: RegExp; example: string }> = [
  {
    id: 'caption-position',
    // "(g)", "(d)", "(c)", "(à gauche)", "(au centre)": where a person stands in the picture
    pattern: /\((?:g|d|c|g\.|d\.|à\s+(?:gauche|droite)|au\s+centre|de\s+(?:gauche|droite)\s+à\s+(?:gauche|droite))\)/iu,
    example: 'Le directeur général de Kora Mobile, Oumar Sidibé (g), recevant le prix',
  },
  {
    id: 'caption-credit',
    pattern: /^\s*\(?\s*(?:crédits?\s+photos?|photos?|ph\.)\s*:/iu,
    example: 'Photo : DR',
  },
  {
    id: 'caption-credit-end',
    pattern: /\(\s*(?:crédits?\s+photos?|photos?)\s*:[^()]*\)\s*\|?\s*$/iu,
    example: 'La signature de l’accord à Bamako (Photo : Kora Mobile)',
  },
];

/** The id of the caption rule a line matches, if any. */
export const captionRule = (line: string): string | undefined =>
  CAPTION_RULES.find((r) => r.pattern.test(line.replace(/\u00a0/g, ' ')))?.id;

/**
 * A paragraph's lines joined: in a hard-wrapped paragraph, a line break inside a sentence becomes a space;
 * a break after a sentence's end or after a caption stays.
 */
export function unwrapParagraph(lines: readonly string[]): string {
  if (!isHardWrapped(lines)) return lines.join('\n');
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    out += (END_PUNCT.test(prev) || captionRule(prev) ? '\n' : ' ') + lines[i]!;
  }
  return out;
}
