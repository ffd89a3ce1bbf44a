import path from 'node:path';

/** Process configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL URL; when absent the embedded PGlite database is used. */
  databaseUrl: string | null;
  /** Where PGlite keeps its files. */
  dataDir: string;
  /** Demo mode: seed the fictional town when empty and list its accounts on the login page. */
  demo: boolean;
  /** Sessions end after this much inactivity. */
  sessionIdleMinutes: number;
  /** …and at the latest this long after login. */
  sessionMaxHours: number;
  /** `auto`: Secure cookies when the request arrived over https (directly or via X-Forwarded-Proto). */
  secureCookies: 'auto' | 'always' | 'never';
  /** Directory holding the built staff workspace (vite build output). */
  webDist: string;
  /** Raster tiles for maps; null = offline maps (boundaries and markers only). */
  tiles: { url: string; attribution: string; attributionUrl: string; maxZoom: number } | null;
}

/** 地理院タイル（淡色地図）: the default base map, credited as the GSI terms require. */
export const GSI_PALE = {
  url: 'https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png',
  attribution: '地理院タイル',
  attributionUrl: 'https://maps.gsi.go.jp/development/ichiran.html',
  maxZoom: 18,
};

const truthy = (v: string | undefined) => v !== undefined && /^(1|true|yes|on)$/i.test(v);

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const root = process.cwd();
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL?.trim() || null,
    dataDir: path.resolve(root, env.SASAEAI_DATA_DIR ?? 'data/pglite'),
    demo: truthy(env.SASAEAI_DEMO),
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 480),
    sessionMaxHours: Number(env.SESSION_MAX_HOURS ?? 168),
    secureCookies: (env.SECURE_COOKIES as Config['secureCookies']) ?? 'auto',
    webDist: path.resolve(root, env.SASAEAI_WEB_DIST ?? 'dist/web'),
    tiles: tilesFrom(env),
    ...overrides,
  };
}

/** SASAEAI_TILES=off for offline maps; SASAEAI_TILE_URL (+ _ATTRIBUTION, _ATTRIBUTION_URL) for another tile server. */
function tilesFrom(env: NodeJS.ProcessEnv): Config['tiles'] {
  if (/^(off|none|false|0)$/i.test(env.SASAEAI_TILES ?? '')) return null;
  if (env.SASAEAI_TILE_URL) {
    return {
      url: env.SASAEAI_TILE_URL,
      attribution: env.SASAEAI_TILE_ATTRIBUTION ?? '',
      attributionUrl: env.SASAEAI_TILE_ATTRIBUTION_URL ?? '',
      maxZoom: Number(env.SASAEAI_TILE_MAX_ZOOM ?? 18),
    };
  }
  return GSI_PALE;
}
