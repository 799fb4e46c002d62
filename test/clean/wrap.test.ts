// Hard-wrapped paragraphs and photo captions (issue 13, point 4c): evidence quoted from a page copied with its
// line breaks reads whole, a name cut by a line break is one name again, and a caption stays its own line.
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/clean/clean.js';
import { CAPTION_RULES, captionRule, unwrapParagraph } from '../../src/clean/wrap.js';

describe('unwrapParagraph', () => {
  const wrapped = [
    'Pour matérialiser cette volonté, Kora',
    'Mobile SA a signé un partenariat avec le service de transfert',
    'd’argent Baara Pay. La cérémonie s’est déroulée en présence',
    'de la directrice de Kora Mobile, Awa Sangaré.',
  ];

  it('turns a line break inside a sentence into a space, one character for one', () => {
    const out = unwrapParagraph(wrapped);
    expect(out).toBe(
      'Pour matérialiser cette volonté, Kora Mobile SA a signé un partenariat avec le service de transfert ' +
        'd’argent Baara Pay. La cérémonie s’est déroulée en présence de la directrice de Kora Mobile, Awa Sangaré.',
    );
    expect(out.length).toBe(wrapped.join('\n').length);
  });

  it('keeps the breaks of a paragraph whose lines are sentences or list items', () => {
    const lines = ['Kora Mobile a signé.', 'Baara Pay a suivi', 'Le ministre a salué.'];
    expect(unwrapParagraph(lines)).toBe(lines.join('\n'));
  });

  it('keeps the break after a caption', () => {
    const lines = [
      'Le directeur de Kora Mobile, Oumar Sidibé (g), recevant le prix',
      'Le',
      'conseil d’administration de la société s’est tenu hier dans les locaux',
      'de l’établissement, sous la présidence de son',
      'président.',
    ];
    expect(unwrapParagraph(lines).split('\n')).toEqual([
      lines[0],
      'Le conseil d’administration de la société s’est tenu hier dans les locaux de l’établissement, sous la ' +
        'présidence de son président.',
    ]);
  });
});

describe('captions', () => {
  it.each(CAPTION_RULES.map((r) => [r.id, r.example] as const))('%s recognises its example', (id, example) => {
    expect(captionRule(example)).toBe(id);
  });
  it.each(['Le ministre a reçu le DG de Kora Mobile.', 'Les photos de la cérémonie circulent depuis lundi.'])(
    'a sentence is no caption: %s',
    (line) => {
      expect(captionRule(line)).toBeUndefined();
    },
  );
});

describe('cleanText', () => {
  it('unwraps hard-wrapped paragraphs and leaves the others', () => {
    const raw =
      'Pour matérialiser cette volonté, Kora\nMobile SA a signé un partenariat avec le service\nde transfert\n' +
      'd’argent Baara Pay.\n\nPremière ligne.\nSeconde ligne.';
    expect(cleanText(raw).text).toBe(
      'Pour matérialiser cette volonté, Kora Mobile SA a signé un partenariat avec le service de transfert ' +
        'd’argent Baara Pay.\n\nPremière ligne.\nSeconde ligne.',
    );
  });
});
