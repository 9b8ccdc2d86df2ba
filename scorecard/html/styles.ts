/** The page's one stylesheet, inlined: screen and print (landscape, rows never cut across pages). */
import { bands, DEFAULT_BAND, noScore } from './colour-scale.js';

const defaultBand = bands.find((band) => band.className === DEFAULT_BAND)!;
const bandRules =
  `.hm td{background:${defaultBand.background};color:${defaultBand.text}}.hm thead td{background:none}` +
  [...bands, noScore].map((band) => `.hm td.${band.className}{background:${band.background};color:${band.text}}`).join('');
const legendRules = [...bands, noScore].map((band) => `.key.${band.className}{background:${band.background}}`).join('');

export const stylesheet = `
:root{--ink:#1a1a1a;--muted:#555;--line:#c8c8c8;--bg:#fff;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:var(--bg)}
body{margin:0 24px 48px;font-size:14px;line-height:1.4}
h1{font-size:22px;margin:20px 0 4px}h2{font-size:17px;margin:24px 0 8px}
.meta{color:var(--muted);margin:0 0 16px}
.packs{display:flex;flex-wrap:wrap;gap:12px}
.pack{border:1px solid var(--line);border-radius:6px;padding:10px 14px;min-width:210px}
.pack h3{font-size:14px;margin:0 0 4px}
.pack .score{font-size:28px;font-weight:700}
.pack .change{margin-left:6px;font-weight:600}.up{color:#2c7bb6}.down{color:#b2182b}
.pack dl{display:grid;grid-template-columns:auto auto;gap:0 10px;margin:6px 0 0;font-size:12px}.pack dd{margin:0;text-align:right}
.trend{display:block;margin-top:6px}
#tools{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:16px 0 8px}
#tools[hidden]{display:none}
.legend{display:flex;flex-wrap:wrap;gap:10px;align-items:center;font-size:12px;margin:8px 0;padding:0;list-style:none}
.key{display:inline-block;width:14px;height:14px;border:1px solid var(--line);vertical-align:middle;margin-right:4px}
.key.x{background:repeating-linear-gradient(45deg,#fff 0 3px,#555 3px 4px)}
.wrap{overflow-x:auto}
details.later>summary{cursor:pointer}details.later>summary h2{display:inline-block}
table.hm{border-collapse:collapse;font-size:12px;table-layout:fixed;width:calc(420px + 8.5em + var(--columns) * 40px)}
.hm col.rh{width:420px}.hm col{width:40px}.hm col.tc{width:8.5em}
.hm thead th[scope=colgroup]{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.hm th,.hm td{border:1px solid #fff;padding:2px 4px}
.hm thead th{background:#f2f2f2;font-weight:600;vertical-align:bottom}
.hm thead th.acct{writing-mode:vertical-rl;transform:rotate(180deg);max-height:140px;white-space:nowrap;font-weight:500}
.hm tbody th{text-align:left;font-weight:400;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.hm th.pk{background:#333;color:#fff;font-weight:600}
.hm tr.sec th{background:#eee;font-weight:600}
.hm td{text-align:center;font-variant-numeric:tabular-nums;overflow:hidden}
.hm td[tabindex]{cursor:pointer}
.hm td[tabindex]:focus{outline:2px solid #000;outline-offset:-2px}
${bandRules}
.hm td.x{background-image:repeating-linear-gradient(45deg,transparent 0 3px,rgba(0,0,0,.45) 3px 4px)}
.hm td.m{background:#fff;color:var(--muted);border:1px dashed #999;font-style:italic}
.hm td.na{background:#fff;color:var(--muted)}
.hm td.tot,.hm tfoot td{background:#f7f7f7;color:var(--ink);font-weight:600}
.hm tfoot th{text-align:right;background:#f2f2f2}
${legendRules}
#detail{border:1px solid var(--line);border-radius:6px;padding:8px 14px;margin:12px 0}
table.issues{border-collapse:collapse;font-size:12px;width:100%}
.issues th,.issues td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
.issues small{color:var(--muted);word-break:break-all}
.gaps{font-size:12px}
@media print{
  @page{size:landscape;margin:10mm}
  body{margin:0;font-size:10px}
  #tools,#detail{display:none}
  .wrap{overflow:visible}
  table.hm{font-size:8px;page-break-inside:auto;width:100%}
  .hm col{width:auto}.hm col.rh{width:220px}.hm col.tc{width:6em}
  details.later::details-content{content-visibility:visible;display:block}
  .hm thead{display:table-header-group}
  .hm tfoot{display:table-footer-group}
  .hm tr,.hm td,.hm th{break-inside:avoid;page-break-inside:avoid}
  .pack{break-inside:avoid}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;
