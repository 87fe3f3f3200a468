// The widget's own styles, inside its shadow root: nothing leaks out to the page, and the page's rules
// do not reach in. Only inherited properties cross (colour, font), and a page's !important rule on the
// element itself beats :host — so .frame sets them again for everything inside.
// Applied as a constructed stylesheet (adoptedStyleSheets), which a page's CSP style-src does not block.
export const WIDGET_CSS = `
:host { all: initial; display: block; position: relative; width: 100%; max-width: 100%; container-type: inline-size;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #0f172a; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.frame { color: #0f172a; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left; position: relative; width: 100%; height: var(--og-height, 480px); border: 1px solid #cbd5e1; border-radius: 8px;
  background: #f8fafc; overflow: hidden; }
.graph { position: absolute; inset: 0; }
.bar { position: absolute; top: 6px; left: 8px; right: 8px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap;
  pointer-events: none; font-size: 12px; }
.bar > * { pointer-events: auto; }
.bar .title { font-weight: 600; color: #0f172a; text-decoration: none; background: rgba(255,255,255,.85); padding: 2px 6px; border-radius: 4px;
  max-width: 70%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bar .title:hover { text-decoration: underline; }
.bar .meta { color: #475569; background: rgba(255,255,255,.85); padding: 2px 6px; border-radius: 4px; }
button { font: inherit; font-size: 12px; border: 1px solid #94a3b8; background: #fff; color: #0f172a; border-radius: 4px; padding: 3px 8px; cursor: pointer; }
button:hover { background: #f1f5f9; }
button:disabled { opacity: .6; cursor: default; }
.bar button { margin-left: auto; }
.message { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; padding: 24px; text-align: center;
  color: #334155; font-size: 15px; background: #f8fafc; }
.message.error { color: #991b1b; }
.message[hidden] { display: none; }
.note { position: absolute; left: 8px; right: 8px; bottom: 6px; font-size: 11px; color: #475569; pointer-events: none; text-align: right; }
details.legend { position: absolute; left: 8px; bottom: 6px; background: rgba(255,255,255,.92); border: 1px solid #e2e8f0; border-radius: 6px;
  padding: 4px 8px; font-size: 11px; max-width: calc(100% - 16px); }
details.legend summary { cursor: pointer; color: #334155; }
.legend ul { list-style: none; margin: 4px 0 0; padding: 0; display: grid; grid-template-columns: repeat(2, auto); gap: 2px 12px; }
.legend li { display: flex; align-items: center; gap: 6px; white-space: nowrap; }
.swatch { width: 12px; height: 12px; display: inline-block; }
.stroke { width: 24px; height: 0; border-top-width: 2px; display: inline-block; }
.panel { position: absolute; top: 34px; right: 8px; bottom: 8px; width: min(340px, 45%); overflow: auto; background: #fff; border: 1px solid #cbd5e1;
  border-radius: 8px; padding: 10px 12px; box-shadow: 0 4px 16px rgba(15,23,42,.12); font-size: 13px; }
.panel[hidden] { display: none; }
.panel h3 { font-size: 14px; margin: 0 28px 6px 0; line-height: 1.3; }
.panel .sub { color: #475569; margin: 0 0 6px; }
.panel .close { position: absolute; top: 6px; right: 6px; padding: 0 6px; }
.panel .badges { display: flex; flex-wrap: wrap; gap: 4px; margin: 4px 0 8px; }
.badge { font-size: 11px; border-radius: 10px; padding: 1px 8px; background: #e2e8f0; color: #0f172a; }
.badge.proposed { background: #ffedd5; color: #9a3412; }
.badge.inferred { background: #ede9fe; color: #5b21b6; }
.badge.presumed { background: #f1f5f9; color: #475569; border: 1px dashed #94a3b8; }
.panel dl { margin: 0 0 8px; display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; }
.panel dt { color: #475569; }
.panel dd { margin: 0; }
.panel h4 { font-size: 12px; margin: 10px 0 4px; text-transform: uppercase; letter-spacing: .04em; color: #475569; }
.source { border-top: 1px solid #e2e8f0; padding: 6px 0; }
.source a { color: #1d4ed8; }
.source .when { color: #64748b; font-size: 12px; }
blockquote { margin: 4px 0; padding: 4px 8px; border-left: 3px solid #94a3b8; background: #f8fafc; font-style: italic; }
.records { margin: 4px 0; padding-left: 16px; font-family: ui-monospace, monospace; font-size: 12px; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; margin-top: 8px; }
.actions a { color: #1d4ed8; }
@container (max-width: 560px) {
  .panel { top: auto; left: 6px; right: 6px; bottom: 6px; width: auto; max-height: 58%; }
  .legend ul { grid-template-columns: auto; }
  .bar .title { max-width: 60%; }
}
`;
