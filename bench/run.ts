// npm run bench: runs every bench/*Benchmark.ts in its own process (so each one's memory is its own) and
// prints their JSON results. BENCH=name1,name2 runs only those (e.g. BENCH=extract,tick).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.env.BENCH?.split(',').map((name) => name.trim()).filter(Boolean);
const files = readdirSync(dir)
  .filter((file) => file.endsWith('Benchmark.ts'))
  .filter((file) => !only || only.includes(file.replace(/Benchmark\.ts$/, '')))
  .sort();

let failed = 0;
for (const file of files) {
  process.stderr.write(`running ${file} …\n`);
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(dir, file)], {
    cwd: path.dirname(dir),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) {
    failed++;
    process.stderr.write(`${file} failed (exit ${result.status})\n`);
    continue;
  }
  process.stdout.write(result.stdout.trim().split('\n').filter((line) => line.startsWith('{')).join('\n') + '\n');
}
process.exitCode = failed ? 1 : 0;
