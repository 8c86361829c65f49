/**
 * Colours and spacing, in one place: TradingView's dark palette first, a light one too
 * (the screens follow the system's choice). Text colours keep WCAG AA contrast (4.5:1)
 * on both the page and the card background, field borders 3:1 (test/unit/components/
 * theme.test.ts checks every pair). The popup, the planner, the on-page panel's frame and
 * the element picker's shadow root all load `STYLES`.
 */
export const THEMES = {
  dark: {
    background: '#131722',
    panel: '#1e222d',
    border: '#363a45',
    field: '#6a6d78',
    text: '#d1d4dc',
    muted: '#9598a1',
    buy: '#22ab94',
    sell: '#f7525f',
    /** Button fills; `on-accent` is the text on them. */
    accent: '#2962ff',
    'on-accent': '#ffffff',
    /** Entry and target levels, links. */
    info: '#6d9cff',
    warn: '#f7a600',
  },
  light: {
    background: '#ffffff',
    panel: '#f0f3fa',
    border: '#d1d4dc',
    field: '#868993',
    text: '#131722',
    muted: '#5d606b',
    buy: '#007a6c',
    sell: '#cc2f3c',
    accent: '#1e53e5',
    'on-accent': '#ffffff',
    info: '#1e53e5',
    warn: '#945800',
  },
} as const;
export type ThemeName = keyof typeof THEMES;
export type ThemeColor = keyof (typeof THEMES)['dark'];

/** Text colours and the backgrounds they are read on; field borders against both backgrounds. */
export const TEXT_COLORS: readonly ThemeColor[] = ['text', 'muted', 'buy', 'sell', 'info', 'warn'];
export const SURFACE_COLORS: readonly ThemeColor[] = ['background', 'panel'];

function variables(theme: ThemeName): string {
  return Object.entries(THEMES[theme])
    .map(([name, value]) => `--tr-${name}:${value};`)
    .join('');
}

export const STYLES = `
.tr-root{${variables('dark')}color-scheme:dark;font:12px/1.45 -apple-system,BlinkMacSystemFont,"Trebuchet MS",Roboto,Ubuntu,sans-serif;color:var(--tr-text);background:var(--tr-background);}
@media (prefers-color-scheme: light){.tr-root.tr-auto{${variables('light')}color-scheme:light;}}
.tr-root.tr-light{${variables('light')}color-scheme:light;}
.tr-root *{box-sizing:border-box;}
.tr-header{display:flex;align-items:center;gap:8px;padding:8px 10px;border-bottom:1px solid var(--tr-border);}
.tr-header h1{font-size:13px;margin:0;flex:1;font-weight:600;}
.tr-card{background:var(--tr-panel);border:1px solid var(--tr-border);border-radius:6px;margin:8px;padding:8px 10px;}
.tr-card-head{display:flex;align-items:baseline;gap:6px;flex-wrap:wrap;}
.tr-name{color:var(--tr-muted);font-size:11px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;max-width:100%;}
.tr-symbol{font-size:15px;font-weight:700;}
.tr-side{font-size:11px;font-weight:700;text-transform:uppercase;padding:0 5px;border-radius:3px;}
.tr-long{color:var(--tr-buy);border:1px solid var(--tr-buy);}
.tr-short{color:var(--tr-sell);border:1px solid var(--tr-sell);}
.tr-status{margin-left:auto;font-size:11px;font-weight:600;text-transform:uppercase;letter-spacing:.02em;color:var(--tr-muted);}
.tr-status[data-status="active"]{color:var(--tr-buy);}
.tr-status[data-status="armed"]{color:var(--tr-info);}
.tr-status[data-status="paused"]{color:var(--tr-warn);}
.tr-quote{display:flex;align-items:baseline;gap:8px;flex-wrap:wrap;margin:2px 0;}
.tr-price{font-size:18px;font-weight:700;font-variant-numeric:tabular-nums;}
.tr-source{color:var(--tr-muted);font-size:11px;}
.tr-stale{color:var(--tr-warn);font-weight:700;}
.tr-stale-note{color:var(--tr-warn);font-size:11px;margin:2px 0 4px;}
.tr-diverged{color:var(--tr-warn);font-weight:700;margin:2px 0 4px;font-variant-numeric:tabular-nums;}
.tr-grid{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:6px 0;font-variant-numeric:tabular-nums;}
.tr-grid dt{color:var(--tr-muted);}
.tr-grid dd{margin:0;text-align:right;}
.tr-next{display:flex;flex-direction:column;gap:3px;margin:6px 0;}
.tr-next-title{color:var(--tr-muted);font-size:11px;margin:6px 0 2px;}
.tr-level{display:grid;grid-template-columns:minmax(72px,auto) 1fr auto;gap:8px;align-items:baseline;font-variant-numeric:tabular-nums;}
.tr-level-name{font-weight:600;white-space:nowrap;}
.tr-level-add .tr-level-name{color:var(--tr-buy);}
.tr-level-target .tr-level-name{color:var(--tr-info);}
.tr-level-stop .tr-level-name{color:var(--tr-sell);}
.tr-level-entry .tr-level-name{color:var(--tr-info);}
.tr-level-next{font-weight:700;}
.tr-distance{color:var(--tr-muted);text-align:right;white-space:nowrap;}
.tr-level-next .tr-distance{color:var(--tr-text);}
.tr-table{width:100%;border-collapse:collapse;font-variant-numeric:tabular-nums;margin-top:6px;}
.tr-table caption{text-align:left;color:var(--tr-muted);font-size:11px;padding-bottom:2px;}
.tr-table th{color:var(--tr-muted);font-weight:400;text-align:right;padding:1px 4px;border-bottom:1px solid var(--tr-border);}
.tr-table td{text-align:right;padding:1px 4px;}
.tr-table th:first-child,.tr-table td:first-child{text-align:left;}
.tr-st-filled{color:var(--tr-buy);}
.tr-st-triggered{color:var(--tr-warn);font-weight:700;}
.tr-st-skipped,.tr-st-cancelled,.tr-st-too-small{color:var(--tr-muted);text-decoration:line-through;}
.tr-waiting{border:1px solid var(--tr-warn);border-radius:6px;padding:6px 8px;margin:6px 0;}
.tr-waiting-title{color:var(--tr-warn);font-weight:700;margin-bottom:4px;}
.tr-form{display:flex;gap:6px;align-items:end;flex-wrap:wrap;}
.tr-form label{display:flex;flex-direction:column;gap:1px;font-size:11px;color:var(--tr-muted);flex:1 1 96px;}
.tr-form input{width:100%;}
.tr-form select,.tr-form textarea{width:100%;}
.tr-adjust{border-top:1px solid var(--tr-border);margin-top:8px;}
.tr-adjust .tr-actions .tr-button{padding:3px 7px;}
.tr-preview{border:1px solid var(--tr-info);border-radius:6px;padding:6px 8px;margin:6px 0;}
.tr-preview[data-status="needs-reason"]{border-color:var(--tr-warn);}
.tr-preview[data-status="refused"]{border-color:var(--tr-sell);}
.tr-preview-action{font-weight:700;margin-bottom:2px;}
.tr-changed td{font-weight:600;}
.tr-changed td:last-child{color:var(--tr-info);}
.tr-alerts.tr-changes li{white-space:normal;overflow:visible;}
.tr-heat{display:flex;gap:6px;align-items:center;flex-wrap:wrap;font-size:11px;margin:4px 8px;}
.tr-live-body{display:grid;grid-template-columns:minmax(0,1fr) 320px;gap:12px;align-items:start;}
.tr-live+.tr-live{border-top:1px solid var(--tr-border);margin-top:10px;padding-top:10px;}
.tr-root input:not([type]),.tr-root input[type="text"],.tr-root textarea{background:var(--tr-background);color:var(--tr-text);border:1px solid var(--tr-field);border-radius:4px;padding:3px 5px;font:inherit;}
.tr-root input[aria-invalid="true"],.tr-root textarea[aria-invalid="true"]{border-color:var(--tr-sell);}
.tr-error{color:var(--tr-sell);font-size:11px;width:100%;}
.tr-banner{margin:8px;padding:6px 10px;border-radius:6px;border:1px solid var(--tr-sell);color:var(--tr-sell);background:var(--tr-panel);}
.tr-notice{margin:8px;padding:6px 10px;border-radius:6px;border:1px solid var(--tr-border);background:var(--tr-panel);display:flex;gap:8px;align-items:center;}
.tr-button{background:var(--tr-panel);color:var(--tr-text);border:1px solid var(--tr-field);border-radius:4px;padding:4px 9px;font:inherit;cursor:pointer;}
.tr-button:hover{border-color:var(--tr-text);}
.tr-button:disabled{opacity:.6;cursor:default;}
.tr-root :focus-visible{outline:2px solid var(--tr-info);outline-offset:1px;}
.tr-primary{background:var(--tr-accent);border-color:var(--tr-accent);color:var(--tr-on-accent);font-weight:600;}
.tr-danger{color:var(--tr-sell);}
.tr-link{background:none;border:0;padding:0;color:var(--tr-info);font:inherit;cursor:pointer;text-decoration:underline;}
.tr-actions{display:flex;gap:6px;flex-wrap:wrap;margin-top:6px;}
.tr-alerts{list-style:none;margin:0;padding:0;color:var(--tr-muted);font-size:11px;}
.tr-subtitle{color:var(--tr-muted);font-size:11px;margin:8px 0 2px;font-weight:600;}
.tr-alerts li{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;}
.tr-key-line{color:var(--tr-muted);font-size:11px;margin-top:6px;}
.tr-key-title{font-weight:600;}
.tr-empty{padding:16px;text-align:center;color:var(--tr-muted);}
.tr-empty strong{display:block;color:var(--tr-text);font-size:14px;margin-bottom:6px;}
.tr-empty ol{text-align:left;margin:8px 0;padding-left:20px;}
.tr-muted{color:var(--tr-muted);}
.tr-warn{color:var(--tr-warn);}
.tr-check{display:inline-flex;gap:4px;align-items:center;cursor:pointer;}
.tr-check input{accent-color:var(--tr-accent);margin:0;}
.tr-highlight{border-color:var(--tr-info);box-shadow:0 0 0 1px var(--tr-info);}
.tr-visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;}
.tr-overlay{width:300px;border:1px solid var(--tr-border);border-radius:8px;overflow:hidden;}
.tr-overlay.tr-overlay-wide{width:340px;}
.tr-overlay .tr-card{margin:0;border:0;border-radius:0;}
.tr-overlay .tr-card+.tr-card{border-top:1px solid var(--tr-border);}
.tr-overlay .tr-header{padding:5px 6px 5px 10px;}
.tr-drag{cursor:move;user-select:none;touch-action:none;}
.tr-pill{display:inline-flex;gap:8px;align-items:center;white-space:nowrap;border-radius:16px;padding:5px 12px;border:1px solid var(--tr-field);color:var(--tr-text);background:var(--tr-background);font:inherit;font-weight:600;cursor:pointer;touch-action:none;}
.tr-pill-next{color:var(--tr-info);}
.tr-pill-act{border-color:var(--tr-warn);}
.tr-pill-act .tr-pill-next{color:var(--tr-warn);}
.tr-page{max-width:980px;margin:0 auto;padding:0 16px 32px;min-height:100vh;}
.tr-page h1{font-size:18px;}
.tr-page h2{font-size:14px;margin:0 0 8px;}
.tr-section{background:var(--tr-panel);border:1px solid var(--tr-border);border-radius:6px;padding:12px 14px;margin:12px 0;}
.tr-aside{border-color:var(--tr-warn);}
.tr-aside-list{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px;}
.tr-aside-item{border-top:1px solid var(--tr-border);padding-top:8px;display:flex;flex-direction:column;gap:2px;}
.tr-drop{border:1px dashed var(--tr-field);border-radius:6px;padding:12px;display:flex;flex-direction:column;gap:8px;}
.tr-drop-active{border-color:var(--tr-info);background:var(--tr-background);}
.tr-drop textarea{width:100%;min-height:72px;resize:vertical;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:11px;}
.tr-problems{margin:6px 0 0;padding-left:18px;color:var(--tr-sell);}
.tr-plans{width:100%;border-collapse:collapse;font-variant-numeric:tabular-nums;}
.tr-plans th{color:var(--tr-muted);font-weight:400;text-align:left;padding:4px 6px;border-bottom:1px solid var(--tr-border);}
.tr-plans td{padding:6px;border-bottom:1px solid var(--tr-border);vertical-align:middle;}
.tr-plans tr.tr-highlight td{background:var(--tr-background);}
.tr-badge{display:inline-block;border-radius:3px;padding:0 6px;font-size:11px;font-weight:700;text-transform:uppercase;border:1px solid currentColor;}
.tr-badge-draft{color:var(--tr-muted);}
.tr-badge-armed{color:var(--tr-info);}
.tr-badge-active{color:var(--tr-buy);}
.tr-badge-closed{color:var(--tr-muted);}
.tr-flag{color:var(--tr-warn);font-size:11px;margin-left:6px;}
.tr-meter{width:160px;height:10px;vertical-align:middle;}
.tr-meter::-webkit-meter-bar{background:var(--tr-background);border:1px solid var(--tr-field);border-radius:5px;}
.tr-meter::-webkit-meter-optimum-value{background:var(--tr-accent);border-radius:5px;}
.tr-meter::-moz-meter-bar{background:var(--tr-accent);}
.tr-tabs{display:flex;gap:4px;align-items:stretch;padding:0 16px;border-bottom:1px solid var(--tr-border);background:var(--tr-panel);}
.tr-tabs-brand{font-size:14px;padding:10px 12px 10px 0;}
.tr-tab{background:none;border:0;border-bottom:2px solid transparent;color:var(--tr-muted);font:inherit;font-size:13px;padding:10px 12px;cursor:pointer;}
.tr-tab[aria-selected="true"]{color:var(--tr-text);border-bottom-color:var(--tr-accent);font-weight:600;}
.tr-page.tr-page-wide{max-width:1240px;}
.tr-root [hidden]{display:none !important;}
.tr-editor{display:block;width:100%;min-height:260px;resize:vertical;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;margin-top:8px;}
.tr-root select{background:var(--tr-background);color:var(--tr-text);border:1px solid var(--tr-field);border-radius:4px;padding:3px 5px;font:inherit;}
.tr-ok{color:var(--tr-buy);font-weight:600;}
.tr-buy{color:var(--tr-buy);}
.tr-sell{color:var(--tr-sell);}
.tr-info{color:var(--tr-info);}
.tr-stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(130px,1fr));gap:8px;margin:10px 0;}
.tr-stats div{background:var(--tr-background);border:1px solid var(--tr-border);border-radius:6px;padding:6px 10px;}
.tr-stats dt{color:var(--tr-muted);font-size:11px;}
.tr-stats dd{margin:0;font-size:16px;font-weight:700;font-variant-numeric:tabular-nums;}
.tr-charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(360px,1fr));gap:12px;}
.tr-charts figure{margin:0;}
.tr-charts figcaption{color:var(--tr-muted);font-size:11px;margin-bottom:2px;}
.tr-chart{width:100%;border:1px solid var(--tr-border);border-radius:4px;overflow:hidden;}
.tr-table th[scope="row"]{text-align:left;font-weight:600;color:var(--tr-text);border-bottom:0;}
.tr-table th.tr-buy{color:var(--tr-buy);}
.tr-table th.tr-sell{color:var(--tr-sell);}
.tr-table tbody tr:nth-child(even) td,.tr-table tbody tr:nth-child(even) th{background:var(--tr-background);}
.tr-plan-form{display:flex;flex-direction:column;gap:10px;margin:12px 0;}
.tr-fieldset{border:1px solid var(--tr-border);border-radius:6px;padding:6px 12px 10px;margin:0;background:var(--tr-panel);min-width:0;}
.tr-fieldset legend{font-weight:600;font-size:13px;padding:0 4px;}
.tr-fields{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:flex-start;}
.tr-field{display:flex;flex-direction:column;gap:2px;flex:1 1 130px;min-width:110px;max-width:240px;}
.tr-field>label,.tr-field>span:first-child{font-size:11px;color:var(--tr-muted);}
.tr-field-wide{flex-basis:220px;max-width:none;}
.tr-hint{font-size:11px;color:var(--tr-muted);}
.tr-field-error{font-size:11px;}
.tr-measure-inputs{display:flex;gap:4px;}
.tr-measure-inputs input{flex:1 1 60px;min-width:0;}
.tr-rows{display:flex;flex-direction:column;gap:6px;width:100%;align-items:flex-start;}
.tr-rows-empty{margin:0;}
.tr-row{display:flex;flex-wrap:wrap;gap:6px 12px;align-items:flex-start;align-self:stretch;padding:6px 8px;border:1px solid var(--tr-border);border-radius:4px;background:var(--tr-background);}
.tr-row-title{font-weight:600;min-width:58px;padding-top:17px;}
.tr-row .tr-field{max-width:280px;}
.tr-row-remove{align-self:center;margin-left:auto;}
.tr-help{display:inline-block;width:16px;height:16px;line-height:14px;text-align:center;border-radius:50%;border:1px solid var(--tr-field);color:var(--tr-info);font-size:11px;text-decoration:none;font-weight:600;vertical-align:1px;}
.tr-note{margin:4px 0 0;color:var(--tr-text);width:100%;}
.tr-designer-grid{display:grid;grid-template-columns:minmax(0,11fr) minmax(0,10fr);gap:12px;align-items:start;}
.tr-designer-side{position:sticky;top:0;}
.tr-designer-side .tr-section:first-child{margin-top:12px;}
@media (max-width:1000px){.tr-designer-grid{grid-template-columns:minmax(0,1fr);}.tr-designer-side{position:static;}}
.tr-advanced,.tr-signal-box{margin-top:8px;}
.tr-advanced>summary,.tr-signal-box>summary{cursor:pointer;color:var(--tr-info);font-weight:600;}
.tr-signal{display:flex;flex-direction:column;gap:8px;margin-top:6px;max-width:760px;}
.tr-signal>.tr-field{flex:none;max-width:none;}
.tr-signal-text{width:100%;min-height:110px;resize:vertical;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;}
.tr-templates{list-style:none;margin:6px 0 0;padding:0;display:flex;gap:4px 14px;flex-wrap:wrap;color:var(--tr-muted);}
.tr-root input[type="datetime-local"]{background:var(--tr-background);color:var(--tr-text);border:1px solid var(--tr-field);border-radius:4px;padding:2px 5px;font:inherit;}
.tr-doc{max-width:820px;font-size:13px;line-height:1.55;padding:8px 0 40px;}
.tr-doc h1{font-size:22px;}
.tr-doc h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid var(--tr-border);padding-bottom:4px;}
.tr-doc h3{font-size:14px;margin:20px 0 6px;}
.tr-doc h2:target,.tr-doc h3:target{color:var(--tr-info);}
.tr-doc a{color:var(--tr-info);}
.tr-doc code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;background:var(--tr-panel);border-radius:3px;padding:0 3px;}
.tr-doc pre{background:var(--tr-panel);border:1px solid var(--tr-border);border-radius:6px;padding:8px 10px;overflow-x:auto;}
.tr-doc pre code{background:none;padding:0;}
.tr-doc .tr-table td,.tr-doc .tr-table th{text-align:left;vertical-align:top;padding:3px 6px;}
.tr-quick-body{padding:8px 10px 10px;display:flex;flex-direction:column;gap:8px;}
.tr-quick-body .tr-field{flex:1 1 120px;min-width:100px;}
.tr-quick-price{color:var(--tr-text);font-variant-numeric:tabular-nums;}
.tr-segmented{display:flex;gap:0;border:1px solid var(--tr-field);border-radius:4px;overflow:hidden;align-self:flex-start;}
.tr-segment{padding:4px 18px;cursor:pointer;font-weight:600;color:var(--tr-muted);}
.tr-segment input{position:absolute;opacity:0;pointer-events:none;}
.tr-segment:focus-within{outline:2px solid var(--tr-info);outline-offset:-2px;}
.tr-segment-on.tr-long{background:var(--tr-buy);color:var(--tr-on-accent);}
.tr-segment-on.tr-short{background:var(--tr-sell);color:var(--tr-on-accent);}
.tr-quick-steps>summary{cursor:pointer;font-size:11px;}
.tr-quick-steps .tr-fields{margin-top:6px;}
.tr-quick .tr-risk{font-size:11px;}
.tr-plan-here{margin:8px;display:flex;}
.tr-plan-here .tr-button{flex:1;}
`;
