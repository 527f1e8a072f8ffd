/**
 * The bench's own HTTP server on 127.0.0.1 (a free port), serving from memory and counting the
 * requests for each path: the pages, the bundles, the signed documents and their JWKS.
 */
import { createServer, type Server } from 'node:http';

export interface Route {
  type: string;
  body: string | Uint8Array;
  /** Milliseconds to wait before answering: a slower network, for the layout-shift pages. */
  delayMs?: number;
}

export class BenchServer {
  private readonly routes = new Map<string, Route>();
  private readonly counts = new Map<string, number>();
  private server?: Server;
  origin = '';

  /** Serves `body` at `path` (the query string is ignored, so `?run=3` bypasses the page's cache). */
  set(path: string, type: string, body: string | Uint8Array, delayMs = 0): this {
    this.routes.set(path, { type, body, delayMs });
    return this;
  }

  /** Requests for `path` (any query) since the last reset. */
  count(path: string): number {
    return this.counts.get(path) ?? 0;
  }

  resetCounts(): void {
    this.counts.clear();
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      this.counts.set(path, (this.counts.get(path) ?? 0) + 1);
      const route = this.routes.get(path);
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const answer = () => res.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store' }).end(route.body);
      if (route.delayMs) setTimeout(answer, route.delayMs);
      else answer();
    });
    this.server.listen(0, '127.0.0.1');
    await new Promise((resolve) => this.server!.once('listening', resolve));
    const { port } = this.server.address() as { port: number };
    this.origin = `http://127.0.0.1:${port}`;
    return this.origin;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    this.server = undefined;
  }
}
