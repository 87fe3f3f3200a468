// Where the widget's links go. Pure (no DOM): the unit tests run it in Node.

/** Only http(s) URLs become links: a javascript: or data: URL in the data must never run. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * The link back to an entity: the page's `entity-href` template with `{id}` replaced (URL-encoded),
 * else the API's own page for it (the demo page showing that one entity). A template that does not
 * make an http(s) URL gives no link.
 */
export function entityHref(id: string, template: string | null, fallback: { endpoint: string; demoPath: string; lang: string }): string | null {
  if (template) return safeHref(template.replaceAll('{id}', encodeURIComponent(id)));
  return `${fallback.endpoint}${fallback.demoPath}?id=${encodeURIComponent(id)}&lang=${fallback.lang}`;
}
