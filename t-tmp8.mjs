import { openStore } from './dist/index.js';
const t = performance.now(); const s = await openStore(process.argv[2]); console.log('openStore ms', (performance.now() - t).toFixed(0), s.graph.order);
