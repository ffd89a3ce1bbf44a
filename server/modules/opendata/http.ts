import type { Context } from 'hono';

/**
 * The site's own origin, for absolute links inside files that leave it (feeds, CSV, GeoJSON). Behind
 * the municipality's TLS-terminating proxy the scheme residents use is the forwarded one (as for the
 * session cookie); the host is the Host header the proxy passes on.
 */
export function siteOrigin(c: Context): string {
  const url = new URL(c.req.url);
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
  return `${forwarded === 'https' ? 'https' : url.protocol.replace(':', '')}://${url.host}`;
}
