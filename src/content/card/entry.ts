/**
 * The card's code as the worker injects it (`load-card`), into the isolated world the content
 * script runs in: it leaves its factory where the content script looks for it.
 */
import { createCard } from './card.ts';
import { CARD_GLOBAL, type CreateCard } from './types.ts';

(globalThis as { [CARD_GLOBAL]?: CreateCard })[CARD_GLOBAL] = createCard;
