import { Hono } from 'hono';
import type { AppDeps } from '../../core/http';

/** Calendars (ICS) and open data downloads under /t/:tenant. */
export function opendataRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  void deps;
  return app;
}
