import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../core/audit.tables';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../core/testing/test-app';

let t: TestApp;
const TENANT = '372013';
let adminEmail: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.f.buildTenant(TENANT);
  adminEmail = (await t.f.buildUser({ tenant: TENANT, role: 'insurer_staff' })).email;
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('signs in with the right password and shows the tenants the user belongs to', async () => {
    const c = t.client();
    const res = await c.login(adminEmail);
    expect(res.body.user).toMatchObject({
      email: adminEmail,
      memberships: [{ tenantId: TENANT, tenantName: '高松市', prefecture: '香川県', role: 'insurer_staff' }],
    });
    expect(res.body.csrfToken).toEqual(expect.any(String));
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await c.get('/api/auth/session')).body.user.email).toBe(adminEmail);
  });

  it('says the same thing for a wrong password and an unknown address, in Japanese', async () => {
    const c = t.client();
    const wrong = await c.post('/api/auth/login', { email: adminEmail, password: 'wrong-password-1' });
    const unknown = await c.post('/api/auth/login', {
      email: 'nobody@test.example',
      password: 'wrong-password-1',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe('メールアドレスかパスワードが違います。');
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
  });

  it('names the field when the address is malformed', async () => {
    const res = await t.client().post('/api/auth/login', { email: 'not-an-address', password: 'x' });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual([
      { path: 'email', message: 'メールアドレス：メールアドレスの形式で入力してください' },
    ]);
  });

  it('locks an account for a while after ten failures, even with the right password', async () => {
    const victim = (await t.f.buildUser({ tenant: TENANT, role: 'sc1' })).email;
    const c = t.client();
    for (let i = 0; i < 10; i++) {
      expect((await c.post('/api/auth/login', { email: victim, password: `guess-${i}-xxxx` })).status).toBe(
        401,
      );
    }
    const locked = await c.post('/api/auth/login', { email: victim, password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toContain('15分ほど待って');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    t.clock.advance(16 * 60_000);
    expect((await c.post('/api/auth/login', { email: victim, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('logs sign-ins and failures in the audit log', async () => {
    const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.actorLabel, adminEmail));
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['login', 'login_failed']));
  });
});

describe('sessions', () => {
  it('expire after 8 hours without activity', async () => {
    const c = t.client();
    await c.login(adminEmail);
    t.clock.advance(7 * 3_600_000);
    expect((await c.get(`/api/t/${TENANT}`)).status).toBe(200);
    t.clock.advance(7 * 3_600_000); // active 7 h ago: still inside the idle window
    expect((await c.get(`/api/t/${TENANT}`)).status).toBe(200);
    t.clock.advance(8 * 3_600_000 + 60_000);
    const expired = await c.get(`/api/t/${TENANT}`);
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toBe('ログインしてください');
  });

  it('expire after 7 days however active the user is', async () => {
    const c = t.client();
    await c.login(adminEmail);
    for (let h = 0; h < 7 * 24; h += 6) {
      t.clock.advance(6 * 3_600_000);
      const res = await c.get(`/api/t/${TENANT}`);
      if (h + 6 >= 7 * 24) expect(res.status).toBe(401);
      else expect(res.status).toBe(200);
    }
  });

  it('end at logout', async () => {
    const c = t.client();
    await c.login(adminEmail);
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect((await c.get(`/api/t/${TENANT}`)).status).toBe(401);
    expect((await c.get('/api/auth/session')).body.user).toBeNull();
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing request without the token', async () => {
    const c = t.client();
    await c.login(adminEmail);
    const res = await c.post(
      `/api/t/${TENANT}/invitations`,
      { email: 'x@test.example', role: 'sc1' },
      { 'x-csrf-token': 'forged' },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('ページを読み込み直して');
  });

  it('refuses a request from another origin', async () => {
    const c = t.client();
    await c.login(adminEmail);
    const res = await c.post(
      `/api/t/${TENANT}/invitations`,
      { email: 'x@test.example', role: 'sc1' },
      {
        origin: 'https://evil.example',
      },
    );
    expect(res.status).toBe(403);
  });

  it('refuses a form-encoded login (what a cross-site form could send)', async () => {
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=${encodeURIComponent(adminEmail)}&password=${TEST_PASSWORD}`,
    });
    expect(res.status).toBe(415);
  });
});

describe('password change', () => {
  it('checks the current password, and signs out other devices', async () => {
    const email = (await t.f.buildUser({ tenant: TENANT, role: 'sc1' })).email;
    const phone = t.client();
    const pc = t.client();
    await phone.login(email);
    await pc.login(email);
    const bad = await pc.post('/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'new-secret-passphrase',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0]).toMatchObject({ path: 'currentPassword' });
    const short = await pc.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    expect(short.status).toBe(422);
    expect(short.body.error.fields[0].message).toBe('新しいパスワード：10文字以上にしてください');
    const ok = await pc.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'new-secret-passphrase',
    });
    expect(ok.status).toBe(200);
    expect((await pc.get(`/api/t/${TENANT}`)).status).toBe(200);
    expect((await phone.get(`/api/t/${TENANT}`)).status).toBe(401);
    const again = t.client();
    expect((await again.post('/api/auth/login', { email, password: TEST_PASSWORD })).status).toBe(401);
    expect((await again.post('/api/auth/login', { email, password: 'new-secret-passphrase' })).status).toBe(
      200,
    );
  });
});

describe('invitations and roles', () => {
  it('invites a new person, who chooses a name and password and lands with the role', async () => {
    const admin = t.client();
    await admin.login(adminEmail);
    const root = await t.f.rootArea(TENANT);
    const region = await t.f.buildArea(TENANT, { name: '東部圏域', parentId: root.id, layer: 2 });

    const noArea = await admin.post(`/api/t/${TENANT}/invitations`, {
      email: 'new-sc@test.example',
      role: 'sc2',
    });
    expect(noArea.status).toBe(422);
    expect(noArea.body.error.fields[0].message).toContain('担当する地域を1つ以上');

    const inv = await admin.post(`/api/t/${TENANT}/invitations`, {
      email: 'New-SC@test.example',
      role: 'sc2',
      areaIds: [region.id],
    });
    expect(inv.status).toBe(201);
    expect(inv.body.path).toBe(`/app/invite/${inv.body.token}`);
    expect(inv.body.invitation.email).toBe('new-sc@test.example');

    const visitor = t.client();
    const info = await visitor.get(`/api/invitations/${inv.body.token}`);
    expect(info.body).toMatchObject({ tenantName: '香川県高松市', role: 'sc2', existingUser: false });

    const weak = await visitor.post(`/api/invitations/${inv.body.token}/accept`, {
      displayName: '新人',
      password: 'aaaaaaaaaaaa',
    });
    expect(weak.status).toBe(422);
    const accepted = await visitor.post(`/api/invitations/${inv.body.token}/accept`, {
      displayName: '新人 コーディネーター',
      password: 'a-good-long-password',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user.memberships).toEqual([
      expect.objectContaining({ tenantId: TENANT, role: 'sc2', areaIds: [region.id] }),
    ]);
    expect((await visitor.get(`/api/t/${TENANT}/areas`)).status).toBe(200);
    // One use only.
    expect((await t.client().get(`/api/invitations/${inv.body.token}`)).status).toBe(404);
  });

  it('lets an existing user of another tenant join with their own password', async () => {
    await t.f.buildTenant('014257');
    const other = await t.f.buildUser({ tenant: '014257', role: 'sc1' });
    const admin = t.client();
    await admin.login(adminEmail);
    const inv = await admin.post(`/api/t/${TENANT}/invitations`, { email: other.email, role: 'reader' });
    const c = t.client();
    expect((await c.get(`/api/invitations/${inv.body.token}`)).body.existingUser).toBe(true);
    expect(
      (await c.post(`/api/invitations/${inv.body.token}/accept`, { password: 'not-theirs-xx' })).status,
    ).toBe(422);
    const ok = await c.post(`/api/invitations/${inv.body.token}/accept`, { password: TEST_PASSWORD });
    expect(ok.body.user.memberships.map((m: { tenantId: string }) => m.tenantId)).toEqual(['014257', TENANT]);
  });

  it('expires invitations after 7 days and lets managers revoke them', async () => {
    const admin = t.client();
    await admin.login(adminEmail);
    const a = await admin.post(`/api/t/${TENANT}/invitations`, { email: 'late@test.example', role: 'sc1' });
    const b = await admin.post(`/api/t/${TENANT}/invitations`, {
      email: 'revoked@test.example',
      role: 'sc1',
    });
    expect((await admin.delete(`/api/t/${TENANT}/invitations/${b.body.invitation.id}`)).status).toBe(200);
    expect((await t.client().get(`/api/invitations/${b.body.token}`)).status).toBe(404);
    t.clock.advance(7 * 86_400_000 + 1000);
    expect((await t.client().get(`/api/invitations/${a.body.token}`)).status).toBe(404);
  });

  it('changes roles with a version check, never one’s own', async () => {
    const admin = t.client();
    const login = await admin.login(adminEmail);
    const target = await t.f.buildUser({ tenant: TENANT, role: 'sc1' });
    const list = await admin.get(`/api/t/${TENANT}/members`);
    expect(list.body.canManage).toBe(true);
    const member = list.body.members.find((m: { userId: string }) => m.userId === target.id);
    const first = await admin.patch(`/api/t/${TENANT}/members/${target.id}`, {
      role: 'reader',
      areaIds: [],
      version: member.version,
    });
    expect(first.status).toBe(200);
    expect(first.body.role).toBe('reader');
    const stale = await admin.patch(`/api/t/${TENANT}/members/${target.id}`, {
      role: 'council_member',
      areaIds: [],
      version: member.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ role: 'reader' });

    const me = login.body.user.id;
    const self = await admin.patch(`/api/t/${TENANT}/members/${me}`, {
      role: 'reader',
      areaIds: [],
      version: 1,
    });
    expect(self.status).toBe(403);
  });

  it('keeps the staff list from 協議体委員 and 閲覧者, and invitations from SCs', async () => {
    const member = t.client();
    await member.login((await t.f.buildUser({ tenant: TENANT, role: 'council_member' })).email);
    expect((await member.get(`/api/t/${TENANT}/members`)).status).toBe(403);
    const sc = t.client();
    await sc.login((await t.f.buildUser({ tenant: TENANT, role: 'sc1' })).email);
    expect((await sc.get(`/api/t/${TENANT}/members`)).body.canManage).toBe(false);
    expect(
      (await sc.post(`/api/t/${TENANT}/invitations`, { email: 'z@test.example', role: 'sc1' })).status,
    ).toBe(403);
  });
});

describe('audit log', () => {
  it('is append-only at the database', async () => {
    await expect(t.database.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('shows 保険者職員 what happened in the tenant, newest first', async () => {
    const admin = t.client();
    await admin.login(adminEmail);
    const res = await admin.get(`/api/t/${TENANT}/audit-log?limit=5`);
    expect(res.status).toBe(200);
    expect(res.body.entries).toHaveLength(5);
    const ids = res.body.entries.map((e: { id: number }) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const next = await admin.get(`/api/t/${TENANT}/audit-log?limit=5&before=${res.body.nextBefore}`);
    expect(next.body.entries[0].id).toBeLessThan(ids.at(-1));
  });
});
