/**
 * Dismissing a nudge lasts for its draft until the draft changes substantially: a new draft, an
 * emptied editor, or an edit touching a good share of the text (not a typo fix). Each nudge is
 * dismissed on its own, from the text it was dismissed at.
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

/** Remembers, per draft, the nudges dismissed and the text each was dismissed at. */
export class Dismissals {
  readonly #at = new Map<string, Map<string, string>>();

  dismiss(draftId: string, text: string, nudgeId: string): void {
    let draft = this.#at.get(draftId);
    if (!draft) this.#at.set(draftId, (draft = new Map()));
    draft.set(nudgeId, text);
  }

  /** Undo: the nudge shows again. */
  restore(draftId: string, nudgeId: string): void {
    const draft = this.#at.get(draftId);
    draft?.delete(nudgeId);
    if (draft?.size === 0) this.#at.delete(draftId);
  }

  /**
   * The nudge ids still dismissed for the draft at `text` (null when none are); forgets each
   * dismissal the text has moved on from.
   */
  hidden(draftId: string, text: string): Set<string> | null {
    const draft = this.#at.get(draftId);
    if (!draft) return null;
    const ids = new Set<string>();
    for (const [id, at] of draft) {
      if (changedSubstantially(at, text)) draft.delete(id);
      else ids.add(id);
    }
    if (draft.size === 0) this.#at.delete(draftId);
    return ids.size > 0 ? ids : null;
  }
}
