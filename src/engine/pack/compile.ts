// STUB — being replaced by the real pack compiler.
export class PackError extends Error {
  constructor(public readonly problems: string[]) {
    super(problems.join('\n'));
  }
}
export interface CompiledPack {
  name: string;
  version: string;
  expires?: string;
  raw: unknown;
}
export function compilePack(json: unknown, _base?: CompiledPack): CompiledPack {
  return { name: 'stub', version: '0.0.0', raw: json };
}
