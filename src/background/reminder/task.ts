/**
 * The one concrete micro-task a reminder offers, most valuable first: answer the comments that are
 * waiting, else break a silence, else one small thing that fits the person's goals. Pure: it reads
 * a snapshot of the ledger's summary (snapshot.ts), never the ledger, and the clock is passed in.
 * Goals are conversations, answers, customers and expertise; never reach or follower counts.
 */
import type { Platform } from '../../engine/types.ts';
import { platformName } from '../../engine/history/time.ts';
import type { Goal } from '../../shared/settings.ts';
import { COMPOSE_PAGES, PREFERRED_NETWORKS } from './compose-pages.ts';
import { localTime } from './local-time.ts';

const DAY = 86_400_000;
/** The default pack's `silence` threshold: a week without a post or a reply. */
export const SILENCE_DAYS = 7;

export interface WaitingSnapshot {
  total: number;
  questions: number;
  /** The network they all wait on, when it is one. */
  platform?: Platform;
  /** When the one post they all wait on was published, when it is one and the ledger has it. */
  postAt?: number;
  /** The longest-waiting comment: its network and https link. */
  oldest?: { platform: Platform; url?: string };
}

export interface TaskInput {
  now: number;
  timeZone?: string;
  goals: readonly Goal[];
  /** Networks the person coaches on (`sites`); a task never sends them to one they turned off. */
  sites: Readonly<Record<Platform, boolean>>;
  waiting: WaitingSnapshot;
  /** The last post or reply. */
  lastActiveAt?: number;
  /** Since when the ledger has been watching. */
  firstSeenAt?: number;
  /** Where the person publishes most. */
  mostPublishedOn?: Platform;
}

export interface Task {
  kind: 'waiting' | 'silence' | 'goal';
  title: string;
  message: string;
  url: string;
  platform: Platform;
}

/** One small step per goal: each asks for a conversation, an answer or knowledge shared. */
const GOAL_STEPS: Record<Goal, string> = {
  conversations: 'ask your network one question you are working through this week',
  answers: 'answer one question someone in your field asked this week',
  customers: 'share how your team helped one customer this week, and what you learned from it',
  expertise: 'explain one thing you know well in a few lines, with an example',
};
const ANY_GOAL_STEP = 'share one thing your team learned this week';

export function chooseTask(input: TaskInput): Task {
  const { waiting } = input;
  if (waiting.total > 0 && waiting.oldest) {
    const platform = waiting.oldest.platform;
    return {
      kind: 'waiting',
      title: waiting.total === 1 ? 'A comment is waiting for you' : 'Comments are waiting for you',
      message: waitingMessage(input),
      url: waiting.oldest.url ?? COMPOSE_PAGES[platform],
      platform,
    };
  }
  const platform = networkFor(input);
  const step = goalStep(input);
  const since = input.lastActiveAt ?? input.firstSeenAt;
  const days = since === undefined ? 0 : Math.floor((input.now - since) / DAY);
  if (days >= SILENCE_DAYS) {
    return {
      kind: 'silence',
      title: 'A few minutes for your network',
      message: `Nothing from you in ${days} days — ${step}`,
      url: COMPOSE_PAGES[platform],
      platform,
    };
  }
  return {
    kind: 'goal',
    title: 'A few minutes for your network',
    message: `${capitalise(step)} on ${platformName(platform)}`,
    url: COMPOSE_PAGES[platform],
    platform,
  };
}

function waitingMessage({ waiting, now, timeZone }: TaskInput): string {
  const n = waiting.total;
  const net = waiting.platform ? `${platformName(waiting.platform)} ` : '';
  let where: string;
  if (waiting.postAt !== undefined) where = `your ${postDay(waiting.postAt, now, timeZone)} ${net}post`;
  else if (waiting.platform && n === 1) where = `your ${net}post`;
  else where = `your ${net}posts`;
  const head = n === 1 ? `1 comment on ${where} is waiting` : `${n} comments on ${where} are waiting`;
  const q = waiting.questions;
  if (q === 0) return head;
  if (n === 1) return `${head} — it is a question`;
  return `${head} — ${q} ${q === 1 ? 'is a question' : 'are questions'}`;
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Tuesday" within the last week, where a weekday names one day; otherwise "12 November". */
function postDay(at: number, now: number, timeZone: string | undefined): string {
  const local = localTime(at, timeZone);
  if (now - at < 6 * DAY) return DAY_NAMES[local.weekday] ?? local.date;
  const date = new Date(`${local.date}T12:00:00Z`);
  return `${date.getUTCDate()} ${date.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })}`;
}

/** The goal of the day: the person's goals take turns, one a local day. */
function goalStep({ goals, now, timeZone }: TaskInput): string {
  if (goals.length === 0) return ANY_GOAL_STEP;
  const day = Math.floor(Date.parse(`${localTime(now, timeZone).date}T00:00:00Z`) / DAY);
  return GOAL_STEPS[goals[day % goals.length]!];
}

/** Where they write most, if they still coach there; else the first network they have on. */
function networkFor({ mostPublishedOn, sites }: TaskInput): Platform {
  if (mostPublishedOn && sites[mostPublishedOn]) return mostPublishedOn;
  return PREFERRED_NETWORKS.find((p) => sites[p]) ?? 'linkedin';
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
