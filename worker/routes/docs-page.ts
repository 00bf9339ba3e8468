/**
 * A self-contained reader for the generated OpenAPI document: the service must stay usable with
 * no network beyond itself, so no hosted Swagger UI. Style and script are separate files because
 * the Content-Security-Policy allows no inline code.
 */
export const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pulse API</title>
<link rel="stylesheet" href="/api/v1/docs.css">
</head>
<body>
<h1>Pulse API</h1>
<p>Generated from the route definitions: <a href="/api/v1/openapi.json">openapi.json</a>.
Every error has the shape <code>{"error": {"code", "message", "details"}}</code>.</p>
<main id="operations">Loading…</main>
<script type="module" src="/api/v1/docs.js"></script>
</body>
</html>`;

export const DOCS_STYLE = `  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 0 auto; max-width: 60rem; padding: 1rem; line-height: 1.45; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
  details { border: 1px solid #8884; border-radius: .5rem; margin: .5rem 0; padding: .5rem .75rem; }
  summary { cursor: pointer; }
  .method { display: inline-block; min-width: 4rem; font-weight: 700; text-transform: uppercase; }
  code, pre { font-family: ui-monospace, monospace; font-size: .85rem; }
  pre { overflow: auto; background: #8881; padding: .5rem; border-radius: .25rem; }
`;

export const DOCS_SCRIPT = `  const main = document.getElementById('operations');
  const text = (tag, value, className) => {
    const node = document.createElement(tag);
    node.textContent = value;
    if (className) node.className = className;
    return node;
  };
  const response = await fetch('/api/v1/openapi.json');
  const spec = await response.json();
  main.textContent = '';
  const byTag = new Map();
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      const tag = (operation.tags ?? ['other'])[0];
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push({ path, method, operation });
    }
  }
  for (const [tag, operations] of byTag) {
    main.append(text('h2', tag));
    for (const { path, method, operation } of operations) {
      const details = document.createElement('details');
      const summary = document.createElement('summary');
      summary.append(text('span', method, 'method'), text('code', path), text('span', ' — ' + (operation.summary ?? '')));
      details.append(summary, text('pre', JSON.stringify({ parameters: operation.parameters, requestBody: operation.requestBody, responses: operation.responses }, null, 2)));
      main.append(details);
    }
  }
  main.append(text('h2', 'schemas'), text('pre', JSON.stringify(spec.components?.schemas ?? {}, null, 2)));
`;
