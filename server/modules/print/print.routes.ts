import { Hono } from 'hono';
import type { AppDeps } from '../../core/http';

/** Printed matter under /t/:tenant: 生活便利帳, monthly calendars, わがまちこんなとこシート. */
export function printRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  void deps;
  return app;
}
