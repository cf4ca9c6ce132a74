/**
 * Where the indicator goes: by the editor's bottom-right corner, at the first of a few spots that
 * stays on screen and covers none of the site's controls.
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export type Spot = 'below' | 'inside' | 'beside' | 'above';

export const SPOTS: readonly Spot[] = ['below', 'inside', 'beside', 'above'];

const GAP = 4;

/** The indicator's box at `spot` for an editor at `anchor`, kept inside the viewport. */
export function boxAt(
  spot: Spot,
  anchor: DOMRectReadOnly | Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): Box {
  const right = anchor.left + anchor.width;
  const bottom = anchor.top + anchor.height;
  let left = right - size.width;
  let top = bottom + GAP;
  if (spot === 'inside') {
    left = right - size.width - GAP;
    top = bottom - size.height - GAP;
  } else if (spot === 'beside') {
    left = right + GAP;
    top = bottom - size.height;
  } else if (spot === 'above') {
    top = anchor.top - size.height - GAP;
  }
  return {
    left: clamp(left, 0, viewport.width - size.width),
    top: clamp(top, 0, viewport.height - size.height),
    width: size.width,
    height: size.height,
  };
}

/** The first spot whose box `isFree` accepts; the corner inside the editor when none is. */
export function chooseSpot(
  anchor: DOMRectReadOnly | Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  isFree: (box: Box) => boolean,
): Spot {
  return SPOTS.find((spot) => isFree(boxAt(spot, anchor, size, viewport))) ?? 'inside';
}

export function intersects(a: Box, b: Box): boolean {
  return (
    a.left < b.left + b.width &&
    b.left < a.left + a.width &&
    a.top < b.top + b.height &&
    b.top < a.top + a.height
  );
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}
