// A page on another origin that embeds the widget, as a site would: one script tag from the API and
// one <officials-graph> element per `entity` query parameter (other parameters become its attributes).
// Its CSP allows scripts and reads from the API only and no inline style, and its stylesheet tries to
// restyle everything — the widget must draw, and keep its looks, regardless.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The host page's stylesheet: hostile to anything it can reach, and it declares a .panel of its own. */
const HOST_CSS = `* { color: rgb(255, 0, 0) !important; font-family: monospace !important; }
.panel { border: 7px solid rgb(0, 128, 0); }`;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function hostPage(api: string, params: URLSearchParams): string {
  const attrs = [...params].map(([k, v]) => `${k}="${escape(v)}"`).join(' ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A newsroom page</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/host.css">
<script src="${api}/widget/v1/officials-graph.js" defer></script>
</head>
<body>
<div class="panel">The host page's own panel</div>
<officials-graph ${attrs}></officials-graph>
</body>
</html>`;
}

export interface HostServer {
  url: string;
  close(): Promise<void>;
}

/** `connect`: further origins the page lets the widget read (e.g. a closed port, to see the widget's message). */
export async function startHostServer(api: string, connect: string[] = []): Promise<HostServer> {
  const csp = `default-src 'none'; script-src ${api}; connect-src ${[api, ...connect].join(' ')}; style-src 'self'; img-src data:; base-uri 'none'`;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname === '/host.css') {
      res.writeHead(200, { 'content-type': 'text/css' }).end(HOST_CSS);
      return;
    }
    if (url.pathname !== '/') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp, 'cache-control': 'no-store' });
    res.end(hostPage(api, url.searchParams));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
