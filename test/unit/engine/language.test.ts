/** The language guess and the rule it serves: wording nudges stay quiet in uncovered languages. */
import { describe, expect, it } from 'vitest';
import { guessLanguage } from '../../../src/engine/text/language.ts';
import { tokenize } from '../../../src/engine/text/tokenize.ts';
import { defaultPack, fired, pack } from './helpers.ts';

const lang = (text: string) => guessLanguage(tokenize(text));

describe('guessLanguage', () => {
  it.each([
    ['en', 'We moved the team to a four-day week and it worked for us'],
    ['es', 'Hoy abrimos la tienda con una oferta para los vecinos del barrio'],
    ['de', 'Wir haben die Preise nicht erhöht, und das ist auch gut so'],
    // Short comments carry contractions and particles rather than articles.
    ['de', 'Super Beitrag, danke fürs Teilen!'],
    ['fr', 'Nous avons ouvert une nouvelle boutique dans le centre pour vous'],
    ['pt', 'Nossa equipe não parou de trabalhar para você e para os clientes'],
    ['it', 'Questo è il nostro nuovo negozio, con una vista più bella della città'],
    ['nl', 'Wij zijn een klein team en het werk is niet altijd makkelijk voor ons'],
    ['ja', '来週、ちょっと大きな発表があります。お楽しみに！'],
    ['zh', '我们今天发布了新版本'],
    ['ko', '오늘 새로운 제품을 출시했습니다'],
    ['ru', 'Мы открыли новый магазин в центре города'],
    // Typed as on a phone: pronouns, a verb of being and text-speak carry the clues.
    ['es', 'porfa pasen por mi perfil, estoy subiendo recetas y ya les contesto'],
    ['pt', 'olha meu canal q tem receita nova, tô quase nos 2k'],
    ['pt', 'vc viu? tô indo pra lá agora'],
    // Possessives and "tous", "très", "moi" carry a French comment that has few articles.
    ['fr', 'Trop bien ta vidéo !! Viens voir mon compte, je poste des recettes tous les jours'],
    // "de" and "a" are Spanish as much as Portuguese: they no longer tip a Spanish draft.
    [
      'es',
      '¡Enhorabuena por el nuevo local! Si necesitan rótulos o vinilos, en Gráficas Norte hacemos un precio especial de apertura a negocios nuevos. Llámennos al 600 000 000.',
    ],
    ['pt', 'Oi! Sentimos muito pelo ocorrido. Chama a gente no direct que a gente resolve!'],
  ])('%s', (expected, text) => {
    expect(lang(text)).toBe(expected);
  });

  it('says "und" when a draft has too few clues', () => {
    expect(lang('Great post!')).toBe('und');
    // An English draft's "a" once voted Portuguese.
    expect(lang("Tag a friend who's overdue a fresh set")).not.toBe('pt');
    expect(lang('')).toBe('und');
    // A few kanji and no kana may be Japanese as well as Chinese.
    expect(lang('最高！👍')).toBe('und');
    expect(lang('神回')).toBe('und');
  });
});

describe('languages a pack covers', () => {
  const rules = [
    { id: 'sale', type: 'lexicon', params: { terms: ['sconto', 'sale', 'oferta'] } },
    { id: 'secret', type: 'lexicon', anyLanguage: true, params: { terms: ['falcon'] } },
  ];

  it('a wording rule stays quiet on a draft in a language the pack does not cover', () => {
    const p = pack(rules, { languages: ['en', 'es'] });
    expect(fired(p, 'Questo è il nostro sconto più bello della stagione, per una settimana')).toEqual([]);
    expect(fired(p, 'Hoy tenemos una oferta para los vecinos del barrio')).toEqual(['sale']);
  });

  it('anyLanguage keeps a rule on (a confidential name is one in every language)', () => {
    const p = pack(rules, { languages: ['en'] });
    expect(fired(p, 'Questo è il progetto Falcon, non ancora annunciato per la città')).toEqual(['secret']);
  });

  it('a pack without languages covers every language', () => {
    expect(fired(pack(rules), 'Questo è il nostro sconto più bello della stagione')).toEqual(['sale']);
  });

  it('the default pack gives an Italian pitch no wording nudge, and a Spanish one its nudge', () => {
    expect(
      fired(
        defaultPack(),
        'Saldi di fine stagione! Sconto del 40% su tutto, solo questo weekend. Acquista ora sul nostro sito',
      ),
    ).toEqual([]);
    expect(
      fired(
        defaultPack(),
        '¡Rebajas de fin de temporada! 40% de descuento en todo, solo este fin de semana. Compra ya en nuestra web',
      ),
    ).toContain('pure-promotion');
  });
});
