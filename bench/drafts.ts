/**
 * The drafts the bench scores. Short ones are written by hand to look like what people actually
 * post (the engine's cost depends on what it finds: links, mentions, prices, emoji), and long ones
 * are stitched from varied paragraphs so no size class is one sentence repeated — a repeated
 * sentence would flatter any engine that caches or short-circuits on sameness.
 */
import type { Kind, Platform } from '../src/engine/index.ts';

export interface BenchDraft {
  label: string;
  text: string;
  platform: Platform;
  kind: Kind;
}

/** Twenty drafts of at most 280 characters: promotional, genuine, replies, corporate. */
export const SHORT_DRAFTS: readonly BenchDraft[] = [
  {
    label: 'promo-flash-sale',
    platform: 'x',
    kind: 'post',
    text: "🔥 FLASH SALE 🔥 Everything in the shop is 40% off for the next 48 hours only! Use code SPRING40 at checkout. Don't miss out — stock is limited and once it's gone it's gone. Buy now 👉 https://shop.example.com/sale #sale #discount #deals #shopping",
  },
  {
    label: 'promo-webinar',
    platform: 'linkedin',
    kind: 'post',
    text: 'Join our FREE webinar next Thursday and learn how leading teams cut onboarding time by 63% with Acme Flow. Seats are limited — register today at https://acme.example.com/webinar and get our exclusive playbook. Book your spot now! #SaaS #growth #productivity',
  },
  {
    label: 'genuine-question',
    platform: 'x',
    kind: 'post',
    text: "Honest question for people who run small support teams: how do you decide when a recurring complaint is worth a product change rather than a better help article? We keep arguing about it and I'd love to hear how you draw the line.",
  },
  {
    label: 'genuine-story',
    platform: 'bluesky',
    kind: 'post',
    text: 'Spent the morning pairing with a new teammate who asked "why do we do it this way?" about six times. Four of those had no good answer. Writing them down now. Best onboarding is the one where the newcomer teaches you something.',
  },
  {
    label: 'reply-thanks',
    platform: 'x',
    kind: 'reply',
    text: "@maria_dev thanks for catching that! You're right that the retry loop hides the real error. I've opened a fix that logs the first failure before retrying — would you mind taking a look when you have a minute? https://github.com/example/repo/pull/482",
  },
  {
    label: 'reply-canned',
    platform: 'x',
    kind: 'reply',
    text: "@customer123 Thank you for reaching out! We're sorry to hear about your experience. Your feedback is important to us. Please DM us your order number and our team will be happy to assist you. 🙏",
  },
  {
    label: 'corporate-announcement',
    platform: 'linkedin',
    kind: 'post',
    text: 'We are thrilled to announce that Acme Corp has been recognized as a leader in the 2026 Industry Quadrant. This milestone reflects our unwavering commitment to innovation, synergy and delivering best-in-class solutions for our valued customers worldwide.',
  },
  {
    label: 'corporate-hiring',
    platform: 'linkedin',
    kind: 'post',
    text: "We're hiring! 🚀 Acme is looking for passionate, results-driven rockstars to join our world-class team. If you thrive in a fast-paced environment and want to disrupt the industry, apply today: https://careers.example.com #hiring #jobs #career",
  },
  {
    label: 'vanity-metrics',
    platform: 'x',
    kind: 'post',
    text: '🎉 We just hit 100,000 followers!!! 🎉 Thank you all so much. 1M impressions this month, 50k likes, and our engagement rate is up 300%. Next stop: 250k. Like and retweet if you want to be part of the journey! #milestone #grateful',
  },
  {
    label: 'thread-opener',
    platform: 'threads',
    kind: 'post',
    text: "I've reviewed about 200 pull requests this year. A few patterns separate the ones that merge in a day from the ones that sit for a month. None of them are about code quality. A thread 🧵 (and tell me which ones you disagree with)",
  },
  {
    label: 'mastodon-link',
    platform: 'mastodon',
    kind: 'post',
    text: 'New blog post: what we learned moving our build from 14 minutes to 90 seconds, including the two changes that made things slower before they made them faster. https://blog.example.org/faster-builds #DevOps #CI — curious what worked for you.',
  },
  {
    label: 'reddit-comment',
    platform: 'reddit',
    kind: 'comment',
    text: 'I had the same issue on a 2019 model. What fixed it for me was resetting the controller (hold the button for 30s with the power off), then updating firmware before reconnecting anything. Took two tries. Which firmware version are you on?',
  },
  {
    label: 'youtube-comment',
    platform: 'youtube',
    kind: 'comment',
    text: 'Great video! The part at 12:40 about tension in the chain finally made it click for me. Could you do one on adjusting the rear derailleur? Mine skips in the two smallest cogs and I can never tell if it is the cable or the hanger 😅',
  },
  {
    label: 'instagram-caption',
    platform: 'instagram',
    kind: 'post',
    text: 'Golden hour at the harbour 🌅⛵ Shot on film, no edits. This roll sat in my bag for a year before I developed it. #filmphotography #35mm #harbour #goldenhour #analog #sunset #travel #photooftheday #explore #wanderlust',
  },
  {
    label: 'facebook-community',
    platform: 'facebook',
    kind: 'post',
    text: "Our neighbourhood garden needs a few extra hands this Saturday from 9am. We're building two new raised beds and moving the compost. Kids welcome, gloves provided, coffee on us ☕ Comment below if you can make it so we know how many to expect!",
  },
  {
    label: 'disclosure-missing',
    platform: 'instagram',
    kind: 'post',
    text: "Obsessed with my new @glowskin serum ✨ my skin has never looked this good! Use my code EMMA20 for 20% off your first order 💕 link in bio. Seriously the best thing I've bought all year, you NEED this in your routine! #skincare #glow",
  },
  {
    label: 'confidential-leak',
    platform: 'linkedin',
    kind: 'post',
    text: "Can't say much yet but Project Nightingale is going to change everything for our enterprise customers. The Q3 numbers we saw internally are incredible. Stay tuned — big things coming before the earnings call! #innovation #ProjectNightingale",
  },
  {
    label: 'nothing-to-say',
    platform: 'x',
    kind: 'post',
    text: "Happy Monday everyone! ☀️ Let's make it a great week! 💪 #MondayMotivation #motivation #success #grind #hustle",
  },
  {
    label: 'reply-substantive',
    platform: 'bluesky',
    kind: 'reply',
    text: "@sam.bsky.social I think you're half right: the benchmark is flawed, but the effect shows up in our own production traces too, just smaller (about 8% rather than 30%). Happy to share the numbers if it helps — what setup did you test on?",
  },
  {
    label: 'cross-post-generic',
    platform: 'threads',
    kind: 'post',
    text: 'Check out our latest article on the future of work: https://news.example.com/future-of-work?utm_source=threads&utm_medium=social 📈 #FutureOfWork #AI #leadership #innovation #business #remote #hybrid #productivity #tech',
  },
];

/** Paragraphs for long drafts: the long-form mix people write on LinkedIn, Reddit or a blog-ish post. */
export const PARAGRAPHS: readonly string[] = [
  "Three years ago I joined a team of four that was maintaining a billing system nobody else wanted to touch. I'm writing this because last Friday we switched the old system off, and I wanted to share what I learned before the details blur.",
  'The first lesson was that the code was not the hard part. The hard part was that nobody could tell us which behaviours were bugs and which were promises made to a customer in 2014. We ended up interviewing account managers, reading old support tickets and, twice, calling customers to ask what they expected.',
  "🚀 Big news: our Spring Collection is finally here! Shop the new arrivals at https://shop.example.com/spring and enjoy 25% off everything with code NEWSEASON. Free shipping on orders over $50, today only. Don't wait — our bestsellers sell out fast!",
  'We are proud to share that Acme Corp has completed its strategic realignment, positioning the organization to deliver best-in-class, customer-centric solutions at scale. Leveraging our synergies across business units, we remain committed to driving shareholder value and operational excellence.',
  'A concrete example: the invoice rounding rule. The old system rounded each line item, then summed; the finance team assumed it summed, then rounded. The difference was rarely more than a cent, but across 40,000 invoices a month it added up to a reconciliation report that nobody trusted. Fixing it took one line. Agreeing on it took six weeks.',
  'If you have migrated something similar, I would really like to hear how you handled the long tail of behaviours that only three customers depend on. Did you keep them, write adapters, or have the hard conversation? @dana_ops @li.wei I know you both went through this last year.',
  'Some numbers, since people always ask: 1.2 million lines of legacy code retired, 312 tests written from scratch, 17 production incidents during the migration (two of them mine), and a monthly infrastructure bill that went from about $48k to $11k. The bill is the number leadership remembers; the incident count is the one I think about.',
  'The second lesson was about pace. We tried a big-bang cutover in the first year and rolled it back within four hours. After that we moved one customer segment at a time, smallest first, with a switch we could flip back in seconds. It was slower on paper and much faster in practice.',
  'Huge thanks to everyone who made this possible 🙏 especially the support team, who fielded every confused email with more patience than we deserved. #engineering #migration #legacy #teamwork #lessonslearned #softwareengineering #devops',
  'A note on tooling: we wrote a small shadow-traffic harness that replayed every production request against both systems and diffed the results. It found more real bugs in two weeks than our test suite found in a year. If you take one thing from this post, take that. The code is here: https://github.com/example/shadow-diff',
  "I'll be honest that not every part of this went well. We underestimated how much the old reports mattered to the finance team, and for about a month their close process got harder, not easier. We should have sat with them on day one instead of month nine.",
  'Looking ahead, we are excited to leverage these learnings as we continue our journey toward a world-class, cloud-native, AI-powered platform. Stay tuned for more exciting announcements in the coming quarters! 💡📈',
  "Question for the finance and ops folks reading: what would you want engineers to know before they touch a system you depend on? Not the polite answer, the real one. I'm collecting these for our onboarding doc and I'll share the result here.",
  'Limited time offer: book a free 30-minute consultation with our migration experts and get 15% off your first engagement. Slots are filling up quickly — reserve yours today at https://consult.example.com/book?ref=linkedin before the offer ends on Friday!',
  "One more small thing. The most useful document we produced was not an architecture diagram; it was a plain list titled 'things the old system does that surprised us', with 83 entries. Every new person read it in their first week. Several of them added to it.",
  'Followers keep asking what is next for me. Short answer: a few weeks off, a long walk along the coast 🥾🌊, and then back to help the payments team do something similar. Longer answer in a post next month, if you are interested. What should I write about first?',
];

/**
 * A small seeded generator (mulberry32): the same seed gives the same sequence on every run and
 * machine. The long drafts use it, and so does the bench's typing rhythm.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

/**
 * A draft of at most `chars` characters (cut at a word boundary, so a few short of it), made of
 * paragraphs in a seeded order; the pool is reshuffled whenever it runs out, never placing a
 * paragraph right after itself.
 */
export function buildLongDraft(chars: number, seed: number): string {
  const random = mulberry32(seed);
  const parts: string[] = [];
  let length = 0;
  let deck: string[] = [];
  let last: string | undefined;
  while (length < chars) {
    if (deck.length === 0) {
      deck = shuffled(PARAGRAPHS, random);
      if (deck[0] === last) deck.push(deck.shift() as string);
    }
    const next = deck.shift() as string;
    parts.push(next);
    last = next;
    length += next.length + 2;
  }
  const joined = parts.join('\n\n');
  const cut = joined.lastIndexOf(' ', chars);
  return (cut > chars - 40 ? joined.slice(0, cut) : joined.slice(0, chars)).trimEnd();
}

export interface DraftSet {
  /** The nominal size the targets speak of, in characters. */
  size: number;
  drafts: readonly BenchDraft[];
}

const LONG_PLATFORMS: readonly Platform[] = ['linkedin', 'reddit', 'facebook', 'mastodon'];

function longDrafts(size: number, count: number): BenchDraft[] {
  return Array.from({ length: count }, (_, i) => ({
    label: `long-${size}-${i + 1}`,
    // A draft reaches the engine through a message (structured clone), which makes a flat string;
    // slicing the joined paragraphs would leave a sliced string that no real caller passes in.
    text: structuredClone(buildLongDraft(size, size * 31 + i)),
    platform: LONG_PLATFORMS[i % LONG_PLATFORMS.length] as Platform,
    kind: 'post' as const,
  }));
}

/** The size classes the bench reports, short to long. */
export function draftSets(): DraftSet[] {
  return [
    { size: 280, drafts: SHORT_DRAFTS },
    { size: 3_000, drafts: longDrafts(3_000, 8) },
    { size: 10_000, drafts: longDrafts(10_000, 4) },
    { size: 30_000, drafts: longDrafts(30_000, 3) },
  ];
}
