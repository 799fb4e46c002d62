import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/errors.js';
import { parseFeed } from '../../src/sources/feed.js';
import { readHtmlPage } from '../../src/sources/html.js';
import { parseContent, readFileSource } from '../../src/sources/registry.js';
import type { Article } from '../../src/types.js';
import { BROKEN_TEXT, fixtures } from '../helpers/web-cli.js';

const articles = (xs: Array<Article | SourceError>): Article[] =>
  xs.filter((x): x is Article => !(x instanceof SourceError));

describe('HTML pages', () => {
  it('keeps the article body (paragraphs, verbatim) and drops the page around it', async () => {
    const [a] = articles(await readFileSource(join(fixtures, 'djoliba-sahel-fibre.html')));
    expect(a).toBeDefined();
    const paras = a!.text.split('\n\n');
    expect(paras).toHaveLength(5);
    expect(paras[0]).toBe(
      'Bamako, le 14 mars 2025 – La directrice générale de Djoliba Télécom, Mme Aminata Maïga, et le PDG de ' +
        'Sahel Connect, M. Oumar N’Diaye, ont signé jeudi un accord de partage d’infrastructures pour poser ' +
        '640\u00a0kilomètres de fibre optique entre Ségou et Mopti.',
    );
    expect(paras[2]).toMatch(/^«\u00a0Cet accord permettra/);
    for (const furniture of [
      'Accueil',
      'Rechercher',
      'Facebook',
      'Lire aussi',
      'commentaires',
      'Très bonne nouvelle',
      'Les plus lus',
      'Tous droits réservés',
      'Noté 4',
      'dataLayer',
      'Par Awa',
    ])
      expect(a!.text).not.toContain(furniture);
    // the headline is the title, not the first paragraph
    expect(a!.text.startsWith('Fibre optique')).toBe(false);
  });

  it('reads metadata from JSON-LD NewsArticle, Open Graph and article: tags, skipping broken JSON-LD', async () => {
    const [a] = articles(await readFileSource(join(fixtures, 'djoliba-sahel-fibre.html')));
    expect(a).toMatchObject({
      title: 'Fibre optique : Djoliba Télécom et Sahel Connect s’associent pour relier Ségou et Mopti',
      date: '2025-03-14',
      source: 'Le Courrier du Sahel',
      url: 'https://courrier-du-sahel.example/economie/fibre-djoliba-sahel-connect',
      author: 'Awa Sidibé',
      lang: 'fr',
    });
  });

  it('takes the date from <time>, the outlet from the URL, and resolves a relative canonical link', () => {
    const html = `<html><head><title>Titre</title><link rel="canonical" href="/a/b"></head><body><article>
      <time datetime="2024-11-05">5 novembre</time><p>${
        'Sahel Connect a présenté ses résultats annuels à ' + 'Bamako devant la presse. '.repeat(6)
      }</p></article></body></html>`;
    const d = readHtmlPage('page.html', html, { url: 'https://www.sahelweb.example/x?id=3' });
    expect(d.date).toBe('2024-11-05');
    expect(d.url).toBe('https://www.sahelweb.example/a/b');
    expect(d.source).toBe('sahelweb.example');
    expect(d.title).toBe('Titre');
  });
});

describe('HTML pages: old encodings, JavaScript pages, empty pages', () => {
  it('reads an old table-layout page in Windows-1252 declared ISO-8859-1, accents intact', async () => {
    const [a] = articles(await readFileSource(join(fixtures, 'amende-amanu-cp1252.html')));
    expect(a!.title).toBe('Économie numérique : l’AMANU inflige une amende de 2 milliards à Djoliba Télécom');
    expect(a!.text).toContain('Mme Aminata Maïga');
    expect(a!.text).toContain('M. Oumar N’Diaye');
    expect(a!.text).toContain('M. Ibrahima Kéïta');
    expect(a!.text).not.toMatch(BROKEN_TEXT);
    expect(a!.text).not.toContain('Rubriques');
    expect(a!.date).toBe('2025-04-02');
  });

  it('a page rendered by JavaScript falls back to its JSON-LD articleBody', () => {
    const body =
      'Sahel Connect a inauguré mardi à Gao un centre de maintenance régional.\n\nLe centre emploiera trente ' +
      'techniciens formés à Bamako.';
    const ld = JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'Gao : un centre de maintenance',
      datePublished: '2025-02-11',
      articleBody: body,
    });
    const html =
      `<!doctype html><html><head><script type="application/ld+json">${ld}</script></head>` +
      '<body><div id="root">Chargement…</div><script src="/app.js"></script></body></html>';
    const d = readHtmlPage('app.html', html);
    expect(d).toMatchObject({ text: body, title: 'Gao : un centre de maintenance', date: '2025-02-11' });
  });

  it('a page with no text is one clear failure', () => {
    const [r] = parseContent(
      'vide.html',
      '<!doctype html><html><head><title>Rien</title></head><body><nav><a href="/">Accueil</a></nav></body></html>',
    );
    expect(r).toBeInstanceOf(SourceError);
    expect((r as SourceError).message).toBe('vide.html: the page has no article text');
  });
});

describe('feeds', () => {
  it(
    'RSS 2.0: each item is an article with content:encoded or description, link, pubDate, author and the ' + 'outlet',
    async () => {
      const got = await readFileSource(join(fixtures, 'courrier-economie.rss'));
      expect(got.filter((x) => x instanceof SourceError)).toEqual([]);
      const [a, b, c] = articles(got);
      expect(a).toMatchObject({
        title: 'Mobile money : Djoliba Pay franchit le cap du million d’utilisateurs',
        date: '2025-04-08',
        author: 'Awa Sidibé',
        source: 'Le Courrier du Sahel',
      });
      expect(a!.text.split('\n\n')).toHaveLength(3); // content:encoded (3 paragraphs), not the one-line description
      expect(b!.url).toBe('https://courrier-du-sahel.example/societe/tombouctou-internet-retabli'); // relative link resolved
      expect(b!.text).toMatch(/^La connexion internet a été rétablie dimanche à Tombouctou/); // escaped HTML decoded
      expect(b!.text).not.toMatch(/<p>|&lt;/);
      expect(c!.author).toBe('Moussa Keïta'); // "email (Name)"
    },
  );

  it('Atom: entries with html content or summary, alternate link, published or updated date', async () => {
    const [a, b] = articles(await readFileSource(join(fixtures, 'sahelweb.atom')));
    expect(a).toMatchObject({
      url: 'https://sahelweb.example/2025/04/10/kenedougou-labs/',
      date: '2025-04-10',
      author: 'Mariam Dembélé',
      source: 'Sahelweb',
    });
    expect(a!.text.split('\n\n')).toHaveLength(2);
    expect(b).toMatchObject({ date: '2025-04-09', url: 'https://sahelweb.example/2025/04/09/cybersecurite/' });
  });

  it('a feed that is not XML, XML that is not a feed, and a feed with no items fail clearly', () => {
    const message = (origin: string, content: string) => {
      const r = parseContent(origin, content);
      expect(r).toHaveLength(1);
      expect(r[0]).toBeInstanceOf(SourceError);
      return (r[0] as SourceError).message;
    };
    expect(message('actu.rss', '<html><body><p>Erreur 500<br></body></html>')).toMatch(
      /^actu\.rss: not an RSS or Atom feed: the XML is invalid at line 1/,
    );
    expect(message('actu.rss', 'Service momentanément indisponible')).toMatch(/^actu\.rss: not an RSS or Atom feed/);
    expect(message('plan.xml', '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>')).toBe(
      'plan.xml: XML but not an RSS or Atom feed (its root element is <urlset>, expected <rss>, <feed> or <rdf:RDF>)',
    );
    expect(message('vide.rss', '<rss version="2.0"><channel><title>Vide</title></channel></rss>')).toBe(
      'vide.rss: the feed has no items',
    );
  });

  it('an item without text fails alone, naming the item, and points at --follow', () => {
    const r = parseContent(
      'f.rss',
      '<rss><channel><title>T</title><item><title>Seul ' +
        'titre</title><link>https://x.example/a</link></item><item><title>B</title><description>Un texte ' +
        'assez long pour un article.</description></item></channel></rss>',
    );
    expect(r).toHaveLength(2);
    expect((r[0] as SourceError).message).toBe(
      'f.rss item 1 ("Seul titre"): the item has no text (use --follow to fetch its page)',
    );
    expect(r[1]).not.toBeInstanceOf(SourceError);
  });

  it('parses the feed model directly (for --follow)', () => {
    const feed = parseFeed('f.atom', readFileSync(join(fixtures, 'sahelweb.atom'), 'utf8'));
    expect(feed.format).toBe('atom');
    expect(feed.items.map((i) => i.link)).toEqual([
      'https://sahelweb.example/2025/04/10/kenedougou-labs/',
      'https://sahelweb.example/2025/04/09/cybersecurite/',
    ]);
  });
});
