/**
 * The indicator's styles, scoped by its shadow root; the page's CSS cannot reach inside. Written
 * one rule per line without spaces: this text ships in every page (see the content script budget).
 */
export const INDICATOR_CSS = `
:host{all:initial}
*{box-sizing:border-box}
.pill{display:inline-flex;align-items:center;gap:6px;max-width:240px;height:24px;padding:0 10px 0 4px;border:1px solid #c9ced6;border-radius:12px;background:#fff;color:#1f2328;font:500 12px/1 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;cursor:pointer;box-shadow:0 1px 3px rgba(0,0,0,.15);white-space:nowrap}
.pill:focus-visible{outline:2px solid #0b63ce;outline-offset:2px}
.score{min-width:18px;height:18px;padding:0 4px;border-radius:9px;background:#2d7d46;color:#fff;font-size:11px;line-height:18px;text-align:center}
.score:empty{display:none}
.pill.info .score{background:#0b63ce}
.pill.warn .score{background:#b35900}
.pill.long{padding-left:10px;color:#57606a}
.label{overflow:hidden;text-overflow:ellipsis}
.card{position:absolute;right:0;top:calc(100% + 6px);width:320px;max-height:60vh;overflow:auto;padding:12px;border:1px solid #c9ced6;border-radius:8px;background:#fff;color:#1f2328;font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.2)}
.card.up{top:auto;bottom:calc(100% + 6px)}
.card[hidden]{display:none}
ul{margin:0;padding:0;list-style:none}
li{margin:0 0 10px;padding-left:8px;border-left:3px solid #0b63ce}
li.warn{border-left-color:#b35900}
p{margin:0 0 2px}
.title{font-weight:600}
.reason{color:#57606a}
.suggestion{color:#1f2328}
.dismiss{margin-top:4px;padding:4px 10px;border:1px solid #c9ced6;border-radius:6px;background:#f6f8fa;color:#1f2328;font:inherit;cursor:pointer}
.dismiss:focus-visible{outline:2px solid #0b63ce;outline-offset:2px}
@media (prefers-color-scheme:dark) {
.pill,.card{background:#1c2128;color:#e6edf3;border-color:#444c56}
.reason{color:#9da7b3}
.suggestion{color:#e6edf3}
.dismiss{background:#2d333b;color:#e6edf3;border-color:#444c56}
}
`;
