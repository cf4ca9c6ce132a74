// Types for scripts/built-in-pack.js (plain JavaScript: build-cli.js runs it without a loader).
export declare const BUILT_IN_PACK_INPUTS: readonly string[];
export declare function validatedPackText(packText: string): Promise<string>;
export declare function writeBuiltInFiles(outDir: string): Promise<string>;
export declare function builtInPackModule(stamp: string): string;
export declare function builtInPackPlugin(stamp: string): { name: string; load(id: string): string | null };
