/**
 * `npm start`: makes a throwaway demo key with the CLI, signs the demo documents with it for the
 * demo server's origin, publishes them (and tampered / expired variants) into .demo/public, and
 * serves the demo page with Vite.
 */
import path from 'node:path';
import { createServer } from 'vite';
import { freePort, prepareDemo, root } from './demo.js';

const port = await freePort(Number(process.env.PORT ?? 5173));
const origin = `http://localhost:${port}`;
await prepareDemo(origin);
const server = await createServer({ configFile: path.join(root, 'vite.config.ts'), server: { port, host: '127.0.0.1', strictPort: true } });
await server.listen();
console.log(`\nDemo: ${origin}/   partner page: ${origin}/partner.html   (Ctrl+C to stop)`);
