import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import type { AppDeps } from '../../core/http';
import { FONT_DIR, portalStylesheet } from './layout';

/** Pages and assets under /t: the public portal of each tenant. */
export function portalRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/assets/portal.css', (c) =>
    c.body(portalStylesheet().css, 200, {
      'content-type': 'text/css; charset=utf-8',
      // The link carries the content hash, so a cached copy is never stale.
      'cache-control': 'public, max-age=31536000, immutable',
    }),
  );
  app.get('/assets/fonts/:file', (c) => {
    const file = c.req.param('file');
    if (!/^noto-sans-jp-[\w-]+\.woff2?$/.test(file)) return c.notFound();
    const full = path.join(FONT_DIR, file);
    if (!existsSync(full)) return c.notFound();
    return c.body(Readable.toWeb(createReadStream(full)) as ReadableStream, 200, {
      'content-type': file.endsWith('.woff2') ? 'font/woff2' : 'font/woff',
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });

  void deps;
  return app;
}
