import { type Context, Hono } from 'hono';
import type { PublicResource } from '../../../contracts/portal';
import { licenceInfo } from '../../../domain/opendata-licence';
import { notFound } from '../../core/errors';
import { type AppDeps, contentDisposition } from '../../core/http';
import { directoryFor, portalUrl } from '../portal';
import { type PublicDirectory, publicResource, publicResources } from '../resources';
import { buildFeed } from './calendar.service';
import { downloadsPage } from './downloads.page';
import { eventsCsv, facilitiesCsv, fileCounts, resourcesGeojson } from './files.service';
import { hsdsPackage } from './hsds-package.service';
import { siteOrigin } from './http';

/*
 * Calendars (ICS) and open-data downloads under /t/:tenant. Everything here is public and built
 * from `PublicResource` (or the public HSDS API); an unknown tenant, area, category or resource —
 * including another tenant's resource id — is the portal's friendly 404 page.
 */

/** `:file{…}` keeps the `.ics` suffix out of the id: Hono's plain `:id` would swallow it. */
const ICS = ':file{[^/]+\\.ics}';
const stripIcs = (file: string) => file.slice(0, -'.ics'.length);

const CSV = 'text/csv; charset=utf-8';

function feedResponse(c: Context, ics: string, asciiName: string, name: string): Response {
  return c.body(ics, 200, {
    'content-type': 'text/calendar; charset=utf-8',
    // inline: a subscribed calendar reads it; a browser offers to open it in the calendar app.
    'content-disposition': contentDisposition('inline', name, asciiName),
  });
}

export function opendataRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  const links = (c: Context, dir: PublicDirectory) => {
    const origin = siteOrigin(c);
    return {
      origin,
      pageUrl: (id: string) => `${origin}${portalUrl.resource(dir.tenant.code, id)}`,
      homepage: `${origin}${portalUrl.downloads(dir.tenant.code)}`,
    };
  };

  const feedOptions = (c: Context, dir: PublicDirectory, name: string, description: string) => {
    const l = links(c, dir);
    return {
      name,
      description,
      today: dir.today,
      pageUrl: l.pageUrl,
      feedUrl: `${l.origin}${c.req.path}`,
    };
  };

  app.get(`/:tenant/calendar/resources/${ICS}`, async (c) => {
    const dir = await directoryFor(c, deps);
    const r = await publicResource(dir, stripIcs(c.req.param('file')));
    const ics = buildFeed(
      [r],
      feedOptions(
        c,
        dir,
        `${dir.tenant.name} ${r.name}`,
        `${r.name}の日程（${dir.tenant.prefecture}${dir.tenant.name}）`,
      ),
    );
    return feedResponse(c, ics, `${dir.tenant.code}-${r.id}.ics`, `${dir.tenant.name}_${r.name}.ics`);
  });

  app.get(`/:tenant/calendar/areas/${ICS}`, async (c) => {
    const dir = await directoryFor(c, deps);
    const area = dir.areas.find((a) => a.id === stripIcs(c.req.param('file')));
    if (!area) throw notFound('地域');
    const resources = await publicResources(dir, { area: area.id });
    const name =
      area.layer === 1
        ? `${dir.tenant.name}の集いの場・活動`
        : `${dir.tenant.name} ${area.name}の集いの場・活動`;
    const ics = buildFeed(resources, feedOptions(c, dir, name, `${name}の日程`));
    return feedResponse(c, ics, `${dir.tenant.code}-area-${area.id}.ics`, `${name}.ics`);
  });

  app.get(`/:tenant/calendar/categories/${ICS}`, async (c) => {
    const dir = await directoryFor(c, deps);
    const term = dir.terms.find((t) => t.code === stripIcs(c.req.param('file')));
    if (!term) throw notFound('分類');
    const resources = await publicResources(dir, { category: term.code });
    const name = `${dir.tenant.name} ${term.name}の日程`;
    const ics = buildFeed(resources, feedOptions(c, dir, name, name));
    return feedResponse(c, ics, `${dir.tenant.code}-category-${term.code}.ics`, `${name}.ics`);
  });

  app.get('/:tenant/downloads', async (c) => {
    const dir = await directoryFor(c, deps);
    const resources = await publicResources(dir);
    const l = links(c, dir);
    const counts = fileCounts(resources, { tenant: dir.tenant, pageUrl: l.pageUrl });
    return c.html(await downloadsPage(dir, resources, counts, l.origin));
  });

  /** Loads the directory and every public resource for a file download. */
  const everything = async (c: Context): Promise<{ dir: PublicDirectory; resources: PublicResource[] }> => {
    const dir = await directoryFor(c, deps);
    return { dir, resources: await publicResources(dir) };
  };

  app.get('/:tenant/downloads/events.csv', async (c) => {
    const { dir, resources } = await everything(c);
    const { text } = eventsCsv(resources, { tenant: dir.tenant, pageUrl: links(c, dir).pageUrl });
    const t = dir.tenant;
    return c.body(text, 200, {
      'content-type': CSV,
      'content-disposition': contentDisposition(
        'attachment',
        `${t.code}_${t.name}_イベント一覧.csv`,
        `${t.code}_events.csv`,
      ),
    });
  });

  app.get('/:tenant/downloads/facilities.csv', async (c) => {
    const { dir, resources } = await everything(c);
    const { text } = facilitiesCsv(resources, { tenant: dir.tenant, pageUrl: links(c, dir).pageUrl });
    const t = dir.tenant;
    return c.body(text, 200, {
      'content-type': CSV,
      'content-disposition': contentDisposition(
        'attachment',
        `${t.code}_${t.name}_公共施設一覧.csv`,
        `${t.code}_facilities.csv`,
      ),
    });
  });

  app.get('/:tenant/downloads/resources.geojson', async (c) => {
    const { dir, resources } = await everything(c);
    const l = links(c, dir);
    const licence = licenceInfo(dir.tenant.openDataLicence);
    const { json } = resourcesGeojson(resources, {
      tenant: dir.tenant,
      pageUrl: l.pageUrl,
      licence: licence.url ? `${licence.code} (${licence.url})` : licence.code,
      homepage: l.homepage,
    });
    const t = dir.tenant;
    return c.body(JSON.stringify(json), 200, {
      'content-type': 'application/geo+json; charset=utf-8',
      'content-disposition': contentDisposition(
        'attachment',
        `${t.code}_${t.name}_地域資源.geojson`,
        `${t.code}_resources.geojson`,
      ),
    });
  });

  app.get('/:tenant/downloads/hsds.zip', async (c) => {
    const { dir, resources } = await everything(c);
    const { zip } = await hsdsPackage(dir, new Set(resources.map((r) => r.id)), links(c, dir).homepage);
    const t = dir.tenant;
    return c.body(zip as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/zip',
      'content-disposition': contentDisposition(
        'attachment',
        `${t.code}_${t.name}_HSDS.zip`,
        `${t.code}_hsds.zip`,
      ),
    });
  });

  return app;
}
