/** The viewer's one stylesheet, served from /assets/style.css (the CSP allows styles from this origin only). */
export const STYLESHEET = `
:root { --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg: #fff; --soft: #f6f8fa; --accent: #0b5cad;
  --staff: #fff8e6; --company: #eef6ff; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg); line-height: 1.5; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 10; }
header.site { display: flex; gap: 1.5rem; align-items: center; padding: .6rem 1.2rem; border-bottom: 1px solid var(--line); background: var(--soft); flex-wrap: wrap; }
header.site .brand { font-weight: 700; text-decoration: none; color: var(--fg); }
header.site form { display: flex; gap: .4rem; margin-left: auto; }
main { padding: 1rem 1.2rem 3rem; max-width: 1400px; margin: 0 auto; }
h1 { font-size: 1.5rem; margin: .4rem 0 .8rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .6rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 0 0 .3rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.muted { color: var(--muted); }
.tags { list-style: none; padding: 0; margin: .3rem 0; display: flex; flex-wrap: wrap; gap: .3rem; }
.tag { display: inline-block; border: 1px solid var(--line); border-radius: 999px; padding: 0 .55rem; font-size: .85rem; background: var(--soft); }
.tag.authority { background: #f3f0ff; }
.pair { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 1rem; }
.pair > header { padding: .5rem .8rem; border-bottom: 1px solid var(--line); background: var(--soft); }
.side-by-side { display: grid; grid-template-columns: 1fr 1fr; }
.side-by-side > div { padding: .6rem .9rem; min-width: 0; overflow-wrap: anywhere; }
.side-by-side .comment { background: var(--staff); border-right: 1px solid var(--line); }
.side-by-side .response { background: var(--company); }
.side-by-side h4 { margin: 0 0 .3rem; font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.follow-ups { padding: .5rem .9rem; border-top: 1px dashed var(--line); }
.follow-ups ul { margin: .2rem 0; padding-left: 1.2rem; }
@media (max-width: 800px) { .side-by-side { grid-template-columns: 1fr; } .side-by-side .comment { border-right: 0; border-bottom: 1px solid var(--line); } }
table.rows { border-collapse: collapse; width: 100%; font-size: .93rem; }
table.rows th, table.rows td { text-align: left; border-bottom: 1px solid var(--line); padding: .3rem .5rem; vertical-align: top; }
ol.timeline { list-style: none; padding: 0; border-left: 3px solid var(--line); margin-left: .5rem; }
ol.timeline li { padding: .2rem 0 .6rem 1rem; position: relative; }
ol.timeline li::before { content: ""; position: absolute; left: -8px; top: .6rem; width: 13px; height: 13px; border-radius: 50%; background: var(--accent); }
ol.timeline li.company::before { background: #2f855a; }
.hit { margin: 0 0 1rem; }
mark { background: #ffe58f; color: inherit; }
form.filters { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: end; margin: 0 0 1rem; }
form.filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
input, select, button { font: inherit; padding: .25rem .4rem; }
.plots { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 1rem; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: .6rem; }
figcaption { font-weight: 600; margin-bottom: .3rem; }
svg { max-width: 100%; height: auto; }
svg text { font-size: 11px; fill: #1b1f24; }
nav.rounds { display: flex; gap: 1rem; margin: .3rem 0 1rem; flex-wrap: wrap; }
nav.parts { display: flex; gap: .6rem; margin: .6rem 0 1rem; flex-wrap: wrap; align-items: baseline; }
pre.text { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft); padding: .8rem; border-radius: 6px; font-size: .9rem; }
`;
