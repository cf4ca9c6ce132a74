// Types for scripts/bundle-node.js (plain JavaScript: build-cli.js runs it without a loader).
import type { Plugin, Rollup } from 'vite';

export declare function bundleForNode(options: {
  root: string;
  entry: string;
  fileName: string;
  plugins?: Plugin[];
  json?: { stringify?: boolean };
}): Promise<Rollup.OutputChunk>;
