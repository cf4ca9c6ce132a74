/**
 * The card's styles, added to the indicator's shadow root with the card's code (the content
 * script every page loads carries only the pill's). Colours come from one of two palettes, picked
 * by the page's scheme when the card opens (scheme.ts), not by the OS's preference.
 */
export const CARD_CSS = `
.card{position:absolute;right:0;top:calc(100% + 6px);width:340px;max-width:calc(100vw - 16px);max-height:60vh;overflow:auto;padding:12px;border:1px solid var(--r-border);border-radius:8px;background:var(--r-bg);color:var(--r-fg);font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;text-align:start;white-space:normal;overflow-wrap:anywhere;box-shadow:0 4px 16px rgba(0,0,0,.25)}
.card.up{top:auto;bottom:calc(100% + 6px)}
.card:focus{outline:none}
ul{margin:0;padding:0;list-style:none}
li{margin:0 0 12px;padding-left:8px;border-left:3px solid var(--r-info)}
li.warn{border-left-color:var(--r-warn)}
p{margin:0 0 4px}
.title{font-weight:600}
.reason,.fact{color:var(--r-muted)}
.excerpt{display:block;margin:0 0 4px;padding:4px 8px;border-radius:4px;background:var(--r-quote);quotes:none}
.excerpt::before,.excerpt::after{content:none}
mark{padding:0 2px;border-radius:2px;background:var(--r-mark);color:inherit}
.actions{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}
button{padding:3px 10px;border:1px solid var(--r-border);border-radius:6px;background:var(--r-button);color:inherit;font:inherit;cursor:pointer}
button:hover{background:var(--r-hover)}
button:focus-visible{outline:2px solid var(--r-focus);outline-offset:2px}
.undo{display:flex;align-items:center;justify-content:space-between;gap:8px;margin:0;padding-top:8px;border-top:1px solid var(--r-border)}
.undo:empty{display:none}
`;

export const PALETTES = {
  light:
    '.card{--r-bg:#fff;--r-fg:#1f2328;--r-muted:#57606a;--r-border:#c9ced6;--r-quote:#f6f8fa;--r-mark:#fff0a0;--r-button:#f6f8fa;--r-hover:#eaeef2;--r-focus:#0b63ce;--r-info:#0b63ce;--r-warn:#b35900;color-scheme:light}',
  dark: '.card{--r-bg:#1c2128;--r-fg:#e6edf3;--r-muted:#9da7b3;--r-border:#444c56;--r-quote:#2d333b;--r-mark:#6e5600;--r-button:#2d333b;--r-hover:#373e47;--r-focus:#4c9aff;--r-info:#4c9aff;--r-warn:#e0823d;color-scheme:dark}',
} as const;
