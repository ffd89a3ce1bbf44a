import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { ANONYMOUS, type BaseContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { AppDeps } from '../../core/http';
import { openDirectory, type PublicDirectory, type PublicTenant } from '../resources';
import { type Html, html, notFoundPage, page } from './layout';

/** Public pages act as no one: an anonymous reader. */
export function publicBase(deps: AppDeps): BaseContext {
  return { db: deps.database.db, actor: ANONYMOUS, requestId: randomUUID(), now: deps.now };
}

/** The tenant's public directory for a `/t/:tenant/…` request (a 404 page when there is none). */
export function directoryFor(c: Context, deps: AppDeps): Promise<PublicDirectory> {
  return openDirectory(publicBase(deps), c.req.param('tenant') ?? '');
}

/** Thrown by a page that wants the friendly 404 with its own words. */
export class PortalNotFound extends Error {
  constructor(
    readonly tenant: PublicTenant | null,
    readonly what: string,
  ) {
    super(what);
  }
}

/**
 * Errors on public pages are pages, not JSON: a 404 names what was not found in plain words; any
 * other failure apologises and gives a reference number, and the stack goes to the log only.
 */
export async function portalError(err: unknown, c: Context, deps: AppDeps): Promise<Response> {
  if (err instanceof PortalNotFound) return c.html(await notFoundPage(err.tenant, err.what), 404);
  if (err instanceof AppError && err.status === 404) {
    const tenant = await tenantOrNull(c, deps);
    return c.html(await notFoundPage(tenant, err.message.replace(/が見つかりません$/, '')), 404);
  }
  const ref = randomUUID().slice(0, 8);
  console.error(`[portal ${ref}]`, err);
  const body: Html = page({
    tenant: null,
    title: 'ただいま表示できません',
    body: html`<h1>ただいま表示できません</h1>
<p class="lead">申し訳ありません。時間をおいて、もう一度お試しください。</p>
<p>お問い合わせのときは、この番号をお伝えください：${ref}</p>`,
  });
  return c.html(await body, 500);
}

async function tenantOrNull(c: Context, deps: AppDeps): Promise<PublicTenant | null> {
  try {
    const code = /^\/t\/(\d{6})(?:\/|$)/.exec(c.req.path)?.[1];
    return code ? (await openDirectory(publicBase(deps), code)).tenant : null;
  } catch {
    return null;
  }
}
