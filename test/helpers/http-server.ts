// A local HTTP server on 127.0.0.1 for the URL and feed tests: an article, an old Windows-1252 page, a
// feed whose items link to pages, redirects (fine, looping, endless), a slow response, huge responses.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtures } from './web-cli.js';

export interface TestServer {
  base: string;
  requests: Array<{ url: string; headers: IncomingHttpHeaders }>;
  close(): Promise<void>;
}

const page = (title: string, site: string, paragraphs: string[]): string =>
  [
    '<!doctype html><html lang="fr"><head><meta charset="utf-8">',
    `<title>${title} - ${site}</title><meta property="og:site_name" content="${site}">` +
      `<meta property="og:title" content="${title}">`,
    `<meta property="article:published_time" content="2025-04-0${paragraphs.length}T10:00:00Z"></head>`,
    '<body><nav><a href="/">Accueil</a> <a href="/eco">Économie</a></nav>' +
      `<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>`,
    `<footer>© ${site}</footer></body></html>`,
  ].join('\n');

export const PAGES: Record<string, { title: string; paragraphs: string[] }> = {
  '/pages/cable.html': {
    title: 'Tombouctou : un câble sectionné prive la ville d’internet',
    paragraphs: [
      'La connexion internet a été coupée samedi à Tombouctou après qu’un câble de fibre optique de Sahel ' +
        'Connect a été sectionné lors de travaux routiers entre Niono et Léré.',
      'Le directeur technique de l’opérateur, M. Drissa Togola, a indiqué que les équipes de maintenance ' +
        'étaient en route et que le service serait rétabli sous dix jours.',
      'Les commerçants de la ville, privés de transferts d’argent par téléphone, ont demandé une ' +
        'compensation à l’opérateur.',
    ],
  },
  '/pages/pay.html': {
    title: 'Djoliba Pay signe avec la Banque du Mandé',
    paragraphs: [
      'Le service de paiement mobile Djoliba Pay et la Banque fictive du Mandé ont signé lundi à Bamako un ' +
        'partenariat pour permettre l’ouverture de comptes d’épargne depuis un téléphone.',
      'La directrice de Djoliba Pay, Mme Kadidia Traoré, a salué « une étape pour l’inclusion financière » ' +
        'des commerçants de Médine et de Missira.',
    ],
  },
};

export function feedXml(base: string): string {
  const items = [
    {
      title: PAGES['/pages/cable.html']!.title,
      link: `${base}/pages/cable.html`,
      description: 'Un câble coupé à Tombouctou.',
    },
    {
      title: PAGES['/pages/pay.html']!.title,
      link: `${base}/pages/pay.html`,
      description: 'Djoliba Pay signe un partenariat bancaire.',
    },
    {
      title: 'Article retiré',
      link: `${base}/pages/retire.html`,
      description: 'Un article qui n’existe plus sur le site.',
    },
  ];
  const item = (i: (typeof items)[number], n: number): string =>
    `<item><title>${i.title}</title><link>${i.link}</link>` +
    `<pubDate>Mon, 0${n + 1} Apr 2025 10:00:00 +0000</pubDate><description>${i.description}</description></item>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<rss version="2.0"><channel><title>Le Courrier du Sahel – Économie</title><link>${base}/</link>`,
    items.map(item).join('\n'),
    '</channel></rss>',
  ].join('\n');
}

export async function startServer(): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const cp1252 = readFileSync(join(fixtures, 'amende-amanu-cp1252.html'));
  // the same page without its <meta http-equiv>: only the HTTP header names the charset
  const cp1252NoMeta = Buffer.from(cp1252.toString('latin1').replace(/<meta http-equiv[^>]*>/i, ''), 'latin1');
  let base = '';
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push({ url, headers: req.headers });
    const html = (body: string | Buffer, type = 'text/html; charset=utf-8') => {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    };
    if (url === '/article.html') return html(readFileSync(join(fixtures, 'djoliba-sahel-fibre.html')));
    if (url === '/amende.html') return html(cp1252NoMeta, 'text/html; charset=iso-8859-1');
    if (url === '/feed.xml') return html(feedXml(base), 'application/rss+xml; charset=utf-8');
    if (url === '/not-a-feed.xml') return html('<html><body>Maintenance<br></body></html>', 'application/rss+xml');
    const p = PAGES[url];
    if (p) return html(page(p.title, 'Le Courrier du Sahel', p.paragraphs));
    if (url === '/moved') {
      res.writeHead(301, { location: '/article.html' });
      return res.end();
    }
    if (url === '/loop-a' || url === '/loop-b') {
      res.writeHead(302, { location: url === '/loop-a' ? '/loop-b' : '/loop-a' });
      return res.end();
    }
    const chain = /^\/chain\/(\d+)$/.exec(url);
    if (chain) {
      res.writeHead(302, { location: `/chain/${Number(chain[1]) + 1}` });
      return res.end();
    }
    if (url === '/slow') {
      // headers at once, then one byte every 200 ms, for ever
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const timer = setInterval(() => res.write(' '), 200);
      res.on('close', () => clearInterval(timer));
      return undefined;
    }
    if (url === '/huge') {
      // no Content-Length: 64 kB chunks until the client stops reading (capped at 200 MB)
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 200 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => (sent = Infinity));
      return pump();
    }
    if (url === '/huge-declared') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(100 * 1024 * 1024) });
      return res.write('<html>');
    }
    if (url === '/photo.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      return res.end(Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    }
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('<h1>Page introuvable</h1>');
    return undefined;
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
