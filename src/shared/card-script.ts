/**
 * Where the build puts the card's code (vite.config.ts builds src/content/card/entry.ts there as
 * one self-contained script) and the worker finds it to inject (`load-card`).
 */
export const CARD_SCRIPT = 'src/content/card.js';
