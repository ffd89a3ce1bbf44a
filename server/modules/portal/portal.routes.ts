import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { PortalSearchQuery } from '../../../contracts/portal';
import { notFound } from '../../core/errors';
import type { AppDeps } from '../../core/http';
import { publicResource, publicResources, publicSearch, publicTenants } from '../resources';
import { directoryFor, publicBase } from './context';
import { FONT_DIR, portalStylesheet } from './layout';
import {
  areaPage,
  asksSomething,
  homePage,
  mapPage,
  PER_PAGE,
  resolveArea,
  resourcePage,
  searchPage,
  tenantsPage,
} from './pages/pages';

/** Pages and assets under /t: the public portal of each tenant. */
export function portalRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  // Pages and the stylesheet (most of it the font's character ranges) travel compressed.
  app.use('*', compress());

  app.get('/assets/portal.css', (c) =>
    c.body(portalStylesheet().css, 200, {
      'content-type': 'text/css; charset=utf-8',
      // The link carries the content hash, so a cached copy is never stale.
      'cache-control': 'public, max-age=31536000, immutable',
    }),
  );
  app.get('/assets/fonts/:file', (c) => {
    const file = c.req.param('file');
    if (!/^noto-sans-jp-[\w-]+\.woff2?$/.test(file)) throw notFound('ファイル');
    const full = path.join(FONT_DIR, file);
    if (!existsSync(full)) throw notFound('ファイル');
    return c.body(Readable.toWeb(createReadStream(full)) as ReadableStream, 200, {
      'content-type': file.endsWith('.woff2') ? 'font/woff2' : 'font/woff',
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });

  app.get('/', async (c) => c.html(await tenantsPage(await publicTenants(publicBase(deps)))));

  app.get('/:tenant', async (c) => c.html(await homePage(await directoryFor(c, deps))));

  app.get('/:tenant/search', async (c) => {
    const dir = await directoryFor(c, deps);
    // Every field falls back to "not given" when it makes no sense: absurd query strings are ignored.
    const q = PortalSearchQuery.parse(c.req.query());
    const { area, placeNotFound } = resolveArea(dir, q);
    const result = asksSomething(q)
      ? await publicSearch(dir, {
          text: q.q,
          group: q.group,
          category: q.category,
          area: area?.id,
          weekday: q.when !== undefined && q.when !== 'this-week' ? Number(q.when) : undefined,
          thisWeek: q.when === 'this-week',
          free: q.free === '1',
          page: q.page,
          perPage: PER_PAGE,
        })
      : { total: 0, items: [] };
    return c.html(await searchPage(dir, { q, area, placeNotFound, ...result }));
  });

  app.get('/:tenant/r/:id', async (c) => {
    const dir = await directoryFor(c, deps);
    return c.html(await resourcePage(dir, await publicResource(dir, c.req.param('id'))));
  });

  app.get('/:tenant/areas/:areaId', async (c) => {
    const dir = await directoryFor(c, deps);
    const area = dir.areas.find((a) => a.id === c.req.param('areaId'));
    if (!area) throw notFound('地区');
    return c.html(await areaPage(dir, area, await publicResources(dir, { area: area.id })));
  });

  app.get('/:tenant/map', async (c) => {
    const dir = await directoryFor(c, deps);
    const items = await publicResources(dir);
    return c.html(await mapPage(dir, items, mapScript(deps.config.webDist), deps.config.tiles));
  });

  return app;
}

/**
 * The map page's one script (MapLibre, built by Vite with the workspace). Without a build the page
 * still shows the drawn map and the list; the script only adds panning and zooming.
 */
let manifestCache: { mtime: number; entry: { js: string; css: string[] } | null } | undefined;
function mapScript(webDist: string): { js: string; css: string[] } | null {
  const file = path.join(webDist, '.vite/manifest.json');
  if (!existsSync(file)) return null;
  const mtime = statSync(file).mtimeMs;
  if (manifestCache?.mtime !== mtime) {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<
      string,
      { file: string; css?: string[]; imports?: string[] }
    >;
    // Stylesheets belong to the chunks the entry imports (MapLibre's own CSS among them).
    const css = new Set<string>();
    const walk = (key: string, seen: Set<string>) => {
      if (seen.has(key) || !manifest[key]) return;
      seen.add(key);
      for (const c of manifest[key].css ?? []) css.add(`/app/${c}`);
      for (const i of manifest[key].imports ?? []) walk(i, seen);
    };
    const entry = manifest['portal-map.tsx'];
    if (entry) walk('portal-map.tsx', new Set());
    manifestCache = { mtime, entry: entry ? { js: `/app/${entry.file}`, css: [...css] } : null };
  }
  return manifestCache.entry;
}
