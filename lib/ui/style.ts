import { createHash } from 'node:crypto';

/** The page's only stylesheet, inline; the Content-Security-Policy allows exactly this text by its hash. */
export const stylesheet = `
:root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;--link:#0550ae}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#3d444d;--card:#151b23;--link:#4493f8}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link)}
.top{display:flex;gap:.75rem;align-items:baseline;flex-wrap:wrap;padding:.6rem 1rem;border-bottom:1px solid var(--line);background:var(--card)}
.top .brand{font-weight:700;text-decoration:none;color:var(--fg)}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.45rem;margin:.25rem 0 .5rem;overflow-wrap:anywhere}
h2{font-size:1.1rem;margin:1.75rem 0 .5rem}
h3{font-size:1rem;margin:1rem 0 .25rem;overflow-wrap:anywhere}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.875em}
pre{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.75rem;overflow-x:auto;margin:.5rem 0}
p{margin:.5rem 0}
.muted{color:var(--muted)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.badges{display:flex;gap:.4rem;flex-wrap:wrap;margin:.25rem 0 1rem}
.badge{display:inline-block;padding:.05rem .55rem;border:1px solid;border-radius:999px;font-size:.85rem;font-weight:600;white-space:nowrap}
.ok{background:#dafbe1;color:#116329;border-color:#4ac26b}
.warn{background:#fff8c5;color:#6c4400;border-color:#d4a72c}
.bad{background:#ffebe9;color:#a40e26;border-color:#ff8182}
.busy{background:#ddf4ff;color:#0a3069;border-color:#54aeff}
.idle{background:#eff2f5;color:#393f46;border-color:#afb8c1}
.paused{background:#fbefff;color:#6e40c9;border-color:#c297ff}
.notice{border:1px solid var(--line);border-left:4px solid #d4a72c;border-radius:6px;padding:.6rem .8rem;background:var(--card)}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.78rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
td{overflow-wrap:anywhere}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;margin:0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;overflow-wrap:anywhere}
footer{max-width:72rem;margin:0 auto;padding:1rem;font-size:.85rem;color:var(--muted)}
@media (max-width:40rem){
dl.facts{grid-template-columns:1fr;gap:0}
dl.facts dt{font-size:.85rem}
dl.facts dd{margin-bottom:.6rem}
table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.cards tr{display:block;border:1px solid var(--line);border-radius:8px;margin:0 0 .75rem;padding:.3rem .75rem}
table.cards td{display:flex;gap:1rem;justify-content:space-between;align-items:baseline;border:0;padding:.25rem 0;text-align:right}
table.cards td::before{content:attr(data-label);color:var(--muted);font-size:.85rem;text-align:left;white-space:nowrap}
table.cards td.lead{justify-content:flex-start;text-align:left;font-weight:600;font-size:1.05rem}
table.cards td.lead::before{content:none}
}
`;

/** `'sha256-…'` of the stylesheet, for `style-src`. */
export const stylesheetHash = `'sha256-${createHash('sha256').update(stylesheet, 'utf8').digest('base64')}'`;
