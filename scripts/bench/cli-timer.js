// Times `rapport check` the way a shell starts it. The bench's own process holds the engine and
// browser results and a large heap by the time this row runs; a child spawned from it starts
// 40–60 ms slower (bare `node -e 0` went from about 110 ms to 160 ms), which measured the parent,
// not the command. So the spawns are made from this small process, started once per bench.
// Usage: node cli-timer.js ROOT RUNS — prints {"cli":[ms…],"node":[ms…]} on stdout.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const [root, runsArg] = process.argv.slice(2);
const runs = Number(runsArg);
if (!root || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: node cli-timer.js ROOT RUNS');
  process.exit(2);
}

function timeOnce(args) {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) {
    console.error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
    process.exit(1);
  }
  return ms;
}

const args = [join(root, 'bin', 'rapport.js'), 'check', 'Shipping notes for this week. What broke for you?'];
timeOnce(args); // warm the file cache
const cli = [];
const node = [];
for (let i = 0; i < runs; i++) {
  node.push(timeOnce(['-e', '0']));
  cli.push(timeOnce(args));
}
process.stdout.write(JSON.stringify({ cli, node }) + '\n');
