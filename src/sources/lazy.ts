// The HTML and XML libraries, loaded on first use: they cost ~350 ms at start-up, which every command
// (stats, export, query) would otherwise pay whether or not it reads a page or a feed.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Linkedom = typeof import('linkedom');
type ReadabilityModule = typeof import('@mozilla/readability');
type FastXmlParser = typeof import('fast-xml-parser');

let linkedom: Linkedom | undefined;
let readability: ReadabilityModule | undefined;
let fxp: FastXmlParser | undefined;

export const loadLinkedom = (): Linkedom => (linkedom ??= require('linkedom') as Linkedom);
export const loadReadability = (): ReadabilityModule =>
  (readability ??= require('@mozilla/readability') as ReadabilityModule);
export const loadFastXmlParser = (): FastXmlParser => (fxp ??= require('fast-xml-parser') as FastXmlParser);
