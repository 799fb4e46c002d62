const t0 = performance.now();
const { run } = await import('./dist/cli/main.js');
const t1 = performance.now();
const code = await run(process.argv.slice(2));
const t2 = performance.now();
process.on('exit', () => console.error(`import ${(t1 - t0).toFixed(0)} run ${(t2 - t1).toFixed(0)} exit ${(performance.now() - t2).toFixed(0)} (since start ${performance.now().toFixed(0)})`));
