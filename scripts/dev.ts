import { spawn } from 'node:child_process';
import { createServer } from 'vite';

/*
 * `npm run dev`: the API (restarted on change, demo town, port 3001) and the Vite dev server for
 * the workspace (hot reload, /api proxied to 3001). Open the address Vite prints, path /app/.
 */
const api = spawn(
  'npx',
  ['tsx', 'watch', '--clear-screen=false', 'bin/sasaeai.mjs', 'serve', '--demo', '--port', '3001'],
  {
    stdio: 'inherit',
    env: { ...process.env, SASAEAI_DATA_DIR: process.env.SASAEAI_DATA_DIR ?? 'data/dev' },
  },
);
const vite = await createServer({ configFile: 'vite.config.ts' });
await vite.listen();
vite.printUrls();

const stop = async () => {
  api.kill('SIGTERM');
  await vite.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
