// GET /widget/demo: a page that embeds the widget as a site would — the seed conference (an Event
// from seeds/) and a person with a career from the vi.wikipedia import (which `npm start` loads by
// default; without it that widget says the id is unknown, as it would on any site). With ?id=… it
// shows one entity full size: the page the widget's "open" links point to.
import { createHash } from 'node:crypto';
import type { Express, Request } from 'express';
import { WIDGET_DEMO_PATH, WIDGET_SCRIPT_PATH, WIDGET_TAG } from '../widget/protocol';

/** The seed conference (seeds/facts/): 10 April 2024, the internal-affairs emulation bloc. */
export const DEMO_CONFERENCE = 'event/2024-04-10-hoi-nghi-tong-ket-thi-dua-khoi-noi-chinh';
/** Tô Lâm (vi.wikipedia page 808289): posts from 2016 to 2024, a rank, Central Committee terms. */
export const DEMO_CAREER = 'person/to-lam';

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#0f172a}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.15rem;margin:2rem 0 .25rem}p{margin:.25rem 0 .75rem}
code,pre{background:#f1f5f9;border-radius:4px}code{padding:0 .3em}pre{padding:.75rem;overflow:auto;font-size:.85rem}nav a{margin-right:.75rem}`;
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** Same origin only, no inline script; the widget's styles are a constructed stylesheet, which style-src does not govern. */
export const DEMO_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src ${STYLE_HASH}`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const TEXT = {
  vi: {
    title: 'Tiện ích đồ thị officials-graph',
    intro: 'Nhúng đồ thị vào một trang web bằng một thẻ script và một phần tử:',
    conference: 'Hội nghị tổng kết thi đua Khối Nội chính, 10/4/2024',
    conferenceNote: 'Nhấn vào một cạnh để xem nguồn và trích dẫn; nét đứt là đề nghị (chưa được trao). Nhấn đúp vào một nút để mở rộng.',
    career: 'Một quá trình công tác: Tô Lâm',
    careerNote: 'Từ dữ liệu vi.wikipedia (npm start nạp mặc định; LOAD_WIKIPEDIA=false thì không có, và tiện ích báo mã không tồn tại).',
    docs: 'Hướng dẫn nhúng và bộ nhớ đệm: docs/widget.md.',
  },
  en: {
    title: 'The officials-graph widget',
    intro: 'Embed the graph in a web page with one script tag and one element:',
    conference: 'The internal-affairs emulation bloc’s review conference, 10 April 2024',
    conferenceNote: 'Click an edge for its sources and quotes; dashed lines are proposals (not conferred). Double-click a node to expand it.',
    career: 'A career: Tô Lâm',
    careerNote: 'From the vi.wikipedia data (npm start loads it by default; with LOAD_WIKIPEDIA=false it is absent and the widget says the id is unknown).',
    docs: 'Embedding and caching: docs/widget.md.',
  },
};

const widget = (id: string, lang: string, height: string) => `<${WIDGET_TAG} entity="${escapeHtml(id)}" lang="${lang}" height="${height}"></${WIDGET_TAG}>`;

function demoHtml(req: Request): string {
  const lang = req.query.lang === 'en' ? 'en' : 'vi';
  const t = TEXT[lang];
  const id = typeof req.query.id === 'string' && req.query.id.trim() ? req.query.id.trim() : null;
  const origin = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  const snippet = `<script src="${origin}${WIDGET_SCRIPT_PATH}" defer></script>\n${widget(id ?? DEMO_CONFERENCE, lang, '480')}`;
  const body = id
    ? `<h2>${escapeHtml(id)}</h2>\n${widget(id, lang, '75vh')}`
    : `<h2>${t.conference}</h2><p>${t.conferenceNote}</p>
${widget(DEMO_CONFERENCE, lang, '520')}
<h2>${t.career}</h2><p>${t.careerNote}</p>
${widget(DEMO_CAREER, lang, '520')}`;
  const self = (l: string) => `?${new URLSearchParams({ ...(id ? { id } : {}), lang: l }).toString()}`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
<script src="${WIDGET_SCRIPT_PATH}" defer></script>
</head>
<body>
<nav><a href="${escapeHtml(self('vi'))}" hreflang="vi">Tiếng Việt</a><a href="${escapeHtml(self('en'))}" hreflang="en">English</a><a href="${WIDGET_DEMO_PATH}">demo</a></nav>
<h1>${t.title}</h1>
<p>${t.intro}</p>
<pre><code>${escapeHtml(snippet)}</code></pre>
${body}
<p>${t.docs}</p>
</body>
</html>
`;
}

export function registerWidgetDemo(app: Express): void {
  app.get(WIDGET_DEMO_PATH, (req, res) => {
    res.setHeader('Content-Security-Policy', DEMO_CSP);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.type('html').send(demoHtml(req));
  });
}
