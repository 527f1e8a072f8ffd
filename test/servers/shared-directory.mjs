// @ts-check
// Test server middleware: a directory served read-only under a URL prefix (the shared test
// vectors in ../shared, at /shared/).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

/** @typedef {import('koa').Middleware} Middleware */

/** @type {Record<string, string>} */
const MIME = {
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jwk': 'application/jwk+json',
  '.pem': 'application/x-pem-file',
};

/**
 * Serves `dir` read-only under `prefix` (e.g. /shared/vectors/x.json -> <dir>/vectors/x.json).
 * @param {string} prefix
 * @param {string} dir
 * @returns {Middleware}
 */
export function serveDirectory(prefix, dir) {
  const root = path.resolve(dir);
  return async (ctx, next) => {
    if (!ctx.path.startsWith(prefix)) return next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      ctx.status = 405;
      ctx.set('Allow', 'GET, HEAD');
      return;
    }
    let rel;
    try {
      rel = decodeURIComponent(ctx.path.slice(prefix.length));
    } catch {
      ctx.status = 400;
      return;
    }
    const file = path.resolve(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) {
      ctx.status = 403;
      return;
    }
    let info;
    try {
      info = await stat(file);
    } catch {
      info = null;
    }
    if (!info?.isFile()) {
      ctx.status = 404;
      ctx.body = `not found: ${ctx.path}`;
      return;
    }
    ctx.status = 200;
    ctx.type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    ctx.length = info.size;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = ctx.method === 'HEAD' ? null : createReadStream(file);
  };
}
