import type { AreaInput } from '../../../contracts/areas';
import type { Role } from '../../../domain/roles';
import { createApp } from '../../app';
import { addMembership, createUser } from '../../modules/accounts';
import { createArea, loadTenantAreas } from '../../modules/areas';
import { createFictionalTenant, createTenant } from '../../modules/tenants';
import { loadConfig } from '../config';
import type { BaseContext, TenantContext } from '../context';
import type { Database } from '../db';
import { openTestDatabase } from './test-database';

export const TEST_PASSWORD = 'correct-horse-battery';

/** A clock tests can move forward (session expiry, rate-limit windows). */
export class TestClock {
  private t = Date.parse('2026-11-24T01:00:00Z');
  now = () => new Date(this.t);
  advance(ms: number) {
    this.t += ms;
  }
}

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A browser-like client for app.request(): keeps the session cookie and sends the CSRF token the
 * way the web client does.
 */
export class TestClient {
  private cookie: string | null = null;
  csrf: string | null = null;

  constructor(private readonly app: ReturnType<typeof createApp>['app']) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    let payload: BodyInit | undefined;
    if (body instanceof Uint8Array) {
      payload = body as Uint8Array<ArrayBuffer>;
      h['content-type'] ??= 'application/octet-stream';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await this.app.request(path, { method, headers: h, body: payload });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = /sasaeai_session=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `sasaeai_session=${m[1]}` : null;
    }
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await res.json() : await res.text();
    if (path.startsWith('/api/auth/') || path.startsWith('/api/invitations/')) {
      const state = parsed as { csrfToken?: string | null };
      if (state && typeof state === 'object' && 'csrfToken' in state) this.csrf = state.csrfToken ?? null;
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request<T>('POST', path, body, headers);
  patch = <T = any>(path: string, body?: unknown) => this.request<T>('PATCH', path, body);
  put = <T = any>(path: string, body?: unknown) => this.request<T>('PUT', path, body);
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);

  async login(email: string, password = TEST_PASSWORD) {
    const res = await this.post('/api/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login failed for ${email}: ${JSON.stringify(res.body)}`);
    return res;
  }
}

let emailCounter = 0;

/** Factories in the manner of Outline's buildUser(): real rows through the real services. */
export function factories(database: Database, clock: TestClock) {
  const system: BaseContext = {
    db: database.db,
    actor: { kind: 'system', label: 'test' },
    requestId: 'test',
    now: clock.now,
  };
  const inTenant = (tenantId: string): TenantContext => ({ ...system, tenantId });
  return {
    system,
    inTenant,
    /** A real municipality from its code (default 高松市). */
    buildTenant: (code = '372013') => createTenant(system, { code }),
    buildFictionalTenant: (code: string, name = 'テスト町') =>
      createFictionalTenant(system, { code, name, kana: 'てすとちょう', prefecture: '北海道' }),
    async buildUser(
      opts: { tenant?: string; role?: Role; areaIds?: string[]; systemAdmin?: boolean; email?: string } = {},
    ) {
      const email = opts.email ?? `user${++emailCounter}-${Date.now()}@test.example`;
      const user = await createUser(system, {
        email,
        displayName: `テスト利用者${emailCounter}`,
        password: TEST_PASSWORD,
        systemAdmin: opts.systemAdmin ?? false,
      });
      if (opts.tenant && opts.role) {
        await addMembership(inTenant(opts.tenant), {
          userId: user.id,
          role: opts.role,
          areaIds: opts.areaIds ?? [],
        });
      }
      return user;
    },
    async rootArea(tenantId: string) {
      return (await loadTenantAreas(inTenant(tenantId))).find((a) => a.layer === 1)!;
    },
    buildArea: (
      tenantId: string,
      input: Partial<AreaInput> & { name: string; parentId: string; layer: 2 | 3 },
    ) =>
      createArea(inTenant(tenantId), {
        kana: '',
        kind: input.layer === 2 ? '日常生活圏域' : '地区',
        validFromFy: null,
        validToFy: null,
        townNames: [],
        sortOrder: 0,
        ...input,
      }),
  };
}

export interface TestApp {
  app: ReturnType<typeof createApp>['app'];
  database: Database;
  clock: TestClock;
  client(): TestClient;
  f: ReturnType<typeof factories>;
  close(): Promise<void>;
}

/** The whole app over a fresh database of this run's engine. */
export async function createTestApp(opts: { demo?: boolean } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const clock = new TestClock();
  const config = loadConfig({}, { demo: opts.demo ?? false, secureCookies: 'never' });
  const { app } = createApp({ database, config, now: clock.now });
  return {
    app,
    database,
    clock,
    client: () => new TestClient(app),
    f: factories(database, clock),
    close: () => database.close(),
  };
}
