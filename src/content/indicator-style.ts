/**
 * The pill's styles, scoped by its shadow root; the page's CSS cannot reach inside. Written one
 * rule per line without spaces: this text ships in every page (see the content script budget).
 * The card's styles come with its code (src/content/card/style.ts).
 *
 * The label is never cut: the pill is as wide as its words (the host is `max-content`, nothing in
 * the pill shrinks), and a title longer than the pill's cap wraps onto a second line instead of
 * ending in an ellipsis.
 */
export const INDICATOR_CSS = `
:host{all:initial}
*{box-sizing:border-box}
.pill{display:inline-flex;align-items:center;gap:6px;max-width:min(360px,100vw - 8px);min-height:24px;padding:2px 10px 2px 4px;border:1px solid #c9ced6;border-radius:12px;background:#fff;color:#1f2328;font:500 12px/1.2 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;text-align:start;cursor:pointer;box-shadow:0 1px 3px rgba(0,0,0,.15)}
.pill:focus-visible{outline:2px solid #0b63ce;outline-offset:2px}
.score{flex:none;min-width:18px;height:18px;padding:0 4px;border-radius:9px;background:#2d7d46;color:#fff;font-size:11px;line-height:18px;text-align:center}
.score:empty{display:none}
.pill.info .score{background:#0b63ce}
.pill.warn .score{background:#b35900}
.pill.long{padding-left:10px;color:#57606a}
@media (prefers-color-scheme:dark) {
.pill{background:#1c2128;color:#e6edf3;border-color:#444c56}
}
`;
