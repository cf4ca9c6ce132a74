import pack from '../../public/default-pack.json' with { type: 'json' };
/** The built-in pack, shipped in public/ and embedded here so the engine never has to fetch it. */
export const defaultPackJson: unknown = pack;
