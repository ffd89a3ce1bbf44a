import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import swaggerUi from 'swagger-ui-dist';
import type { Config } from './core/config';
import type { Database } from './core/db';
import { notFound } from './core/errors';
import {
  type AppDeps,
  type AppEnv,
  apiMiddleware,
  errorResponse,
  mountRoutes,
  type RouteDef,
} from './core/http';
import { RateLimiter } from './core/rate-limit';
import { DEMO_ACCOUNTS } from './db/seed/demo-accounts';
import { accountsRoutes } from './modules/accounts';
import { activitiesRoutes } from './modules/activities';
import { areasRoutes } from './modules/areas';
import { councilsRoutes } from './modules/councils';
import { coursesRoutes, helpersRoutes } from './modules/helpers';
import { matchingRoutes } from './modules/matching';
import { needsRoutes } from './modules/needs';
import { networkRoutes } from './modules/network';
import { opendataRoutes } from './modules/opendata';
import { pointsRoutes } from './modules/points';
import { portalError, portalRoutes } from './modules/portal';
import { printRoutes } from './modules/print';
import { residentsRoutes } from './modules/residents';
import { hsdsRoutes, resourcesRoutes } from './modules/resources';
import { surveysRoutes } from './modules/surveys';
import { tenantsRoutes } from './modules/tenants';

/** Every route of every module; the access test walks this list. */
export const allRoutes: RouteDef[] = [
  ...accountsRoutes,
  ...tenantsRoutes,
  ...areasRoutes,
  ...resourcesRoutes,
  ...hsdsRoutes,
  ...residentsRoutes,
  ...needsRoutes,
  ...surveysRoutes,
  ...helpersRoutes,
  ...matchingRoutes,
  ...councilsRoutes,
  ...activitiesRoutes,
  ...networkRoutes,
  ...coursesRoutes,
  ...pointsRoutes,
];

export interface CreateAppOptions {
  database: Database;
  config: Config;
  /** Injected clock: tests move time forward to expire sessions. */
  now?: () => Date;
}

export function createApp(opts: CreateAppOptions) {
  const now = opts.now ?? (() => new Date());
  const deps: AppDeps = {
    database: opts.database,
    config: opts.config,
    now,
    limiters: {
      // 10 failures per account or 50 per address in 15 minutes, then a pause.
      loginByAccount: new RateLimiter(10, 15 * 60_000, now),
      loginByAddress: new RateLimiter(50, 15 * 60_000, now),
    },
    demoAccounts: opts.config.demo ? DEMO_ACCOUNTS : [],
  };
  const app = new OpenAPIHono<AppEnv>();
  // Public pages answer errors with pages; everything else with the one JSON shape.
  app.onError((err, c) => (c.req.path.startsWith('/t/') ? portalError(err, c, deps) : errorResponse(err, c)));

  app.get('/api/health', (c) => c.json({ ok: true }));
  app.use('/api/*', apiMiddleware(deps));
  mountRoutes(app, allRoutes, deps);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'sasaeai_session',
    description: 'ログインで受け取るセッションクッキー。変更を伴う要求には X-CSRF-Token ヘッダーも必要です。',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'ささえあい API',
      version: '0.1.0',
      description:
        '生活支援体制整備事業のための作業基盤の API。エラーはすべて同じ形（ApiError）で、日本語のメッセージを返します。',
    },
  });
  mountApiReference(app);
  app.all('/api/*', () => {
    throw notFound('API');
  });

  mountPortal(app, deps);
  mountWorkspace(app, opts.config);
  return { app, deps };
}

/** The public portal, its printed matter and open data, all under /t/{団体コード}. */
function mountPortal(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.route('/t', portalRoutes(deps));
  app.route('/t', printRoutes(deps));
  app.route('/t', opendataRoutes(deps));
  app.get('/t/', (c) => c.redirect('/t', 301));
  app.all('/t/*', () => {
    throw notFound('お探しのページ');
  });
}

/** Swagger UI from the npm package: no CDN, works on LGWAN. */
function mountApiReference(app: OpenAPIHono<AppEnv>) {
  const assets = swaggerUi.getAbsoluteFSPath();
  const files: Record<string, string> = {
    'swagger-ui.css': 'text/css; charset=utf-8',
    'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  };
  app.get('/api/docs', (c) =>
    c.html(`<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ささえあい API リファレンス</title><link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><noscript><p>このページの表示には JavaScript が必要です。仕様は <a href="/api/openapi.json">/api/openapi.json</a> で読めます。</p></noscript>
<div id="ui"></div><script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`),
  );
  app.get('/api/docs/init.js', (c) =>
    c.body(
      "SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui', validatorUrl: null, deepLinking: true });",
      200,
      { 'content-type': 'text/javascript; charset=utf-8' },
    ),
  );
  for (const [file, type] of Object.entries(files)) {
    const body = readFileSync(path.join(assets, file));
    app.get(`/api/docs/${file}`, (c) =>
      c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' }),
    );
  }
}

/** The built React workspace under /app, with client-side routes falling back to index.html. */
function mountWorkspace(app: OpenAPIHono<AppEnv>, config: Config) {
  app.get('/', (c) => c.redirect('/app/'));
  const index = path.join(config.webDist, 'index.html');
  if (existsSync(config.webDist)) {
    app.use(
      '/app/assets/*',
      serveStatic({
        root: path.relative(process.cwd(), config.webDist),
        rewriteRequestPath: (p) => p.replace(/^\/app/, ''),
        // File names carry a content hash, so they never change.
        onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
      }),
    );
  }
  // Kept in memory, and read again when a new build replaces it (its assets are renamed then).
  let cached: { mtime: number; html: string } | undefined;
  app.get('/app/*', (c) => {
    if (!existsSync(index)) {
      return c.html(
        '<!doctype html><html lang="ja"><meta charset="utf-8"><title>ささえあい</title><p>画面がまだ作られていません。<code>npm run build</code> を実行してください。</p></html>',
        503,
      );
    }
    const mtime = statSync(index).mtimeMs;
    if (cached?.mtime !== mtime) cached = { mtime, html: readFileSync(index, 'utf8') };
    return c.html(cached.html);
  });
}
