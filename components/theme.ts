/**
 * Colours and spacing, in one place: TradingView's dark palette first, a light one too.
 * Components use the CSS variables; the popup and the overlay's shadow root both load
 * `STYLES`, so the overlay looks the same and the page's CSS never reaches it.
 */
export const THEMES = {
  dark: {
    background: '#131722',
    panel: '#1e222d',
    border: '#2a2e39',
    text: '#d1d4dc',
    muted: '#868993',
    buy: '#089981',
    sell: '#f23645',
    accent: '#2962ff',
    warn: '#f7a600',
  },
  light: {
    background: '#ffffff',
    panel: '#f0f3fa',
    border: '#e0e3eb',
    text: '#131722',
    muted: '#5d606b',
    buy: '#007a6c',
    sell: '#cc2f3c',
    accent: '#2962ff',
    warn: '#b26b00',
  },
} as const;
export type ThemeName = keyof typeof THEMES;

function variables(theme: ThemeName): string {
  return Object.entries(THEMES[theme])
    .map(([name, value]) => `--tr-${name}:${value};`)
    .join('');
}

export const STYLES = `
.tr-root{${variables('dark')}font:12px/1.4 -apple-system,BlinkMacSystemFont,"Trebuchet MS",Roboto,Ubuntu,sans-serif;color:var(--tr-text);background:var(--tr-background);}
@media (prefers-color-scheme: light){.tr-root.tr-auto{${variables('light')}}}
.tr-root.tr-light{${variables('light')}}
.tr-root *{box-sizing:border-box;}
.tr-header{display:flex;align-items:center;gap:8px;padding:8px 10px;border-bottom:1px solid var(--tr-border);}
.tr-header h1{font-size:13px;margin:0;flex:1;font-weight:600;}
.tr-card{background:var(--tr-panel);border:1px solid var(--tr-border);border-radius:6px;margin:8px;padding:8px 10px;}
.tr-card-head{display:flex;align-items:baseline;gap:6px;}
.tr-symbol{font-size:15px;font-weight:700;}
.tr-side{font-size:11px;font-weight:700;text-transform:uppercase;padding:1px 5px;border-radius:3px;}
.tr-long{color:var(--tr-buy);border:1px solid var(--tr-buy);}
.tr-short{color:var(--tr-sell);border:1px solid var(--tr-sell);}
.tr-status{margin-left:auto;color:var(--tr-muted);font-size:11px;}
.tr-price{font-size:18px;font-weight:700;font-variant-numeric:tabular-nums;}
.tr-source{color:var(--tr-muted);font-size:11px;}
.tr-stale{color:var(--tr-warn);font-weight:700;}
.tr-grid{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:6px 0;font-variant-numeric:tabular-nums;}
.tr-grid dt{color:var(--tr-muted);}
.tr-grid dd{margin:0;text-align:right;}
.tr-next{display:flex;flex-direction:column;gap:3px;margin:6px 0;}
.tr-level{display:grid;grid-template-columns:64px 1fr auto;gap:6px;align-items:baseline;font-variant-numeric:tabular-nums;}
.tr-level-name{font-weight:600;}
.tr-level-add .tr-level-name{color:var(--tr-buy);}
.tr-level-target .tr-level-name{color:var(--tr-accent);}
.tr-level-stop .tr-level-name{color:var(--tr-sell);}
.tr-level-entry .tr-level-name{color:var(--tr-accent);}
.tr-distance{color:var(--tr-muted);text-align:right;}
.tr-table{width:100%;border-collapse:collapse;font-variant-numeric:tabular-nums;margin-top:6px;}
.tr-table th{color:var(--tr-muted);font-weight:400;text-align:right;padding:1px 4px;border-bottom:1px solid var(--tr-border);}
.tr-table td{text-align:right;padding:1px 4px;}
.tr-table th:first-child,.tr-table td:first-child{text-align:left;}
.tr-st-filled{color:var(--tr-buy);}
.tr-st-triggered{color:var(--tr-warn);font-weight:700;}
.tr-st-skipped,.tr-st-cancelled,.tr-st-too-small{color:var(--tr-muted);text-decoration:line-through;}
.tr-waiting{border:1px solid var(--tr-warn);border-radius:6px;padding:6px 8px;margin:6px 0;}
.tr-waiting-title{color:var(--tr-warn);font-weight:700;margin-bottom:4px;}
.tr-form{display:flex;gap:6px;align-items:end;flex-wrap:wrap;}
.tr-form label{display:flex;flex-direction:column;font-size:11px;color:var(--tr-muted);}
.tr-form input{width:96px;background:var(--tr-background);color:var(--tr-text);border:1px solid var(--tr-border);border-radius:4px;padding:3px 5px;font:inherit;}
.tr-form input[aria-invalid="true"]{border-color:var(--tr-sell);}
.tr-error{color:var(--tr-sell);font-size:11px;width:100%;}
.tr-button{background:var(--tr-panel);color:var(--tr-text);border:1px solid var(--tr-border);border-radius:4px;padding:4px 9px;font:inherit;cursor:pointer;}
.tr-button:hover{border-color:var(--tr-muted);}
.tr-button:focus-visible,.tr-form input:focus-visible{outline:2px solid var(--tr-accent);outline-offset:1px;}
.tr-primary{background:var(--tr-accent);border-color:var(--tr-accent);color:#fff;font-weight:600;}
.tr-actions{display:flex;gap:6px;flex-wrap:wrap;margin-top:6px;}
.tr-alerts{list-style:none;margin:6px 0 0;padding:0;color:var(--tr-muted);font-size:11px;}
.tr-alerts li{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;}
.tr-empty{padding:16px;text-align:center;color:var(--tr-muted);}
.tr-empty strong{display:block;color:var(--tr-text);font-size:14px;margin-bottom:6px;}
.tr-muted{color:var(--tr-muted);}
.tr-overlay{width:280px;border:1px solid var(--tr-border);border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.4);overflow:hidden;}
.tr-overlay .tr-card{margin:0;border:0;border-radius:0;}
.tr-drag{cursor:move;user-select:none;}
.tr-pill{display:inline-flex;gap:6px;align-items:center;border-radius:14px;padding:4px 10px;border:1px solid var(--tr-border);cursor:pointer;font-weight:600;box-shadow:0 2px 8px rgba(0,0,0,.4);}
`;
