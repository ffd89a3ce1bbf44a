import { z } from 'zod';
import { ROLES } from '../domain/roles';
import { endpoint, IsoDateTime, Ok, TenantCode, TenantParams, Uuid, Version } from './http';

const tag = 'accounts';

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email())
  .meta({ title: 'メールアドレス', example: 'sc@example.jp' });

/** Long enough to resist guessing; no composition rules (they make passwords worse, NIST 800-63B). */
export const NewPassword = z
  .string()
  .min(10, '10文字以上にしてください')
  .max(200, '200文字以内にしてください')
  .refine((s) => new Set(s).size >= 4, '同じ文字の繰り返しではなく、推測されにくい文字列にしてください')
  .meta({ title: '新しいパスワード' });

export const RoleSchema = z.enum(ROLES).meta({ title: '役割' });

export const MembershipInfo = z.object({
  tenantId: TenantCode,
  tenantName: z.string(),
  prefecture: z.string(),
  fictional: z.boolean(),
  role: RoleSchema,
  areaIds: z.array(Uuid),
});

export const SessionUser = z.object({
  id: Uuid,
  email: z.string(),
  displayName: z.string(),
  systemAdmin: z.boolean(),
  memberships: z.array(MembershipInfo),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const DemoAccount = z.object({
  email: z.string(),
  password: z.string(),
  label: z.string(),
  description: z.string(),
});

export const SessionState = z
  .object({
    user: SessionUser.nullable(),
    /** Send back as `X-CSRF-Token` on every state-changing request. */
    csrfToken: z.string().nullable(),
    demo: z.boolean(),
    /** Only in demo mode: the accounts of the fictional town, one per role. */
    demoAccounts: z.array(DemoAccount),
  })
  .meta({ id: 'SessionState' });
export type SessionState = z.infer<typeof SessionState>;

export const getSession = endpoint({
  method: 'get',
  path: '/api/auth/session',
  summary: 'ログイン状態を取得する',
  tag,
  access: 'public',
  response: SessionState,
});

export const LoginInput = z.object({
  email: Email,
  password: z.string().min(1).max(200).meta({ title: 'パスワード' }),
});

export const login = endpoint({
  method: 'post',
  path: '/api/auth/login',
  summary: 'ログインする',
  description: '続けて失敗すると一定時間ログインできなくなります（429）。',
  tag,
  access: 'public',
  body: LoginInput,
  response: SessionState,
});

export const logout = endpoint({
  method: 'post',
  path: '/api/auth/logout',
  summary: 'ログアウトする',
  tag,
  access: 'session',
  response: Ok,
});

export const changePassword = endpoint({
  method: 'post',
  path: '/api/auth/password',
  summary: 'パスワードを変更する',
  description: 'ほかの端末のログインはすべて終了します。',
  tag,
  access: 'session',
  body: z.object({
    currentPassword: z.string().min(1).max(200).meta({ title: '今のパスワード' }),
    newPassword: NewPassword,
  }),
  response: Ok,
});

export const Member = z
  .object({
    userId: Uuid,
    email: z.string(),
    displayName: z.string(),
    role: RoleSchema,
    areaIds: z.array(Uuid),
    lastLoginAt: IsoDateTime.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof Member>;

export const MemberParams = TenantParams.extend({ userId: Uuid });

export const listMembers = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/members',
  summary: '団体の利用者と役割の一覧',
  tag,
  access: 'tenant',
  params: TenantParams,
  response: z.object({ members: z.array(Member), canManage: z.boolean() }),
});

export const AreaIds = z.array(Uuid).max(50).meta({ title: '担当する地域' });

export const updateMember = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}/members/{userId}',
  summary: '利用者の役割・担当地域を変更する',
  tag,
  access: 'tenant',
  params: MemberParams,
  body: z.object({ role: RoleSchema, areaIds: AreaIds, version: Version }),
  response: Member,
});

export const removeMember = endpoint({
  method: 'delete',
  path: '/api/t/{tenant}/members/{userId}',
  summary: '利用者をこの団体から外す',
  tag,
  access: 'tenant',
  params: MemberParams,
  response: Ok,
});

export const Invitation = z
  .object({
    id: Uuid,
    email: z.string(),
    role: RoleSchema,
    areaIds: z.array(Uuid),
    createdAt: IsoDateTime,
    expiresAt: IsoDateTime,
    acceptedAt: IsoDateTime.nullable(),
    revokedAt: IsoDateTime.nullable(),
    invitedBy: z.string().nullable(),
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof Invitation>;

export const listInvitations = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/invitations',
  summary: '招待の一覧',
  tag,
  access: 'tenant',
  params: TenantParams,
  response: z.object({ invitations: z.array(Invitation) }),
});

export const InvitationInput = z.object({ email: Email, role: RoleSchema, areaIds: AreaIds.default([]) });

export const createInvitation = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/invitations',
  summary: '利用者を招待する',
  description: '招待用のリンクを一度だけ返します。メールやチャットで本人に伝えてください（7日間有効）。',
  tag,
  access: 'tenant',
  params: TenantParams,
  body: InvitationInput,
  status: 201,
  response: z.object({ invitation: Invitation, token: z.string(), path: z.string() }),
});

export const revokeInvitation = endpoint({
  method: 'delete',
  path: '/api/t/{tenant}/invitations/{id}',
  summary: '招待を取り消す',
  tag,
  access: 'tenant',
  params: TenantParams.extend({ id: Uuid }),
  response: Ok,
});

export const InvitationTokenParams = z.object({ token: z.string().min(20).max(100) });

export const getInvitation = endpoint({
  method: 'get',
  path: '/api/invitations/{token}',
  summary: '招待の内容を確認する',
  tag,
  access: 'public',
  params: InvitationTokenParams,
  response: z.object({
    tenantName: z.string(),
    fictional: z.boolean(),
    email: z.string(),
    role: RoleSchema,
    existingUser: z.boolean(),
    expiresAt: IsoDateTime,
  }),
});

export const acceptInvitation = endpoint({
  method: 'post',
  path: '/api/invitations/{token}/accept',
  summary: '招待を受けて利用を始める',
  description: '初めての人は名前とパスワードを決めます。すでに利用している人は今のパスワードを入力します。',
  tag,
  access: 'public',
  params: InvitationTokenParams,
  body: z.object({
    displayName: z.string().trim().min(1).max(60).optional().meta({ title: 'お名前' }),
    password: z.string().min(1).max(200).meta({ title: 'パスワード' }),
  }),
  response: SessionState,
});
