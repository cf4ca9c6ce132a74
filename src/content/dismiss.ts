/**
 * "Dismiss for this draft" lasts until the draft changes substantially: a new draft, an emptied
 * editor, or an edit touching a good share of the text (not a typo fix).
 */

/** Characters changed between two versions, as the span between their common prefix and suffix. */
export function changedChars(before: string, after: string): number {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix++;
  }
  return Math.max(before.length, after.length) - prefix - suffix;
}

export function changedSubstantially(before: string, after: string): boolean {
  if (after.trim() === '') return true;
  return changedChars(before, after) >= Math.max(20, 0.3 * before.length);
}

/** Remembers, per draft, the text it was dismissed at. */
export class Dismissals {
  readonly #at = new Map<string, string>();

  dismiss(draftId: string, text: string): void {
    this.#at.set(draftId, text);
  }

  /** Whether the draft is still dismissed at `text`; forgets the dismissal once it is not. */
  isDismissed(draftId: string, text: string): boolean {
    const dismissedAt = this.#at.get(draftId);
    if (dismissedAt === undefined) return false;
    if (!changedSubstantially(dismissedAt, text)) return true;
    this.#at.delete(draftId);
    return false;
  }
}
