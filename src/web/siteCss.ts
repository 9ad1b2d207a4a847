// The one stylesheet, served from /assets/site.css so the Content-Security-Policy can forbid inline styles.
export const SITE_CSS = `
:root{--fg:#1a1a1a;--muted:#555;--line:#ccc;--link:#0b4f9c;--bg:#fff}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Noto Sans HK","Microsoft JhengHei",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link)}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px}
header{border-bottom:1px solid var(--line);padding:8px 16px;display:flex;flex-wrap:wrap;gap:8px 24px;align-items:center}
header .site{font-weight:700;text-decoration:none;color:var(--fg)}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
form.search{display:flex;gap:4px;margin-left:auto}
main{padding:16px;max-width:1100px;margin:0 auto}
footer{border-top:1px solid var(--line);padding:12px 16px;color:var(--muted);font-size:14px}
table{border-collapse:collapse;width:100%;margin:8px 0 16px}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600}
td:first-child a{white-space:nowrap}
.totals{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0}
.totals li{border:1px solid var(--line);border-radius:6px;padding:8px 12px;min-width:110px}
.totals .n{display:block;font-size:24px;font-weight:700}
.status{display:inline-block;border-radius:4px;padding:0 6px;font-size:14px;white-space:nowrap;border:1px solid currentColor}
.status-met{color:#0a5c2b}.status-claimed{color:#5b3a91}.status-on_track{color:#0b4f9c}.status-due_soon{color:#8a4b00}
.status-overdue{color:#a3001b}.status-ongoing{color:#444}.status-rescheduled{color:#6b4e00}.status-dropped{color:#555}
.text{max-width:70ch}
.muted{color:var(--muted)}
.chart{width:100%;height:auto;max-width:900px}
.pager{display:flex;gap:16px;align-items:center}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:end;margin:8px 0}
.filters label{display:flex;flex-direction:column;font-size:14px}
ul.links{padding-left:20px}
`;
