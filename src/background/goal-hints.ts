/**
 * The person's goals (options page, "You") in the nudges: one sentence per nudge and goal that
 * points the suggestion at what they said success means to them. Only the first chosen goal that
 * has a sentence for the nudge is used, so a card never grows a paragraph.
 */
import type { Goal } from '../shared/settings.ts';

type Hints = Partial<Record<Goal, string>>;

const HINTS: Record<string, Hints> = {
  'pure-promotion': {
    conversations: 'You want conversations: ask what people make of it instead of telling them to buy.',
    answers: 'You want to answer questions: answer one that people ask about it.',
    customers: 'You want to help customers: show the one problem it solved for someone.',
    expertise: 'You want to share expertise: teach one thing you learned making it.',
  },
  'nothing-to-say': {
    conversations: 'You want conversations: ask something people can answer from experience.',
    expertise: 'You want to share expertise: one thing you learned this week is enough.',
    customers: 'You want to help customers: share a tip that saves one of them time.',
  },
  'vanity-metrics': {
    conversations: 'You want conversations, not counts: ask a real question instead.',
    expertise: 'You want to share expertise: people follow for what they learn.',
  },
  'corporate-voice': {
    customers: 'You want to help customers: say what changes for them, in their words.',
    expertise: 'You want to share expertise: write it as you would explain it to a colleague.',
  },
  'canned-reply': {
    answers: 'You want to give answers: answer this one, in your own words.',
    customers: 'You want to help customers: name their problem and the next step.',
  },
  'no-invitation': {
    conversations: 'You want conversations: end with a question people can answer.',
    answers: 'You want to give answers: invite the questions people have.',
  },
  'unanswered-comments': {
    answers: 'You chose answering as your goal: start with the oldest question.',
    conversations: 'You want conversations: they started here, reply to keep them going.',
    customers: 'You want to help customers: some of these may be customers waiting.',
  },
  silence: {
    expertise: 'You want to share expertise: one thing your team learned this week is enough.',
    conversations: 'You want conversations: ask your network one question.',
  },
};

/** The suggestion with the sentence for the first of the person's goals that has one. */
export function withGoal(nudgeId: string, suggestion: string, goals: readonly Goal[]): string {
  const hints = HINTS[nudgeId];
  if (!hints) return suggestion;
  for (const goal of goals) {
    const hint = hints[goal];
    if (hint) return `${suggestion} ${hint}`;
  }
  return suggestion;
}
