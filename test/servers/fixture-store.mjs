// @ts-check
// Test server middleware: files a test makes at run time, stored by PUT and served by GET.

/** @typedef {import('koa').Middleware} Middleware */

/**
 * Pages and files a test makes at run time (signed documents, key sets, HTML pages with their own
 * Content-Security-Policy): `PUT /__fixtures/<name>` stores the body, with the content type and an
 * optional `x-fixture-csp` header; `GET /__fixtures/<name>` serves it with those headers. Each
 * test uses names of its own, so the engines running side by side never collide.
 * @returns {Middleware}
 */
export function fixtureStore(prefix = '/__fixtures/') {
  /** @type {Map<string, { body: Buffer, type: string, csp: string }>} */
  const files = new Map();
  return async (ctx, next) => {
    if (!ctx.path.startsWith(prefix)) return next();
    if (ctx.method === 'PUT') {
      const chunks = [];
      for await (const chunk of ctx.req) chunks.push(chunk);
      files.set(ctx.path, {
        body: Buffer.concat(chunks),
        type: ctx.get('content-type') || 'application/octet-stream',
        csp: ctx.get('x-fixture-csp'),
      });
      ctx.status = 204;
      return;
    }
    const file = files.get(ctx.path);
    if (!file) {
      ctx.status = 404;
      ctx.body = `no fixture ${ctx.path}`;
      return;
    }
    ctx.status = 200;
    ctx.type = file.type;
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Access-Control-Allow-Origin', '*');
    if (file.csp) ctx.set('Content-Security-Policy', file.csp);
    ctx.body = file.body;
  };
}
