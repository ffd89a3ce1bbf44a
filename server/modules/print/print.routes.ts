import { type Context, Hono } from 'hono';
import type { z } from 'zod';
import { formatYearMonth, monthOf } from '../../../domain/print-calendar';
import { type AppDeps, clientIp, contentDisposition } from '../../core/http';
import { RateLimiter } from '../../core/rate-limit';
import type { AreaRow } from '../areas';
import { directoryFor, PortalNotFound } from '../portal';
import { PrintJobs } from './jobs';
import { type FormState, jobPage, printsPage } from './pages';
import { PdfPool } from './pool';
import { BookletForm, BookletQuery, CalendarQuery } from './print.schemas';
import { bookletData, calendarData, chosenArea, chosenCategory, scopeName, sheetData } from './print.service';
import { printUrl } from './urls';

/** A file name without the characters file systems refuse. */
const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_');

function pdfResponse(
  c: Context,
  pdf: Uint8Array,
  kind: 'inline' | 'attachment',
  name: string,
  ascii: string,
) {
  return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
    'content-type': 'application/pdf',
    'content-disposition': contentDisposition(kind, safe(name), ascii),
    // Public data, but made for this moment (「…現在の情報です」): do not keep old copies around.
    'cache-control': 'no-store',
  });
}

function bookletNames(tenant: { code: string; name: string }, scope: string, size: string, large: boolean) {
  return {
    title: `生活便利帳（${[scope, size, large ? '大きな文字' : ''].filter(Boolean).join('・')}）`,
    fileName: `生活便利帳_${tenant.name}_${scope}_${size}${large ? '_大きな文字' : ''}.pdf`,
    asciiName: `seikatsu-benricho-${tenant.code}-${size}${large ? '-large' : ''}.pdf`,
  };
}

function formErrors(error: z.ZodError): FormState['errors'] {
  const out: FormState['errors'] = {};
  for (const issue of error.issues) {
    const key = issue.path[0];
    if ((key === 'area' || key === 'size' || key === 'large') && !out[key]) out[key] = issue.message;
  }
  return out;
}

const field = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Printed matter under /t/:tenant: 生活便利帳, monthly calendars, わがまちこんなとこシート. */
export function printRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const pool = new PdfPool(2);
  const jobs = new PrintJobs(pool, deps.now);
  // A booklet costs seconds of a worker; one address may send the form 10 times in 10 minutes, so
  // that nobody can fill the queue for everyone else.
  const perAddress = new RateLimiter(10, 10 * 60_000, deps.now);

  app.get('/:tenant/prints', async (c) => {
    const dir = await directoryFor(c, deps);
    return c.html(await printsPage(dir));
  });

  // The booklet as a job: answered at once with a page that shows how far it has got.
  app.post('/:tenant/prints/booklet', async (c) => {
    const dir = await directoryFor(c, deps);
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const input = { area: field(body.area), size: field(body.size), large: field(body.large) || undefined };
    const values = { area: input.area ?? '', size: input.size ?? 'A4', large: input.large === '1' };
    const ip = clientIp(c);
    const wait = perAddress.blockedFor(ip);
    if (wait > 0) {
      const notice = `続けてたくさんの作成を受け付けました。${Math.ceil(wait / 60)}分ほどおいて、もう一度お試しください。`;
      return c.html(await printsPage(dir, { values, errors: {} }, notice), 429, {
        'retry-after': String(wait),
      });
    }
    perAddress.hit(ip);
    const parsed = BookletForm.safeParse(input);
    if (!parsed.success)
      return c.html(await printsPage(dir, { values, errors: formErrors(parsed.error) }), 422);
    let area: AreaRow | null;
    try {
      area = chosenArea(dir, parsed.data.area || undefined);
    } catch {
      const errors = { area: '選んだ地域が見つかりません。一覧から選び直してください。' };
      return c.html(await printsPage(dir, { values, errors }), 422);
    }
    const large = parsed.data.large === '1';
    const size = parsed.data.size;
    const job = jobs.submit(
      dir.tenant.code,
      bookletNames(dir.tenant, scopeName(dir, area), size, large),
      async () => ({
        kind: 'booklet' as const,
        data: await bookletData(dir, { area, size, large }),
      }),
    );
    if (!job) {
      const notice = 'ただいま印刷の受付が混み合っています。数分おいて、もう一度お試しください。';
      return c.html(await printsPage(dir, { values, errors: {} }, notice), 503, { 'retry-after': '120' });
    }
    return c.redirect(printUrl.job(dir.tenant.code, job.id), 303);
  });

  app.get('/:tenant/prints/jobs/:jobId', async (c) => {
    const dir = await directoryFor(c, deps);
    const job = jobs.get(dir.tenant.code, c.req.param('jobId'));
    if (!job) throw new PortalNotFound(dir.tenant, '作成を受け付けた冊子（30分たつと消えます）');
    return c.html(await jobPage(dir, job, jobs.ahead(job)), 200, { 'cache-control': 'no-store' });
  });

  app.get('/:tenant/prints/jobs/:jobId/file', async (c) => {
    const dir = await directoryFor(c, deps);
    const job = jobs.get(dir.tenant.code, c.req.param('jobId'));
    if (!job) throw new PortalNotFound(dir.tenant, '作成を受け付けた冊子（30分たつと消えます）');
    if (job.status !== 'done' || !job.pdf) return c.redirect(printUrl.job(dir.tenant.code, job.id), 303);
    return pdfResponse(c, job.pdf, 'attachment', job.fileName, job.asciiName);
  });

  // The same booklet at once, for scripts and small towns.
  app.get('/:tenant/prints/booklet.pdf', async (c) => {
    const dir = await directoryFor(c, deps);
    const q = BookletQuery.parse(c.req.query());
    const area = chosenArea(dir, q.area);
    const large = q.large !== undefined;
    const data = await bookletData(dir, { area, size: q.size, large });
    const done = await pool.run({ kind: 'booklet', data });
    const names = bookletNames(dir.tenant, data.scopeName, q.size, large);
    return pdfResponse(c, done.pdf, 'attachment', names.fileName, names.asciiName);
  });

  app.get('/:tenant/prints/calendar.pdf', async (c) => {
    const dir = await directoryFor(c, deps);
    const q = CalendarQuery.parse(c.req.query());
    const area = chosenArea(dir, q.area);
    const category = chosenCategory(dir, q.category);
    // A month that is not one (2026-13, typed by hand) gets this month's calendar, not an error.
    const month = q.month ?? monthOf(dir.today);
    const data = await calendarData(dir, { month, area, category });
    const done = await pool.run({ kind: 'calendar', data });
    const ym = formatYearMonth(month);
    const name = ['活動カレンダー', dir.tenant.name, ym, data.scope, category?.name]
      .filter(Boolean)
      .join('_');
    return pdfResponse(c, done.pdf, 'inline', `${name}.pdf`, `calendar-${dir.tenant.code}-${ym}.pdf`);
  });

  app.get('/:tenant/prints/areas/:areaId/sheet.pdf', async (c) => {
    const dir = await directoryFor(c, deps);
    const data = await sheetData(dir, c.req.param('areaId'));
    const done = await pool.run({ kind: 'sheet', data });
    return pdfResponse(
      c,
      done.pdf,
      'inline',
      `こんなとこシート_${dir.tenant.name}_${data.area.name}.pdf`,
      `area-sheet-${dir.tenant.code}.pdf`,
    );
  });

  return app;
}
