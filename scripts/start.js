// `npm start`: build both targets, then say how to load them by hand.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.js')], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

console.log(`
Rapport is built. Load it by hand:

  Chromium / Chrome
    1. open chrome://extensions
    2. switch on "Developer mode" (top right)
    3. "Load unpacked" and pick ${join(root, 'dist', 'chrome')}

  Firefox
    1. open about:debugging#/runtime/this-firefox
    2. "Load Temporary Add-on…" and pick ${join(root, 'dist', 'firefox', 'manifest.json')}

Then open a compose box on a supported network (x.com, linkedin.com, bsky.app, …) and start typing;
the toolbar popup shows the nudges for the current draft.
`);
