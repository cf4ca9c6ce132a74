// Types for scripts/built-in-pack.js (plain JavaScript: build-cli.js runs it without a loader).
export declare const BUILT_IN_PACK_INPUTS: readonly string[];
export declare function writeLexiconImages(outDir: string): string;
export declare function builtInPackModule(packText: string, lexiconStamp?: string): Promise<string>;
export declare function builtInPackPlugin(lexiconStamp?: string): {
  name: string;
  load(id: string): Promise<string | null>;
};
