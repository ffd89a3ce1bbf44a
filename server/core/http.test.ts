import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../app';
import { createTestApp, type TestApp, type TestClient } from './testing/test-app';

const TENANT = '372013';
let t: TestApp;
let staff: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  await t.f.buildTenant(TENANT);
  staff = t.client();
  await staff.login((await t.f.buildUser({ tenant: TENANT, role: 'insurer_staff' })).email);
});
afterAll(() => t.close());

describe('errors a client can cause', () => {
  it('a body that is not JSON gets 400 in Japanese', async () => {
    const res = await staff.post(`/api/t/${TENANT}/areas`, undefined, { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { code: 'invalid_request', message: '送信内容をJSONとして読み取れませんでした。' },
    });
    expect(res.body.requestId).toEqual(expect.any(String));
    const broken = await t.app.request(`/api/t/${TENANT}/areas`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: (staff as any).cookie,
        'x-csrf-token': staff.csrf!,
      },
      body: '{"name": ',
    });
    expect(broken.status).toBe(400);
  });

  it('an unknown API path and a malformed id are plain 404s', async () => {
    expect((await staff.get('/api/nothing-here')).body.error.code).toBe('not_found');
    expect((await staff.get(`/api/t/${TENANT}/areas/123`)).status).toBe(404);
    expect((await staff.get('/api/t/abc/areas')).status).toBe(404);
  });

  it('a bad query value is 422 naming the field', async () => {
    const res = await staff.get(`/api/t/${TENANT}/areas?fy=1800`);
    expect(res.status).toBe(422);
    expect(res.body.error.fields[0]).toEqual({ path: 'fy', message: '年度：1989以上の数を入力してください' });
  });

  it('a NUL character, which PostgreSQL cannot store, is 422 naming the field — in a body or a query', async () => {
    const body = await staff.post(`/api/t/${TENANT}/residents`, { name: 'a\u0000b' });
    expect(body.status).toBe(422);
    expect(body.body.error.fields[0]).toEqual({
      path: 'name',
      message: '使えない制御文字（NUL）が含まれています。',
    });
    const query = await staff.get(`/api/t/${TENANT}/residents?q=%00`);
    expect(query.status).toBe(422);
  });

  it('an upload over 20 MB is refused before it is read', async () => {
    const res = await staff.post(`/api/t/${TENANT}/population-imports?fileName=big.csv`, new Uint8Array(8), {
      'content-length': String(25 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toContain('20MB');
  });

  it('never answers 500 to whatever a client sends to any route', async () => {
    const junk: unknown[] = [
      null,
      [],
      'text',
      42,
      { version: 'x' },
      { name: '\u0000'.repeat(5) },
      { areaIds: ['x'] },
    ];
    // Logging out would end the session the loop relies on.
    for (const r of allRoutes.filter(
      (r) => r.endpoint.method !== 'get' && r.endpoint.path !== '/api/auth/logout',
    )) {
      const path = r.endpoint.path
        .replace('{tenant}', TENANT)
        .replace(/\{(\w+)\}/g, '00000000-0000-4000-8000-000000000000');
      for (const body of junk) {
        const res = await staff.request(r.endpoint.method.toUpperCase(), path, body);
        expect(res.status, `${r.endpoint.method} ${path} ${JSON.stringify(body)}`).toBeLessThan(500);
        if (res.status >= 400) expect(res.body.error.message, path).toMatch(/[ぁ-んァ-ン一-龥]/);
      }
    }
  });
});

describe('API reference', () => {
  it('publishes an OpenAPI 3.1 document generated from the contracts', async () => {
    const res = await t.client().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const paths = Object.keys(res.body.paths);
    for (const r of allRoutes) expect(paths, r.endpoint.path).toContain(r.endpoint.path);
    expect(res.body.paths['/api/t/{tenant}/areas'].get.summary).toBe(
      '地域の一覧（層ごと、最新の人口統計つき）',
    );
    expect(res.body.components.schemas.ApiError).toBeDefined();
    expect(res.body.components.securitySchemes.session).toMatchObject({ in: 'cookie' });
  });

  it('serves a readable reference page from local files only', async () => {
    const page = await t.app.request('/api/docs');
    const html = await page.text();
    expect(html).toContain('ささえあい API リファレンス');
    for (const src of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      expect(src[1]!.startsWith('/')).toBe(true);
      expect((await t.app.request(src[1]!)).status, src[1]).toBe(200);
    }
  });
});
