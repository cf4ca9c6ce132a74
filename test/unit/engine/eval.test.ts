/**
 * Regression floor for the draft nudges on the labelled drafts: the shared dev set, the repo's
 * holdout, the development batches (dev-a to dev-s, dev-v to dev-x, dev-z, dev-aa to dev-an,
 * dev-aq, dev-ar, dev-at to dev-av, dev-ax, dev-ay, dev-bb, dev-bc, dev-be, dev-bg, dev-bh,
 * dev-bk, dev-bp, dev-bq and dev-by; the adversarial and weak-spot batches have their own lower floors below), the blind and sealed batches (1 to 5;
 * their misses were studied, so they are development data now) and the frozen batch (written
 * before tuning began and never tuned on), each at precision ≥ 0.9 and recall ≥ 0.85 per scored
 * id, with a score that ranks genuine drafts above flawed ones (ROC AUC ≥ 0.95, at most one
 * flawed draft in twenty banded "strong", no genuine draft given a draft-quality nudge beyond one
 * in twenty). sealed6.jsonl to sealed20.jsonl were frozen batches, reported for several sessions
 * and studied only once sealed21 to sealed26 were frozen in their place: they hold a floor of their
 * own below. sealed21.jsonl to sealed26.jsonl, sealed37.jsonl to sealed40.jsonl, sealed49.jsonl to sealed431.jsonl are frozen: reported (npx rapport eval), never tuned on and not floors here.
 * sealed27.jsonl to sealed36.jsonl and sealed41.jsonl to sealed48.jsonl were frozen and reported on
 * arrival, then studied once a newer pair was frozen in their place. dev-bm and dev-bn (written to sealed41's
 * and sealed42's briefs) are development data below every floor on arrival (pure-promotion
 * precision 0.79 and 0.85): in the pool, not floors yet; so are dev-bo (sealed44's brief:
 * nothing-to-say recall 0.85 short by one draft) and dev-br (banks, councils and open source, where
 * bare "new episode / new release" links were labelled nothing-to-say: pure-promotion precision 0.55).
 * dev-bp and dev-bq, written to the same hard brief, meet the full bars. dev-bs (executives and
 * employees) and dev-bt (70 % Spanish, German, French, Portuguese and Japanese) are in the pool
 * only too: pure-promotion precision 0.85 on both (a job ad, a poll that ends in a free guide,
 * a shop's 'back in stock, don't wait' answer). Of dev-bu to dev-bz, dev-by meets the full bars
 * (with sealed43, opened with it), dev-bu and dev-bv hold the weak-spot floor below, and dev-bw
 * (local life in four languages), dev-bx (creators) and dev-bz (customer service in five
 * languages) are in the pool only: vanity-metrics recall 0.83 on dev-bw, canned-reply recall 0.83
 * and 0.80 on dev-bx and dev-bz (a template reply that ends in an ask for follows or a discount
 * code is caught as that ask; Italian and Dutch replies are outside the pack's languages).
 * sealed44 stays in the pool only (pure-promotion 0.85/0.79: pitches inside helpful comments),
 * and so does sealed46 (pure-promotion precision 0.68: announcements of one's own report, episode
 * or post with an ask, which its writer labelled nothing-to-say and issue 9 names as promotion).
 * dev-ce and dev-ch meet the full bars with sealed45; dev-cf, dev-cg, dev-cj, dev-ck and dev-cl
 * hold the weak-spot floor. dev-ci (everyday drafts from India, Nigeria, Kenya, the Philippines, Australia, Canada and
 * Ireland) is in the pool only: nothing-to-say recall 0.69, because three bare announcements of
 * one's own episode, video or post with a pointer ('go and listen 👉') read as promotion.
 * dev-co (the grey zone) meets the full bars; dev-cn holds the weak-spot floor. dev-cq (brands in
 * conversation), dev-cr (people posting about their work) and dev-cs (short drafts) meet the full
 * bars. dev-ct (regulated and jargon-heavy industries) is in the pool only: pure-promotion
 * 0.88/0.79, from an agency's job ad, an offer whose 'for 2 years' reads as experience, and a free
 * seminar that names its 'five cheapest upgrades'. So are dev-cu (lookalikes: pure-promotion
 * precision 0.83, from a podcast episode whose guest's tip says 'buy smaller bags' and a creator's
 * 'like, subscribe' labelled vanity only) and dev-cv (60 % es/pt/fr/de: pure-promotion precision
 * 0.84, from a free workshop, a paid internship and a shop's priced answer). In the pool only:
 * dev-cm (creators and media: pure-promotion recall 0.75 and nothing-to-say precision 0.81, from
 * bare plugs with an ask that its writer labelled pure-promotion and the engine reads as
 * nothing-to-say, or the other way round), dev-cp (money on the page: pure-promotion precision
 * 0.79, from genuine posts that explain a price), sealed47 (platform-fit precision 0.72: its brief
 * put LinkedIn's fold at 1,250 characters, not the first sentence past ~210) and sealed48
 * (pure-promotion precision 0.72: launches, job posts and support answers with prices).
 * dev-cx (es/pt/fr/de lookalikes) meets the full bars. In the pool only: dev-cw (people who must
 * quote prices and sign-ups: pure-promotion precision 0.83, from a designer's new packages beside
 * why they changed and a course and a charity half-day that list what they hold; nothing-to-say
 * recall 0.80, from teasers its writer labelled corporate-voice too), dev-cy (genuine drafts with
 * a flaw's surface mark: pure-promotion precision 0.83 and vanity-metrics precision 0.82, from
 * follower milestones given as the start of a lesson) and dev-cz (flaws in disguise:
 * pure-promotion recall 0.71, from ads told as a personal story that end in a code and a link).
 * dev-da (services sold by people who explain their work: pure-promotion 0.91/0.95 and
 * vanity-metrics 0.91/0.91 on arrival) and dev-db (stories: pure-promotion recall 0.33 on arrival, from ads told as a founder's story that
 * end in "so I made X, get yours" with no code or deadline) are in the pool only. So are dev-dc
 * (the hardest calls on both sides: pure-promotion 0.94/0.94, nothing-to-say recall 0.82 on
 * arrival), dev-dd (announcements that must carry commercial facts: pure-promotion precision 0.74,
 * from opening hours and menus "from today", a release note's feature list), dev-de (creators
 * and influencers: pure-promotion precision 0.76, nothing-to-say recall 0.69 on arrival),
 * dev-df (people announcing what they made: pure-promotion precision 0.85 on arrival), dev-dg (70 %
 * Spanish, Portuguese, French, German and Japanese: pure-promotion 0.76/0.93, corporate-voice
 * recall 0.82 on arrival) and dev-dh (support and community teams: pure-promotion precision 0.77
 * on arrival). So are dev-di (hiring: pure-promotion 0.85/0.73 on arrival, from detailed openings
 * whose wage reads as a price and bare "we're hiring, apply" pushes the job words shield) and
 * dev-dj (asking for money, time or signatures: pure-promotion precision 0.69 on arrival) and
 * dev-dk (short posts: nothing-to-say recall 0.62 on arrival, from short corporate slogans and
 * bare asks for follows that its writer labelled nothing-to-say beside corporate-voice or
 * vanity-metrics, where the pool's writers mostly give the one label). dev-dl (written to sealed59's
 * brief: five companies' people in one week, 87 % not in English; corporate-voice recall 0.62 on
 * arrival, from job-ad clichés in Spanish, Portuguese, German, French and Japanese) and dev-dm
 * (everyday posting in regional Spanish, Portuguese, German and French: one canned-reply and one
 * nothing-to-say miss on arrival) are in the pool only, and so are dev-dn and dev-do (written to
 * sealed60's brief, long posts, dev-do weighted to long ads and long filler: nothing-to-say recall
 * 0.36 and 0.10, pure-promotion recall 0.81 and 0.59 on arrival), and dev-dp (long posts, sealed62's
 * brief, half its flawed drafts long ads and long filler: nothing-to-say recall 0.17, pure-promotion
 * 0.65 with the pack before the loud and long rules, 0.26 and 0.85 with them), and dev-dr (long posts
 * that sell or seem to: pure-promotion recall 0.60 with the pack this stop began with, 0.73 with
 * the loud rule), and dev-dq (long posts of thanks, milestones, goodbyes and reflection, half of
 * them nothing-to-say: recall 0.07 with the pack this stop began with, 0.12 with nothing-to-say/long),
 * and dev-ds (everyday posts and comments of 15 to 80 words on occasions that easily say nothing:
 * nothing-to-say recall 0.38 on arrival), and dev-du (written to sealed65's brief, conversations under
 * posts, leaning to support replies: canned-reply exact, three other misses on arrival) and dev-dt
 * (sealed65's brief as written: canned-reply 0.95/0.95 on arrival, AUC 0.999). dev-dv (people
 * who sell their own work, pitches wrapped in a story: pure-promotion 0.91/0.95 on arrival) is
 * held to the full bars (see SETS). dev-dw (written to sealed67's brief, the end-of-year season:
 * pure-promotion 0.94/0.94, nothing-to-say recall 0.85 on arrival) and dev-dx (the same brief,
 * weighted to seasonal posts that name prices and links and still tell something: pure-promotion
 * 0.92/1.00 on arrival) are in the pool only, and so is dev-dy (warm replies and comments between
 * people who know each other a little, many of them long pleasantries: nothing-to-say recall 0.44
 * on arrival), and dev-dz (written to sealed68's brief, public bodies, weighted to public services
 * that name fees, fares and booking links: pure-promotion precision 0.71 on arrival), and dev-eb
 * (software people in public: pure-promotion precision 0.81 on arrival, from a Spanish migration
 * story whose 'código' and 'gratis' read as an offer and a meetup's 'spaces are limited'). Pool only
 * too: dev-ec (written to sealed69's brief, travel and hospitality: pure-promotion 0.93/1.00 on
 * arrival), dev-ed (casual posts on days people post because they feel they should, half filler
 * and half with a point: nothing-to-say 1.00/0.62 on arrival, twelve of its thirteen misses
 * labelled beside corporate-voice or vanity-metrics, which already fire), dev-ee (money and
 * property: pure-promotion 0.88/0.79 on arrival) and dev-ef (drafts typed as on a phone: lower
 * case, no apostrophes, text-speak and typos: pure-promotion 0.82/0.93, nothing-to-say 0.93/0.82)
 * and dev-eg (the same brief again: pure-promotion 0.77/1.00 on arrival), and dev-eh (written to
 * sealed71's brief, food and drink producers: pure-promotion 0.88/1.00 on arrival), and dev-ei
 * (written to sealed72's brief, homes, trades and vehicles: pure-promotion 0.92/0.86 on arrival,
 * its other misses Polish), dev-ej (sealed73's brief, health, beauty and wellbeing: pure-promotion
 * 0.95/0.90, two of its three misses Italian) and dev-ek (sealed74's brief, learning and teaching:
 * pure-promotion 0.90/1.00 on arrival), and dev-el (written to sealed75's brief, fashion and
 * people who sell through their own accounts: pure-promotion 1.00/0.89 on arrival, two of its
 * three misses Dutch), dev-em (charities and causes: exact on arrival) and dev-en (games, gadgets
 * and apps: pure-promotion 0.94/1.00, vanity-metrics 1.00/0.86 on arrival), dev-eo (arts, culture
 * and entertainment, sealed78's brief: pure-promotion 0.88/1.00 on arrival) and dev-eq (charities
 * again, sealed76's brief: vanity-metrics 0.93/1.00, the rest exact on arrival), and dev-ep
 * (industry and business-to-business, sealed79's brief: nothing-to-say 1.00/0.93, the rest exact),
 * and dev-er (charities, foundations and NGOs, weighted to their corporate voice, filler and sales,
 * after sealed76 arrived weak: pure-promotion 0.92/0.75, corporate-voice 1.00/0.84 on arrival).
 * dev-es, dev-et, dev-eu and dev-ev are written to the briefs of sealed80 to sealed83 (money,
 * property, sport, news and science), each weighted to corporate voice, filler, sales and canned
 * replies; on arrival: dev-es nothing-to-say 0.94/0.83 and pure-promotion 1.00/0.89, dev-et
 * pure-promotion 0.85/0.89 and nothing-to-say 1.00/0.84, dev-eu corporate-voice 1.00/0.84, dev-ev
 * pure-promotion 0.95/1.00, the rest at or above 0.89. dev-ew, dev-ex, dev-ey and dev-ez are
 * written to the briefs of sealed84 to sealed87 (pets and animals, professional services, Spanish
 * and Portuguese only, German and French only), weighted the same way; on arrival: dev-ew
 * nothing-to-say 1.00/0.75, dev-ex nothing-to-say 1.00/0.74, dev-ey corporate-voice 1.00/0.68,
 * dev-ez nothing-to-say 1.00/0.55 and corporate-voice 1.00/0.58. dev-fa, dev-fb, dev-fc and dev-fd
 * are written to the briefs of sealed88 to sealed91 (conversations in Spanish and Portuguese, in
 * German and French, Japanese only, LinkedIn in four languages); on arrival: dev-fa pure-promotion
 * 0.93/0.68, canned-reply 0.93/0.76; dev-fb corporate-voice 1.00/0.68, nothing-to-say 1.00/0.75;
 * dev-fc (Japanese) corporate-voice 1.00/0.40, vanity-metrics 1.00/0.46, pure-promotion 0.83/0.53;
 * dev-fd nothing-to-say 0.88/0.70, corporate-voice 1.00/0.74.
 * dev-fe is written to the brief of sealed92 (retail, e-commerce and subscriptions); on arrival
 * pure-promotion 0.83/0.94, vanity-metrics 0.93/1.00, nothing-to-say 1.00/0.92, the rest exact.
 * dev-ff is written to the brief of sealed93 (Japanese conversations, at least 60 % replies and
 * comments); on arrival pure-promotion 0.91/0.77, canned-reply 1.00/0.71, corporate-voice
 * 1.00/0.89, AUC 0.992. dev-fg is Japanese from accounts the other Japanese batches miss (ryokan,
 * salons, cram schools, used cars, breweries, clinics, SaaS staff, illustrators, idols'
 * fans); on arrival pure-promotion 0.80/0.71, vanity-metrics 1.00/0.85, AUC 0.965.
 * dev-fh (German only), dev-fi (French only) and dev-fj (Japanese posts) are weighted to asks
 * for reach, template replies, pitches and boilerplate, written once the studied mirrors of the
 * language batches were near exact, to see whether that held on new drafts; on arrival dev-fh
 * vanity-metrics 1.00/0.70, canned-reply 1.00/0.77, nothing-to-say 1.00/0.83; dev-fi
 * pure-promotion 0.80/0.86, vanity-metrics 1.00/0.79, canned-reply 1.00/0.73; dev-fj
 * pure-promotion 1.00/0.89, nothing-to-say 1.00/0.82, vanity-metrics exact, AUC 1.00.
 * dev-fk is written to the brief of sealed94 (flaws written without the stock words: pitches
 * that never say buy, sale or link in bio, asks for reach put as favours, goals, jokes or
 * questions, warm canned replies, busy filler, fresh jargon); on arrival vanity-metrics 1.00/0.25,
 * canned-reply 1.00/0.73, pure-promotion 1.00/0.79, AUC 0.905.
 * dev-fm is written to the brief of sealed95 (German and French only, weighted to asks for
 * reach, template replies, pitches and boilerplate, after dev-fh and dev-fi were studied), dev-fl
 * to the same brief in Spanish and Portuguese; on arrival dev-fm vanity-metrics 1.00/0.69,
 * nothing-to-say 0.89/0.73, canned-reply 1.00/0.77; dev-fl vanity-metrics 1.00/0.74,
 * nothing-to-say 1.00/0.73, corporate-voice 1.00/0.77, pure-promotion 0.88/0.94.
 * dev-fn (English mostly) and dev-fo (Spanish, Portuguese, German and French) are weighted to
 * nothing-to-say, half of them short casual drafts that still tell something; on arrival dev-fn
 * nothing-to-say 1.00/0.91 (its three misses labelled beside a nudge that silences it), the
 * rest at or above 0.90, AUC 1.00; dev-fo nothing-to-say 1.00/0.85, pure-promotion 0.89/0.89,
 * vanity-metrics and canned-reply 1.00/0.89, AUC 0.978.
 * dev-fp (ads dressed as something else) and dev-fq (numbers that sell against numbers that
 * inform) arrived at pure-promotion 0.97/0.91 and 0.94/1.00. dev-fr, dev-fs, dev-ft and dev-fu are
 * written to the brief of sealed98 (an ordinary month of social media managers at small
 * organisations), to study what it showed on arrival (pure-promotion precision 0.71) without
 * opening it: pure-promotion precision 0.95, 0.75, 0.86 and 0.88 on arrival, from safety notices,
 * event and price explanations and channel plugs labelled vanity only. dev-fv and dev-fw are
 * written to study those false alarms: organisations that must name prices, dates and links.
 * dev-fx and dev-fy are written to the briefs of sealed101 (the nine networks as each is used) and
 * sealed102 (loudspeaker companies beside conversational ones): pure-promotion 0.82/1.00 and
 * 0.88/1.00 on arrival. dev-fz (reach asks in German, French, Spanish and Portuguese) arrived at
 * vanity-metrics 1.00/0.77, dev-ga (flaws by writers who avoid the stock words) at pure-promotion
 * 1.00/0.47: ads told as benefits with a link and no selling word, which no rule here reads yet.
 * dev-gb (executives and employees) and dev-gc (support replies) arrived at 0.92 or above but
 * canned-reply 0.88/0.88. dev-gd (filler in four languages) and dev-ge (money in answers) arrived
 * at nothing-to-say 1.00/1.00 and pure-promotion 0.82/0.96; dev-gf to dev-gi are written to the
 * issue's families of misses, dev-gj to them in four languages, dev-gk to sealed103's brief and
 * dev-gl to comments by ordinary people under others' posts. dev-gm to dev-gt study quiet
 * advertising and conversations (dev-gs to sealed108's brief). dev-gu (ads that state facts: a
 * spec line, a price, a link) arrived at pure-promotion recall 0.55 and dev-gy (plugs under other
 * people's posts) at 0.54; dev-gv (support replies), dev-gw (executive voices), dev-gx (creators),
 * dev-gz (drafts under 20 words), dev-ha (AI-assistant style) and dev-hb (English as a second
 * language) at 0.73 to 1.00.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCORED_NUDGES, evaluate, type EvalRow } from '../../../src/engine/index.ts';
import { defaultPack, fired } from './helpers.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
const SETS = {
  dev: resolve(repoRoot, '../shared/eval/dev-posts.jsonl'),
  holdout: resolve(repoRoot, 'test/eval/holdout.jsonl'),
  'dev-a': resolve(repoRoot, 'test/eval/dev-a.jsonl'),
  'dev-b': resolve(repoRoot, 'test/eval/dev-b.jsonl'),
  'dev-c': resolve(repoRoot, 'test/eval/dev-c.jsonl'),
  frozen: resolve(repoRoot, 'test/eval/frozen.jsonl'),
  blind: resolve(repoRoot, 'test/eval/blind.jsonl'),
  sealed: resolve(repoRoot, 'test/eval/sealed.jsonl'),
  'dev-d': resolve(repoRoot, 'test/eval/dev-d.jsonl'),
  sealed2: resolve(repoRoot, 'test/eval/sealed2.jsonl'),
  sealed3: resolve(repoRoot, 'test/eval/sealed3.jsonl'),
  sealed4: resolve(repoRoot, 'test/eval/sealed4.jsonl'),
  'dev-e': resolve(repoRoot, 'test/eval/dev-e.jsonl'),
  sealed5: resolve(repoRoot, 'test/eval/sealed5.jsonl'),
  'dev-f': resolve(repoRoot, 'test/eval/dev-f.jsonl'),
  'dev-g': resolve(repoRoot, 'test/eval/dev-g.jsonl'),
  'dev-h': resolve(repoRoot, 'test/eval/dev-h.jsonl'),
  'dev-i': resolve(repoRoot, 'test/eval/dev-i.jsonl'),
  'dev-j': resolve(repoRoot, 'test/eval/dev-j.jsonl'),
  'dev-k': resolve(repoRoot, 'test/eval/dev-k.jsonl'),
  'dev-l': resolve(repoRoot, 'test/eval/dev-l.jsonl'),
  'dev-m': resolve(repoRoot, 'test/eval/dev-m.jsonl'),
  'dev-n': resolve(repoRoot, 'test/eval/dev-n.jsonl'),
  'dev-o': resolve(repoRoot, 'test/eval/dev-o.jsonl'),
  'dev-p': resolve(repoRoot, 'test/eval/dev-p.jsonl'),
  'dev-q': resolve(repoRoot, 'test/eval/dev-q.jsonl'),
  'dev-r': resolve(repoRoot, 'test/eval/dev-r.jsonl'),
  'dev-s': resolve(repoRoot, 'test/eval/dev-s.jsonl'),
  'dev-v': resolve(repoRoot, 'test/eval/dev-v.jsonl'),
  'dev-w': resolve(repoRoot, 'test/eval/dev-w.jsonl'),
  'dev-x': resolve(repoRoot, 'test/eval/dev-x.jsonl'),
  'dev-z': resolve(repoRoot, 'test/eval/dev-z.jsonl'),
  'dev-aa': resolve(repoRoot, 'test/eval/dev-aa.jsonl'),
  'dev-ab': resolve(repoRoot, 'test/eval/dev-ab.jsonl'),
  'dev-ac': resolve(repoRoot, 'test/eval/dev-ac.jsonl'),
  'dev-ad': resolve(repoRoot, 'test/eval/dev-ad.jsonl'),
  'dev-ae': resolve(repoRoot, 'test/eval/dev-ae.jsonl'),
  'dev-af': resolve(repoRoot, 'test/eval/dev-af.jsonl'),
  'dev-ag': resolve(repoRoot, 'test/eval/dev-ag.jsonl'),
  'dev-ah': resolve(repoRoot, 'test/eval/dev-ah.jsonl'),
  'dev-ai': resolve(repoRoot, 'test/eval/dev-ai.jsonl'),
  'dev-aj': resolve(repoRoot, 'test/eval/dev-aj.jsonl'),
  'dev-ak': resolve(repoRoot, 'test/eval/dev-ak.jsonl'),
  'dev-al': resolve(repoRoot, 'test/eval/dev-al.jsonl'),
  'dev-am': resolve(repoRoot, 'test/eval/dev-am.jsonl'),
  'dev-an': resolve(repoRoot, 'test/eval/dev-an.jsonl'),
  'dev-aq': resolve(repoRoot, 'test/eval/dev-aq.jsonl'),
  'dev-ar': resolve(repoRoot, 'test/eval/dev-ar.jsonl'),
  'dev-at': resolve(repoRoot, 'test/eval/dev-at.jsonl'),
  'dev-au': resolve(repoRoot, 'test/eval/dev-au.jsonl'),
  'dev-av': resolve(repoRoot, 'test/eval/dev-av.jsonl'),
  'dev-ax': resolve(repoRoot, 'test/eval/dev-ax.jsonl'),
  'dev-ay': resolve(repoRoot, 'test/eval/dev-ay.jsonl'),
  'dev-bb': resolve(repoRoot, 'test/eval/dev-bb.jsonl'),
  'dev-bc': resolve(repoRoot, 'test/eval/dev-bc.jsonl'),
  'dev-be': resolve(repoRoot, 'test/eval/dev-be.jsonl'),
  'dev-bg': resolve(repoRoot, 'test/eval/dev-bg.jsonl'),
  'dev-bh': resolve(repoRoot, 'test/eval/dev-bh.jsonl'),
  'dev-bk': resolve(repoRoot, 'test/eval/dev-bk.jsonl'),
  'dev-bp': resolve(repoRoot, 'test/eval/dev-bp.jsonl'),
  'dev-bq': resolve(repoRoot, 'test/eval/dev-bq.jsonl'),
  // B2B on LinkedIn and X, and a studied frozen batch ("an ordinary month"): both meet the full bars.
  'dev-by': resolve(repoRoot, 'test/eval/dev-by.jsonl'),
  sealed43: resolve(repoRoot, 'test/eval/sealed43.jsonl'),
  // A studied batch that held the weak-spot floor (pure-promotion precision 0.80 when opened) and
  // meets the full bars since community halls and school offices read as public service.
  sealed29: resolve(repoRoot, 'test/eval/sealed29.jsonl'),
  // Rarely sampled organisations (a dental clinic, a regional airline, a climbing gym…), the grey
  // zone of sealed48's brief (half replies, subtle flaws, close calls), and sealed45 ("an ordinary
  // month", opened once sealed47 and sealed48 were frozen): all three meet the full bars.
  'dev-ce': resolve(repoRoot, 'test/eval/dev-ce.jsonl'),
  'dev-ch': resolve(repoRoot, 'test/eval/dev-ch.jsonl'),
  sealed45: resolve(repoRoot, 'test/eval/sealed45.jsonl'),
  // The grey zone again (half replies, subtle flaws, 40 % es/de/fr/pt): meets the full bars.
  'dev-co': resolve(repoRoot, 'test/eval/dev-co.jsonl'),
  'dev-cq': resolve(repoRoot, 'test/eval/dev-cq.jsonl'),
  'dev-cr': resolve(repoRoot, 'test/eval/dev-cr.jsonl'),
  'dev-cs': resolve(repoRoot, 'test/eval/dev-cs.jsonl'),
  // Spanish, Portuguese, French and German lookalikes: meets the full bars.
  'dev-cx': resolve(repoRoot, 'test/eval/dev-cx.jsonl'),
  // People who sell their own work and wrap the pitch in a story or a lesson, beside genuine posts
  // that name their price or link and still teach something: met the full bars on arrival.
  'dev-dv': resolve(repoRoot, 'test/eval/dev-dv.jsonl'),
  // Sport: clubs, gyms, coaches, athletes, race organisers, shops and fans: exact on arrival.
  'dev-ea': resolve(repoRoot, 'test/eval/dev-ea.jsonl'),
};

/**
 * Batches whose writers were asked to phrase each flaw the way a keyword list would miss (prices
 * in words, emoji calls to act, slang, bargains with the audience). They arrived far below the
 * bars (dev-t pure-promotion recall 0.39, dev-u vanity 0.58) and are not there yet: they hold the
 * level reached instead, precision ≥ 0.85 and recall ≥ 0.6 per id, until the bars can be met.
 */
/**
 * Development batches written to study where frozen batches were weak on arrival: money and
 * products talked about by people who do not sell (dev-ap), sealed34's brief (dev-as) and
 * sealed36's (dev-aw). They arrived with pure-promotion precision 0.74 and 0.83 and corporate-voice
 * 0.87, and hold precision ≥ 0.8 and recall ≥ 0.85 per id with the ordinary score bars. So do
 * dev-ba (health and everyday services), dev-bd (sealed37's brief) and dev-bf (sealed38's), whose
 * pure-promotion precision stands at 0.82–0.88: club and surgery notices with a price, a neighbour
 * recommending a tradesperson, and drafts labelled with another flaw only. So do dev-bi (sealed40's
 * brief) and dev-bj (sealed39's), which arrived at pure-promotion precision 0.88: bare episode
 * links labelled nothing-to-say, a testimonial ad that closes over several short clauses; and
 * dev-bl (half of it Spanish, German, French, Portuguese and Japanese as written locally), at
 * 0.88 on arrival: a ramen shop's apology with a weekday special, a bank launch in press-release
 * voice labelled for that only. So do dev-bu (stories that close on an offer, shop owners' answers
 * with prices, episode announcements) and dev-bv (software and apps), at pure-promotion precision
 * 0.79 and 0.81 on arrival: a newsletter issue whose findings end in "link below", a city app
 * update that says it is free, build-in-public revenue figures in Portuguese. So do dev-cf and
 * dev-cg (sealed48's grey-zone brief): dev-cf's platform-fit precision is 0.87 because its brief
 * defined LinkedIn's fold flaw more narrowly than the product (two one-sentence posts past the
 * fold), and dev-cg's pure-promotion precision 0.87 comes from drafts labelled with another flaw
 * only (a launch in press-release voice, a creator's channel plug labelled vanity-metrics). So
 * does dev-cj (everyday drafts from Latin America, Brazil, Portugal, Quebec, Belgium, Austria and
 * Switzerland, 70 % not English), at pure-promotion precision 0.88: a launch in press-release voice
 * labelled corporate-voice only. So do dev-ck (companies answering people in es/pt/fr/de) and
 * dev-cl (creators), at platform-fit precision 0.88 (the same narrower fold definition in their
 * brief) and, for dev-ck, pure-promotion 0.87 (giveaways labelled vanity-metrics only). So does
 * dev-cn (B2B and public sector), at pure-promotion precision 0.90: a creator-style 'subscribe to our
 * channel' comment labelled vanity-metrics only, an expo stand whose cart is 'not for sale'.
 */
const WEAK_SPOTS: Record<string, string> = {
  'dev-ap': resolve(repoRoot, 'test/eval/dev-ap.jsonl'),
  'dev-as': resolve(repoRoot, 'test/eval/dev-as.jsonl'),
  'dev-aw': resolve(repoRoot, 'test/eval/dev-aw.jsonl'),
  'dev-ba': resolve(repoRoot, 'test/eval/dev-ba.jsonl'),
  'dev-bd': resolve(repoRoot, 'test/eval/dev-bd.jsonl'),
  'dev-bf': resolve(repoRoot, 'test/eval/dev-bf.jsonl'),
  'dev-bi': resolve(repoRoot, 'test/eval/dev-bi.jsonl'),
  'dev-bj': resolve(repoRoot, 'test/eval/dev-bj.jsonl'),
  'dev-bl': resolve(repoRoot, 'test/eval/dev-bl.jsonl'),
  'dev-bu': resolve(repoRoot, 'test/eval/dev-bu.jsonl'),
  'dev-bv': resolve(repoRoot, 'test/eval/dev-bv.jsonl'),
  'dev-cf': resolve(repoRoot, 'test/eval/dev-cf.jsonl'),
  'dev-cg': resolve(repoRoot, 'test/eval/dev-cg.jsonl'),
  'dev-cj': resolve(repoRoot, 'test/eval/dev-cj.jsonl'),
  'dev-ck': resolve(repoRoot, 'test/eval/dev-ck.jsonl'),
  'dev-cl': resolve(repoRoot, 'test/eval/dev-cl.jsonl'),
  'dev-cn': resolve(repoRoot, 'test/eval/dev-cn.jsonl'),
};

const ADVERSARIAL: Record<string, string> = {
  'dev-t': resolve(repoRoot, 'test/eval/dev-t.jsonl'),
  'dev-u': resolve(repoRoot, 'test/eval/dev-u.jsonl'),
  // Not adversarial by brief, but nothing-to-say sits at 0.83 (10 of 12): a long 'slow Thursday'
  // vibe post and a link shared as news ('in case you missed it') remain.
  'dev-y': resolve(repoRoot, 'test/eval/dev-y.jsonl'),
  // Ads that look like something else (a testimonial that ends in 'try it free', a tip list that
  // ends in a code) beside 'like if you…' bait labelled nothing-to-say as well as vanity: arrived
  // at pure-promotion recall 0.79 and nothing-to-say 0.63.
  'dev-az': resolve(repoRoot, 'test/eval/dev-az.jsonl'),
  // Warm filler ('slow Thursday at the studio', 'grateful for this team') that says nothing:
  // nothing-to-say recall 0.73.
  'dev-ao': resolve(repoRoot, 'test/eval/dev-ao.jsonl'),
};

/**
 * The frozen batches of earlier sessions, studied from the stop that froze sealed21-26 (sealed27
 * and sealed28 from the stop that froze sealed29-30, sealed30 from the stop that froze sealed31-32,
 * sealed31 and sealed32 from the stop that froze sealed33-34, sealed33 and sealed34 from the stop
 * that froze sealed37-38, sealed35 and sealed36 from the stop that froze sealed39-40).
 * Their figures as frozen batches are in the commit history;
 * as development data they hold precision ≥ 0.85 and recall ≥ 0.75 per id (the lowest a batch stood
 * at when it was opened: pure-promotion recall 0.78 on sealed8) and the ordinary score bars.
 * sealed34 was opened at pure-promotion precision 0.75 (shoppers' and brands' posts with prices
 * that are not ads) and meets the floor since, and so does sealed35 (pure-promotion precision 0.82
 * when opened: a library's booking notice, a bare link to one's own post, a product post labelled
 * for its hashtags only). sealed29 (pure-promotion precision 0.80 when opened: pharmacy, school and
 * club notices with prices) meets the full bars (see SETS); dev-ao (nothing-to-say recall 0.73:
 * warm filler) holds the adversarial floor.
 */
const STUDIED: Record<string, string> = Object.fromEntries(
  [...Array.from({ length: 15 }, (_, i) => i + 6), 27, 28, 30, 31, 32, 33, 34, 35, 36].map((n) => {
    const name = `sealed${n}`;
    return [name, resolve(repoRoot, `test/eval/${name}.jsonl`)];
  }),
);

function load(path: string): EvalRow[] {
  if (!existsSync(path)) throw new Error(`labelled drafts not found at ${path}`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvalRow);
}

/** One nudge's precision and recall on a report, at or above the floor; the misses name why not. */
function expectFloor(report: ReturnType<typeof evaluate>, id: string, precision: number, recall: number) {
  const s = report.perId[id]!;
  const misses = report.misses.filter((m) => m.id === id).map((m) => `${m.kind} ${m.row} fired [${m.fired}]`);
  expect(s.precision, misses.join('\n')).toBeGreaterThanOrEqual(precision);
  expect(s.recall, misses.join('\n')).toBeGreaterThanOrEqual(recall);
}

/** AUC ≥ 0.95, at most one flawed draft in twenty "strong", one genuine draft in twenty nudged. */
function expectScoreBars(report: ReturnType<typeof evaluate>) {
  const q = report.score;
  expect(q.auc).toBeGreaterThanOrEqual(0.95);
  expect(q.flawedStrong).toBeLessThanOrEqual(q.flawed / 20);
  expect(q.genuineNudged).toBeLessThanOrEqual(q.genuine / 20);
}

describe.each(Object.entries(SETS))('eval on %s', (_name, path) => {
  const rows = load(path);
  const report = evaluate(rows, defaultPack());

  it('has labelled drafts for every scored nudge', () => {
    for (const id of SCORED_NUDGES)
      expect(
        rows.some((r) => r.expect.includes(id)),
        id,
      ).toBe(true);
  });

  it.each([...SCORED_NUDGES])('%s reaches precision ≥ 0.9 and recall ≥ 0.85', (id) => {
    expectFloor(report, id, 0.9, 0.85);
  });

  it('the score ranks genuine drafts above flawed ones', () => {
    expectScoreBars(report);
  });
});

/**
 * A lower floor for a group of batches: precision and recall per id, and the score bars (all of
 * them, or only an AUC floor where the batch was written to dodge the rules).
 */
function lowerFloor(
  group: string,
  sets: Record<string, string>,
  floor: { precision: number; recall: number; auc?: number },
) {
  describe.each(Object.entries(sets))(`eval on the ${group} batch %s`, (_name, path) => {
    const report = evaluate(load(path), defaultPack());
    it.each([...SCORED_NUDGES])(
      `%s holds precision ≥ ${floor.precision} and recall ≥ ${floor.recall}`,
      (id) => {
        expectFloor(report, id, floor.precision, floor.recall);
      },
    );
    it('the score ranks genuine drafts above flawed ones', () => {
      if (floor.auc === undefined) expectScoreBars(report);
      else expect(report.score.auc).toBeGreaterThanOrEqual(floor.auc);
    });
  });
}

lowerFloor('studied', STUDIED, { precision: 0.85, recall: 0.75 });
lowerFloor('adversarial', ADVERSARIAL, { precision: 0.85, recall: 0.6, auc: 0.9 });
lowerFloor('weak-spot', WEAK_SPOTS, { precision: 0.8, recall: 0.85 });

describe('genuine, specific drafts stay clean of the scored nudges', () => {
  const GENUINE: [string, EvalRow['platform'], EvalRow['kind']][] = [
    [
      'We moved our nightly backups from cron to a queue last month. Two lessons: retries need jitter, and the dashboard should show the oldest pending job, not the count.',
      'linkedin',
      'post',
    ],
    [
      'Our support team tried a four-day week from March to June. First-reply time went from 3.1 to 3.4 hours; sick days halved. We are keeping it.',
      'linkedin',
      'post',
    ],
    [
      'Spent Saturday with @shopnow volunteers cleaning the riverbank: 40 bags of litter. Photos at example.com/buy-now-ban #sale',
      'facebook',
      'post',
    ],
    [
      "Postgres tip: a partial index on orders(created_at) WHERE status = 'open' took our worst query from 2s to 40ms.",
      'x',
      'post',
    ],
    [
      'You are right that the export drops the time zone. It is a bug in how we format dates; I filed it and will post here when the fix ships.',
      'x',
      'reply',
    ],
    [
      'Which browser are you on? The upload button fails in Safari 16 because of a file-picker change; Firefox and Chrome work.',
      'reddit',
      'comment',
    ],
    [
      'I tried your approach with the retry budget and it cut our error spikes by half, but the p99 latency went up 15%. Did you see that too?',
      'mastodon',
      'reply',
    ],
    [
      'Kiln firing notes: cone 6 glaze crawled on the bisque from the new clay body. Wiping pieces with a damp sponge before glazing fixed it.',
      'instagram',
      'post',
    ],
    [
      "Book club: we finished 'The Overstory' last night. The chapter on the seed bank made two of us cry. What should we read in December?",
      'facebook',
      'post',
    ],
    [
      'Order matters: in our A/B test, putting the question first doubled replies on support threads. Numbers in the write-up: https://example.com/ab',
      'linkedin',
      'post',
    ],
    [
      'Buy-versus-build: we bought our feature-flag service in 2022 and the bill tripled. Rebuilt it in six weeks on Postgres; here is what we got wrong.',
      'linkedin',
      'post',
    ],
    [
      'Join us Thursday at 6pm in the Bristol library for a free repair café: bring a broken lamp or toaster and we fix it together.',
      'facebook',
      'post',
    ],
    [
      "Our garden club's plant sale raised £600 for the school roof. Thank you to everyone who came!",
      'facebook',
      'post',
    ],
    [
      'Last chance to tell us what broke in the beta before we freeze the API on Friday. Open issues here: https://github.com/acme/api/issues',
      'x',
      'post',
    ],
    [
      'Sorry, my mistake: the limit is 500 rows per request, not 1,000. Batch the calls and it works.',
      'reddit',
      'comment',
    ],
    ['今週、検索のインデックスを作り直しました。応答時間が半分になりました。', 'threads', 'post'],
  ];

  it.each(GENUINE)('%s', (text, platform, kind) => {
    const ids = fired(defaultPack(), text, { platform, kind });
    expect(ids.filter((id) => (SCORED_NUDGES as readonly string[]).includes(id))).toEqual([]);
  });
});

describe('evaluate()', () => {
  const rows: EvalRow[] = [
    {
      id: 'promo',
      platform: 'x',
      kind: 'post',
      text: 'FLASH SALE! 40% off, buy now',
      expect: ['pure-promotion'],
    },
    {
      id: 'missed',
      platform: 'x',
      kind: 'post',
      text: 'We fixed the export bug in version 2.3; thanks Dana.',
      expect: ['corporate-voice'],
    },
    { id: 'fp', platform: 'x', kind: 'post', text: 'Happy Friday everyone!', expect: [] },
    {
      id: 'allowed',
      platform: 'x',
      kind: 'post',
      text: 'Happy Friday everyone!',
      expect: [],
      allow: ['nothing-to-say'],
    },
  ];
  const report = evaluate(rows, defaultPack());

  it('counts true positives, false negatives and false positives per id', () => {
    expect(report.perId['pure-promotion']).toMatchObject({ tp: 1, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(report.perId['corporate-voice']).toMatchObject({ tp: 0, fn: 1, recall: 0 });
    expect(report.perId['nothing-to-say']).toMatchObject({ tp: 0, fp: 1, precision: 0, recall: 1 });
  });

  it('lists the misses with what fired, and lets `allow` ids fire freely', () => {
    expect(report.misses.map((m) => `${m.row}:${m.id}:${m.kind}`).sort()).toEqual([
      'fp:nothing-to-say:fp',
      'missed:corporate-voice:fn',
    ]);
    expect(report.misses.find((m) => m.row === 'fp')?.fired).toContain('nothing-to-say');
  });

  it('builds a confusion table of expected against fired', () => {
    expect(report.confusion['pure-promotion']?.['pure-promotion']).toBe(1);
    expect(report.confusion['(none)']?.['nothing-to-say']).toBe(2);
  });

  it('scores only the ids asked for', () => {
    expect(Object.keys(evaluate(rows, defaultPack(), ['pure-promotion']).perId)).toEqual(['pure-promotion']);
  });
});

describe('auc', () => {
  it('is 1 when every genuine score is above every flawed one, 0 when below, 0.5 for ties', async () => {
    const { auc } = await import('../../../src/engine/evaluate.ts');
    expect(auc([90, 80], [40, 30])).toBe(1);
    expect(auc([10], [40, 30])).toBe(0);
    expect(auc([50, 50], [50])).toBe(0.5);
    expect(auc([90, 40], [50, 30])).toBe(0.75);
  });
});
