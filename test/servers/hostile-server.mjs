// @ts-check
// Test server middleware that misbehaves on purpose, for test/hostile/network.test.ts.

/** @typedef {import('koa').Middleware} Middleware */
/** @typedef {{ requests: number, written: number, clientClosed: boolean }} HostileStats */

/**
 * A server that misbehaves on purpose, for test/hostile/network.test.ts: `GET /__hostile/<mode>/<id>`,
 * where <id> is the test's own name, and `GET /__hostile/stats/<id>` for what the server did for it
 * (requests, bytes written before the client went away, whether the client closed first). Modes:
 * hang, drip, status-<code>, loop (redirects forever), html, truncated, large (10 MB, declared),
 * endless, bad-utf8, no-cors (no Access-Control-Allow-Origin; ask for it cross-origin). Every
 * response that could outlive its client stops on the request's 'close'.
 * @returns {Middleware}
 */
export function hostileServer(prefix = '/__hostile/') {
  /** @type {Map<string, HostileStats>} */
  const stats = new Map();
  const MB = 1024 * 1024;
  return async (ctx, next) => {
    if (!ctx.path.startsWith(prefix)) return next();
    const [mode = '', id = 'anonymous'] = ctx.path.slice(prefix.length).split('/');
    if (mode === 'stats') {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = stats.get(id) ?? { requests: 0, written: 0, clientClosed: false };
      return;
    }
    const stat = stats.get(id) ?? { requests: 0, written: 0, clientClosed: false };
    stats.set(id, stat);
    stat.requests++;
    const { req, res } = ctx;
    ctx.respond = false; // this middleware writes the raw response itself
    ctx.status = 200; // for the runner's log only (it lists every 404)
    const cors = mode === 'no-cors' ? {} : { 'Access-Control-Allow-Origin': '*' };
    /** @type {(status: number, type: string, extra?: Record<string, string>) => unknown} */
    const head = (status, type, extra = {}) =>
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...cors, ...extra });
    // Resolves when the client goes away (or the response ends); stops whatever still writes.
    let stopped = false;
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const gone = new Promise(
      /** @param {(value?: void) => void} resolve */ (resolve) => {
        const stop = () => {
          if (stopped) return;
          stopped = true;
          clearTimeout(timer);
          if (!res.writableFinished) stat.clientClosed = true;
          resolve();
        };
        req.once('close', stop);
        res.once('close', stop);
      },
    );
    /** @param {number} ms */
    const sleep = (ms) => new Promise((r) => (timer = setTimeout(r, ms)));
    // Writes `chunk` every 5 ms (~12 MB/s, slower than a browser reads, so socket buffers stay
    // empty and `written` is close to what the client took) until it goes or `total` is out.
    /** @type {(chunk: Buffer, total?: number) => Promise<void>} */
    const pump = async (chunk, total = Infinity) => {
      while (!stopped && stat.written < total) {
        const part = total - stat.written < chunk.length ? chunk.subarray(0, total - stat.written) : chunk;
        stat.written += part.length;
        if (!res.write(part)) await Promise.race([new Promise((r) => res.once('drain', r)), gone]);
        await Promise.race([sleep(5), gone]);
      }
      if (!stopped) res.end();
    };
    const status = /^status-(\d{3})$/.exec(mode);
    if (mode === 'hang') {
      // Nothing, not even headers, until the client gives up.
    } else if (mode === 'drip') {
      head(200, 'application/json');
      const body = Buffer.from('{"version":1,"issuer":"http://localhost","dripping":"slowly"}');
      for (let i = 0; i < body.length && !stopped; i++) {
        res.write(body.subarray(i, i + 1));
        stat.written++;
        await Promise.race([sleep(250), gone]);
      }
      if (!stopped) res.end();
    } else if (status) {
      ctx.status = Number(status[1]);
      head(Number(status[1]), 'text/plain; charset=utf-8');
      res.end(`${status[1]}: the server says no`);
    } else if (mode === 'loop') {
      const hop = Number(ctx.query.hop ?? 0) + 1;
      res.writeHead(302, { Location: `${prefix}loop/${id}?hop=${hop}`, 'Cache-Control': 'no-store', ...cors });
      res.end();
    } else if (mode === 'html') {
      head(200, 'text/html; charset=utf-8');
      res.end('<!doctype html><title>Not found</title><p>Oops, this is a web page, not JSON.</p>');
    } else if (mode === 'truncated') {
      const body = Buffer.from('{"payload":"eyJ2ZXJzaW9uIjox","signatures":[{"protected":"');
      head(200, 'application/json', { 'Content-Length': String(body.length + 5000) });
      res.write(body);
      stat.written += body.length;
      await Promise.race([sleep(100), gone]);
      res.destroy(); // the connection drops with 5000 promised bytes missing
    } else if (mode === 'large' || mode === 'endless') {
      const total = mode === 'large' ? 10 * MB : Infinity;
      head(200, 'application/json', mode === 'large' ? { 'Content-Length': String(total) } : {});
      res.write('{"padding":"');
      stat.written += 12;
      await pump(Buffer.alloc(64 * 1024, 'a'), total);
    } else if (mode === 'bad-utf8') {
      const body = Buffer.concat([
        Buffer.from('{"payload":"'),
        Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
        Buffer.from('","signatures":[]}'),
      ]);
      head(200, 'application/json; charset=utf-8', { 'Content-Length': String(body.length) });
      res.end(body);
      stat.written += body.length;
    } else if (mode === 'no-cors') {
      head(200, 'application/json');
      res.end('{"payload":"e30","signatures":[]}');
    } else {
      head(400, 'text/plain; charset=utf-8');
      res.end(`unknown hostile mode "${mode}"`);
    }
    if (res.writableEnded || res.destroyed) stopped = true;
    if (!stopped) await gone;
  };
}
