import { randomUUID } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import {
  ApiErrorBody,
  type Endpoint,
  type EndpointInput,
  type EndpointResult,
  type FileResponse,
  toFieldErrors,
} from '../../contracts/http';
import { membershipIn } from './access';
import { loadSession, SESSION_COOKIE } from './auth';
import type { Config } from './config';
import type { Actor, BaseContext, TenantContext } from './context';
import type { Database } from './db';
import { AppError, badRequest, forbidden, notFound, unauthenticated, validationFailed } from './errors';
import type { RateLimiter } from './rate-limit';

/** Long-lived things a handler may need besides the database. */
export interface AppDeps {
  database: Database;
  config: Config;
  now: () => Date;
  limiters: { loginByAccount: RateLimiter; loginByAddress: RateLimiter };
  /** Listed on the login page in demo mode. */
  demoAccounts: { email: string; password: string; label: string; description: string }[];
}

export interface AppEnv {
  Variables: {
    requestId: string;
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
  };
}

/** Request facts and cookie control a thin route handler may need. */
export interface RequestExtras {
  deps: AppDeps;
  http: {
    ip: string;
    userAgent: string | null;
    sessionId: string | null;
    csrfToken: string | null;
    sessionToken: string | null;
    setSessionCookie(token: string, expires: Date): void;
    clearSessionCookie(): void;
  };
}

export type PublicContext = Omit<BaseContext, 'actor'> & { actor: Actor | null };

export type HandlerContext<E extends Endpoint> = RequestExtras &
  (E['access'] extends 'tenant'
    ? TenantContext
    : E['access'] extends 'session'
      ? BaseContext
      : PublicContext);

export type Handler<E extends Endpoint> = (
  ctx: HandlerContext<E>,
  input: EndpointInput<E>,
) => Promise<EndpointResult<E>>;

export interface RouteDef {
  endpoint: Endpoint;
  handler: Handler<Endpoint>;
}

/** Binds a contract to its (thin) handler. */
export function route<const E extends Endpoint>(endpoint: E, handler: Handler<E>): RouteDef {
  return { endpoint, handler: handler as unknown as Handler<Endpoint> };
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

function isSecure(c: Context, config: Config): boolean {
  if (config.secureCookies !== 'auto') return config.secureCookies === 'always';
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

export function clientIp(c: Context): string {
  // Behind the municipality's reverse proxy the socket address is the proxy's.
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return forwarded || env?.incoming?.socket?.remoteAddress || 'unknown';
}

/** Request id, session → actor, CSRF and Origin checks for everything under /api. */
export function apiMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = randomUUID();
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    c.header('Cache-Control', 'no-store');
    c.set('actor', null);
    c.set('sessionId', null);
    c.set('csrfToken', null);

    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const session = await loadSession(deps.database.db, token, deps.now(), {
        idleMinutes: deps.config.sessionIdleMinutes,
        maxHours: deps.config.sessionMaxHours,
      });
      if (session) {
        c.set('actor', session.actor);
        c.set('sessionId', session.sessionId);
        c.set('csrfToken', session.csrfToken);
      } else {
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
      }
    }

    if (STATE_CHANGING.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin && origin !== new URL(c.req.url).origin) {
        throw forbidden('別のサイトからの送信は受け付けていません。');
      }
      const csrf = c.get('csrfToken');
      if (csrf && c.req.header('x-csrf-token') !== csrf) {
        throw forbidden('画面の有効期限が切れました。ページを読み込み直してから、もう一度操作してください。');
      }
    }
    await next();
  };
}

/** Registers routes with Hono and their contracts with the OpenAPI registry. */
export function mountRoutes(app: OpenAPIHono<AppEnv>, routes: RouteDef[], deps: AppDeps): void {
  for (const def of routes) {
    const e = def.endpoint;
    registerOpenApi(app, e);
    app.on(e.method.toUpperCase(), honoPath(e.path), async (c) => {
      const actor = c.get('actor');
      if (e.access !== 'public' && !actor) throw unauthenticated();

      const rawParams = c.req.param() as Record<string, string>;
      let tenantId: string | undefined;
      if (e.access === 'tenant') {
        tenantId = rawParams.tenant ?? '';
        // Non-members learn nothing, not even whether the tenant exists.
        if (!actor || (!(actor.kind === 'user' && actor.systemAdmin) && !membershipIn(actor, tenantId))) {
          throw notFound();
        }
      }

      const params = e.params ? e.params.safeParse(rawParams) : { success: true as const, data: undefined };
      // A malformed id in a path cannot name anything: 404, like an id that does not exist.
      if (!params.success) throw notFound();

      const raw = c.req.query();
      refuseNul(raw);
      const query = e.query ? e.query.safeParse(raw) : { success: true as const, data: undefined };
      if (!query.success) throw validationFailed(toFieldErrors(e.query as z.ZodType, query.error));

      const body = await readBody(c, e);

      const ctx = {
        db: deps.database.db,
        actor,
        requestId: c.get('requestId'),
        now: deps.now,
        tenantId,
        deps,
        http: {
          ip: clientIp(c),
          userAgent: c.req.header('user-agent') ?? null,
          sessionId: c.get('sessionId'),
          csrfToken: c.get('csrfToken'),
          sessionToken: getCookie(c, SESSION_COOKIE) ?? null,
          setSessionCookie(token: string, expires: Date) {
            setCookie(c, SESSION_COOKIE, token, {
              path: '/',
              httpOnly: true,
              sameSite: 'Lax',
              secure: isSecure(c, deps.config),
              expires,
            });
          },
          clearSessionCookie() {
            deleteCookie(c, SESSION_COOKIE, { path: '/' });
          },
        },
      };
      const result = await def.handler(
        ctx as never,
        {
          params: params.data,
          query: query.data,
          body,
        } as EndpointInput<Endpoint>,
      );

      // Responses pass through their contract too: fields not in the contract never leave.
      const out = e.response.safeParse(result);
      if (!out.success) {
        throw new Error(
          `response of ${e.method} ${e.path} does not match its contract: ${out.error.message}`,
        );
      }
      if (e.responseKind === 'file') {
        const file = out.data as FileResponse;
        return c.body(
          typeof file.body === 'string' ? file.body : (file.body as Uint8Array<ArrayBuffer>),
          200,
          {
            'content-type': file.contentType,
            'content-disposition': contentDisposition('attachment', file.fileName),
          },
        );
      }
      return c.json(out.data as object, e.status ?? 200);
    });
  }
}

/**
 * `Content-Disposition` with a Japanese file name (RFC 6266 / 5987): an ASCII `filename` for old
 * clients (given, or the name with other characters as `_`) and the real name as `filename*`.
 */
/**
 * PostgreSQL cannot store U+0000 in text (PGlite can): a query or body holding it is refused here,
 * for every field of every endpoint, instead of failing inside the database with a 500.
 */
function refuseNul(value: unknown): void {
  const path = nulPath(value);
  if (path === null) return;
  const message = '使えない制御文字（NUL）が含まれています。';
  throw validationFailed([{ path, message }], message);
}

/** The path of the first string holding U+0000 in a parsed JSON value, or null. */
function nulPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const p = nulPath(v, path ? `${path}.${i}` : String(i));
      if (p !== null) return p;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return path || k;
      const p = nulPath(v, path ? `${path}.${k}` : k);
      if (p !== null) return p;
    }
  }
  return null;
}

export function contentDisposition(
  kind: 'attachment' | 'inline',
  name: string,
  asciiName = name.replace(/[^\x20-\x7e]|"/g, '_'),
): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}

async function readBody(c: Context, e: Endpoint): Promise<unknown> {
  if (!e.body && e.bodyKind !== 'binary') return undefined;
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > MAX_UPLOAD_BYTES) {
    throw new AppError(413, 'payload_too_large', 'ファイルが大きすぎます（20MBまで）。');
  }
  if (e.bodyKind === 'binary') {
    const buf = new Uint8Array(await c.req.arrayBuffer());
    if (buf.byteLength > MAX_UPLOAD_BYTES) {
      throw new AppError(413, 'payload_too_large', 'ファイルが大きすぎます（20MBまで）。');
    }
    if (buf.byteLength === 0) throw badRequest('ファイルが空です。');
    return buf;
  }
  const type = c.req.header('content-type') ?? '';
  // Only JSON is accepted: an HTML form on another site cannot send it without CORS approval.
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new AppError(415, 'invalid_request', '送信形式は application/json にしてください。');
  }
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw badRequest('送信内容をJSONとして読み取れませんでした。');
  }
  refuseNul(json);
  const parsed = (e.body as z.ZodType).safeParse(json);
  if (!parsed.success) throw validationFailed(toFieldErrors(e.body as z.ZodType, parsed.error));
  return parsed.data;
}

function registerOpenApi(app: OpenAPIHono<AppEnv>, e: Endpoint): void {
  const request: Record<string, unknown> = {};
  if (e.params) request.params = e.params;
  if (e.query) request.query = e.query;
  if (e.bodyKind === 'binary') {
    request.body = {
      required: true,
      content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    };
  } else if (e.body) {
    request.body = { required: true, content: { 'application/json': { schema: e.body } } };
  }
  const success =
    e.responseKind === 'file'
      ? {
          description: 'ファイル（添付）',
          content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
        }
      : { description: '成功', content: { 'application/json': { schema: e.response } } };
  // ApiErrorBody carries meta id 'ApiError', so the generator emits one component and $refs to it.
  const errorContent = { 'application/json': { schema: ApiErrorBody } };
  app.openAPIRegistry.registerPath({
    method: e.method,
    path: e.path,
    summary: e.summary,
    description: e.description,
    tags: [e.tag],
    security: e.access === 'public' ? [] : [{ session: [] }],
    request: request as never,
    responses: {
      [e.status ?? 200]: success,
      ...(e.access === 'public' ? {} : { 401: { description: '未ログイン', content: errorContent } }),
      404: { description: '見つからない（他の団体のIDを含む）', content: errorContent },
      422: { description: '入力の誤り（項目ごとの日本語メッセージ）', content: errorContent },
    },
  });
}

/** Every error leaves as the one JSON shape; unknown ones are logged and hidden. */
export function errorResponse(err: unknown, c: Context<AppEnv>): Response {
  const requestId = c.get('requestId') ?? randomUUID();
  let status: number;
  let body: ApiErrorBody;
  if (err instanceof AppError) {
    status = err.status;
    body = {
      error: {
        code: err.code,
        message: err.message,
        ...(err.fields ? { fields: err.fields } : {}),
        ...(err.current !== undefined ? { current: err.current } : {}),
      },
      requestId,
    };
    if (err.retryAfter) c.header('Retry-After', String(err.retryAfter));
  } else if (err instanceof HTTPException && err.status < 500) {
    status = err.status;
    body = {
      error: {
        code: err.status === 413 ? 'payload_too_large' : 'invalid_request',
        message: err.status === 413 ? '送信内容が大きすぎます。' : 'リクエストを処理できませんでした。',
      },
      requestId,
    };
  } else {
    status = 500;
    console.error(`[${requestId}]`, err);
    body = {
      error: {
        code: 'internal',
        message: `サーバーで問題が起きました。時間をおいてもう一度お試しください（問い合わせ番号：${requestId.slice(0, 8)}）。`,
      },
      requestId,
    };
  }
  return c.json(body, status as 400);
}
