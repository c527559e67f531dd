/**
 * npm run fuzz -- [--inputs 20000] [--seed 1]
 *
 * The long fuzz run: mutated real reports through the parsing core (scripts/lib/fuzz.ts),
 * printing how many inputs were tried, exceptions, malformed answers and the slowest input.
 * Exit 1 when anything was found.
 */
import { parseArgs } from 'node:util';
import { fuzz } from './lib/fuzz.ts';

const { values } = parseArgs({ options: { inputs: { type: 'string', default: '20000' }, seed: { type: 'string', default: '1' } } });
const n = Number(values.inputs);
const started = performance.now();
const r = await fuzz(n, Number(values.seed), (i) => {
  if (i % 500 === 0) process.stderr.write(`\r${i.toLocaleString('en-US')} / ${n.toLocaleString('en-US')}`);
});
const seconds = (performance.now() - started) / 1000;
process.stderr.write('\r\x1b[K');
console.log(`fuzz: ${r.inputs.toLocaleString('en-US')} inputs (seed ${values.seed}) in ${seconds.toFixed(0)} s; exceptions ${r.crashes.length}; malformed rows ${r.broken.length}; slowest ${r.slowest.ms.toFixed(0)} ms (${r.slowest.name})`);
for (const c of r.crashes.slice(0, 10)) console.log(`  exception ${c.name}: ${c.error}`);
for (const b of r.broken.slice(0, 10)) console.log(`  malformed ${b.name}: ${b.problems.join('; ')}`);
process.exit(r.crashes.length || r.broken.length ? 1 : 0);
