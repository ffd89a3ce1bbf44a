import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Copy, UserPlus } from 'lucide-react';
import { type FormEvent, Fragment, useState } from 'react';
import {
  createInvitation,
  type Invitation,
  InvitationInput,
  listInvitations,
  listMembers,
  type Member,
  removeMember,
  revokeInvitation,
  updateMember,
} from '../../../contracts/accounts';
import type { FieldError } from '../../../contracts/http';
import { LAYER_SHORT } from '../../../domain/areas';
import { ROLE_INFO, ROLES, type Role } from '../../../domain/roles';
import { ApiError, api } from '../../lib/api';
import { errorFor, fieldIdFor, formErrors, validate } from '../../lib/form';
import { useTenantScope, useUser } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button } from '../../ui/button';
import { WarekiDateTime } from '../../ui/dates';
import { ErrorSummary } from '../../ui/error-summary';
import { Checkbox, SelectField, TextField } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { useAreaList } from '../areas';

interface AreaOption {
  id: string;
  name: string;
  layer: 1 | 2 | 3;
}

const keys = {
  members: (tenant: string) => ['members', tenant] as const,
  invitations: (tenant: string) => ['invitations', tenant] as const,
};

/** 利用者: who works in this tenant; managers change roles, remove and invite. */
export function MembersPage() {
  usePageTitle('利用者');
  const scope = useTenantScope();
  const members = useQuery({
    queryKey: keys.members(scope.code),
    queryFn: ({ signal }) => api(listMembers, { params: { tenant: scope.code }, signal }),
  });
  const areas = useAreaList(scope.code, undefined, false);
  const canManage = members.data?.canManage ?? false;
  const areaOptions: AreaOption[] = (areas.data?.areas ?? []).map((a) => ({
    id: a.id,
    name: a.name,
    layer: a.layer,
  }));
  const areaName = (id: string) => areaOptions.find((a) => a.id === id)?.name ?? '（使っていない地域）';

  return (
    <>
      <PageHeader
        title="利用者"
        lead={
          canManage
            ? '役割と担当の地域を決め、新しい人を招待します。'
            : 'この団体でささえあいを使っている人です。'
        }
      />
      {members.isPending && <Loading />}
      {members.isError && <ErrorNotice error={members.error} />}
      {members.data && (
        <MemberTable
          members={members.data.members}
          canManage={canManage}
          areaOptions={areaOptions}
          areaName={areaName}
        />
      )}
      {canManage && (
        <>
          <InviteForm areaOptions={areaOptions} />
          <PendingInvitations areaName={areaName} />
        </>
      )}
    </>
  );
}

function MemberTable({
  members,
  canManage,
  areaOptions,
  areaName,
}: {
  members: Member[];
  canManage: boolean;
  areaOptions: AreaOption[];
  areaName: (id: string) => string;
}) {
  const user = useUser();
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (m: Member) => api(removeMember, { params: { tenant: scope.code, userId: m.userId } }),
    onSuccess: async (_, m) => {
      setRemoving(null);
      setStatus(`${m.displayName}さんをこの団体から外しました。`);
      await queryClient.invalidateQueries({ queryKey: keys.members(scope.code) });
    },
  });
  const cols = canManage ? 5 : 4;
  return (
    <div>
      <div aria-live="polite">
        {status && (
          <Notice tone="success">
            <p>{status}</p>
          </Notice>
        )}
      </div>
      {remove.isError && <ErrorNotice error={remove.error} />}
      <TableScroll label="利用者の一覧">
        <table className="table">
          <caption>利用者（{members.length}人）</caption>
          <thead>
            <tr>
              <th scope="col">名前・メールアドレス</th>
              <th scope="col">役割</th>
              <th scope="col">担当の地域</th>
              <th scope="col">最後のログイン</th>
              {canManage && <th scope="col">操作</th>}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => {
              const self = m.userId === user.id && !user.systemAdmin;
              return (
                <Fragment key={m.userId}>
                  <tr>
                    <th scope="row">
                      {m.displayName}
                      {m.userId === user.id && <span className="muted">（自分）</span>}
                      <br />
                      <span className="muted">{m.email}</span>
                    </th>
                    <td className="wrap">{ROLE_INFO[m.role].label}</td>
                    <td className="wrap">
                      {m.areaIds.length === 0 ? '—' : m.areaIds.map(areaName).join('、')}
                    </td>
                    <td className="nowrap">
                      {m.lastLoginAt ? <WarekiDateTime instant={m.lastLoginAt} /> : 'まだありません'}
                    </td>
                    {canManage && (
                      <td>
                        {self ? (
                          <span className="muted">変更はほかの保険者職員が行います</span>
                        ) : (
                          <div className="page-actions">
                            <Button
                              variant="secondary"
                              small
                              aria-expanded={editing === m.userId}
                              aria-label={`変更（${m.displayName}さんの役割）`}
                              onClick={() => {
                                setStatus(null);
                                setEditing((id) => (id === m.userId ? null : m.userId));
                              }}
                            >
                              変更
                            </Button>
                            <Button
                              variant="danger"
                              small
                              aria-label={`外す（${m.displayName}さん）`}
                              onClick={() => {
                                setStatus(null);
                                setRemoving(m.userId);
                              }}
                            >
                              外す
                            </Button>
                          </div>
                        )}
                      </td>
                    )}
                  </tr>
                  {removing === m.userId && (
                    <tr>
                      <td colSpan={cols}>
                        <div className="notice notice--warning" role="alert">
                          <p>
                            {m.displayName}さんをこの団体から外しますか？
                            外すと、この団体の情報は見られなくなります（アカウントは残ります）。
                          </p>
                          <div className="button-row">
                            <Button
                              variant="danger-solid"
                              busy={remove.isPending}
                              onClick={() => remove.mutate(m)}
                            >
                              外す
                            </Button>
                            <Button variant="secondary" onClick={() => setRemoving(null)}>
                              やめる
                            </Button>
                          </div>
                        </div>
                      </td>
                    </tr>
                  )}
                  {editing === m.userId && (
                    <tr>
                      <td colSpan={cols}>
                        <MemberEditForm
                          member={m}
                          areaOptions={areaOptions}
                          onDone={(message) => {
                            setEditing(null);
                            if (message) setStatus(message);
                          }}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

function RoleSelect({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: Role;
  onChange: (r: Role) => void;
  error: string | null;
}) {
  return (
    <SelectField
      id={id}
      label="役割"
      hint={ROLE_INFO[value].description}
      value={value}
      onChange={(e) => onChange(e.target.value as Role)}
      error={error}
      required
    >
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {ROLE_INFO[r].label}
        </option>
      ))}
    </SelectField>
  );
}

function AreaChecks({
  id,
  options,
  value,
  onChange,
  error,
}: {
  id: string;
  options: AreaOption[];
  value: string[];
  onChange: (ids: string[]) => void;
  error: string | null;
}) {
  const groups = ([2, 3] as const)
    .map((layer) => ({ layer, items: options.filter((a) => a.layer === layer) }))
    .filter((g) => g.items.length > 0);
  const toggle = (areaId: string, on: boolean) =>
    onChange(on ? [...value, areaId] : value.filter((v) => v !== areaId));
  return (
    <fieldset
      className={`fieldset${error ? ' field--error' : ''}`}
      id={id}
      tabIndex={-1}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="fieldset__legend">
        担当する地域<span className="field__required">必須</span>
      </legend>
      <span className="field__hint">
        第2層コーディネーターは、選んだ地域とその下の地域の情報を変更できます。
      </span>
      {error && (
        <span className="field__error" id={`${id}-error`}>
          {error}
        </span>
      )}
      {groups.length === 0 && (
        <p className="muted">まだ第2層・第3層の地域がありません。先に地域を追加してください。</p>
      )}
      {groups.map((g) =>
        g.layer === 3 && g.items.length > 12 ? (
          <details className="more" key={g.layer}>
            <summary>
              {LAYER_SHORT[g.layer]}の地域から選ぶ（{g.items.length}件）
            </summary>
            <div className="check-grid">
              {g.items.map((a) => (
                <Checkbox
                  key={a.id}
                  label={a.name}
                  checked={value.includes(a.id)}
                  onChange={(e) => toggle(a.id, e.target.checked)}
                />
              ))}
            </div>
          </details>
        ) : (
          <div key={g.layer}>
            <p className="muted" style={{ margin: 0 }}>
              {LAYER_SHORT[g.layer]}
            </p>
            <div className="check-grid">
              {g.items.map((a) => (
                <Checkbox
                  key={a.id}
                  label={a.name}
                  checked={value.includes(a.id)}
                  onChange={(e) => toggle(a.id, e.target.checked)}
                />
              ))}
            </div>
          </div>
        ),
      )}
    </fieldset>
  );
}

function MemberEditForm({
  member,
  areaOptions,
  onDone,
}: {
  member: Member;
  areaOptions: AreaOption[];
  onDone: (message: string | null) => void;
}) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>(member.role);
  const [areaIds, setAreaIds] = useState<string[]>(member.areaIds);
  const [version, setVersion] = useState(member.version);
  const form = `member-${member.userId}`;
  const mutation = useMutation({
    mutationFn: () =>
      api(updateMember, {
        params: { tenant: scope.code, userId: member.userId },
        body: { role, areaIds: role === 'sc2' ? areaIds : [], version },
      }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: keys.members(scope.code) });
      onDone(`${saved.displayName}さんの役割を「${ROLE_INFO[saved.role].label}」にしました。`);
    },
    onError: (error) => {
      // Someone else changed this person first: keep the choices, take the new version, show the message.
      if (error instanceof ApiError && error.status === 409) {
        const current = error.current as Partial<Member> | undefined;
        if (typeof current?.version === 'number') setVersion(current.version);
        void queryClient.invalidateQueries({ queryKey: keys.members(scope.code) });
      }
    },
  });
  const errors = formErrors(mutation.error);
  const fieldId = fieldIdFor(form, ['role', 'areaIds']);
  return (
    <form
      className="panel"
      noValidate
      aria-label={`${member.displayName}さんの役割の変更`}
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate();
      }}
    >
      <ErrorSummary message={errors.message} items={errors.items} fieldId={fieldId} />
      {mutation.error instanceof ApiError && mutation.error.status === 409 && (
        <p>もう一度「保存する」を押すと、この内容で上書きします。</p>
      )}
      <RoleSelect id={`${form}-role`} value={role} onChange={setRole} error={errorFor(errors, 'role')} />
      {role === 'sc2' && (
        <AreaChecks
          id={`${form}-areaIds`}
          options={areaOptions}
          value={areaIds}
          onChange={setAreaIds}
          error={errorFor(errors, 'areaIds')}
        />
      )}
      <div className="button-row">
        <Button type="submit" busy={mutation.isPending} busyLabel="保存しています…">
          保存する
        </Button>
        <Button variant="secondary" onClick={() => onDone(null)}>
          やめる
        </Button>
      </div>
    </form>
  );
}

const INVITE = 'invite';
const inviteFieldId = fieldIdFor(INVITE, ['email', 'role', 'areaIds']);

function InviteForm({ areaOptions }: { areaOptions: AreaOption[] }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('sc2');
  const [areaIds, setAreaIds] = useState<string[]>([]);
  const [local, setLocal] = useState<FieldError[]>([]);
  const [link, setLink] = useState<{ url: string; email: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      api(createInvitation, {
        params: { tenant: scope.code },
        body: { email, role, areaIds: role === 'sc2' ? areaIds : [] },
      }),
    onSuccess: async (result) => {
      setLink({ url: `${location.origin}${result.path}`, email: result.invitation.email });
      setCopied(false);
      setEmail('');
      setAreaIds([]);
      await queryClient.invalidateQueries({ queryKey: keys.invitations(scope.code) });
    },
  });
  const errors = local.length > 0 ? { message: null, items: local } : formErrors(mutation.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setLink(null);
    const problems = validate(InvitationInput, { email, role, areaIds });
    if (role === 'sc2' && areaIds.length === 0)
      problems.push({
        path: 'areaIds',
        message: '担当する地域：第2層コーディネーターには、担当する地域を1つ以上選んでください。',
      });
    setLocal(problems);
    if (problems.length === 0) mutation.mutate();
  };

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(true);
    } catch {
      (document.getElementById('invite-link') as HTMLInputElement | null)?.select();
    }
  };

  return (
    <section aria-labelledby="invite-title" className="panel">
      <h2 id="invite-title">
        <UserPlus aria-hidden="true" size={22} /> 新しい人を招待する
      </h2>
      <p className="muted">
        招待のリンクを作ります。リンクはこの画面に一度だけ表示されるので、メールやチャットで本人に伝えてください（7日間有効）。
      </p>
      <div aria-live="polite">
        {link && (
          <Notice tone="success" title={`${link.email} さんへの招待リンクを作りました`}>
            <div className="copy-box">
              <label className="visually-hidden" htmlFor="invite-link">
                招待のリンク
              </label>
              <input
                id="invite-link"
                className="input"
                readOnly
                value={link.url}
                onFocus={(e) => e.target.select()}
              />
              <Button variant="secondary" onClick={copy} icon={<Copy aria-hidden="true" size={18} />}>
                {copied ? 'コピーしました' : 'リンクをコピー'}
              </Button>
            </div>
          </Notice>
        )}
      </div>
      <form onSubmit={submit} noValidate aria-label="招待">
        <ErrorSummary message={errors.message} items={errors.items} fieldId={inviteFieldId} />
        <TextField
          id={`${INVITE}-email`}
          label="メールアドレス"
          type="email"
          autoComplete="off"
          inputMode="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errorFor(errors, 'email')}
        />
        <RoleSelect id={`${INVITE}-role`} value={role} onChange={setRole} error={errorFor(errors, 'role')} />
        {role === 'sc2' && (
          <AreaChecks
            id={`${INVITE}-areaIds`}
            options={areaOptions}
            value={areaIds}
            onChange={setAreaIds}
            error={errorFor(errors, 'areaIds')}
          />
        )}
        <Button type="submit" busy={mutation.isPending} busyLabel="作っています…">
          招待のリンクを作る
        </Button>
      </form>
    </section>
  );
}

function isPending(i: Invitation): boolean {
  return !i.acceptedAt && !i.revokedAt && new Date(i.expiresAt).getTime() > Date.now();
}

function PendingInvitations({ areaName }: { areaName: (id: string) => string }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const query = useQuery({
    queryKey: keys.invitations(scope.code),
    queryFn: ({ signal }) => api(listInvitations, { params: { tenant: scope.code }, signal }),
  });
  const revoke = useMutation({
    mutationFn: (i: Invitation) => api(revokeInvitation, { params: { tenant: scope.code, id: i.id } }),
    onSuccess: async (_, i) => {
      setStatus(`${i.email} さんへの招待を取り消しました。`);
      await queryClient.invalidateQueries({ queryKey: keys.invitations(scope.code) });
    },
  });
  const pending = (query.data?.invitations ?? []).filter(isPending);
  return (
    <section aria-labelledby="pending-title">
      <h2 id="pending-title">まだ受け入れられていない招待</h2>
      <div aria-live="polite">
        {status && (
          <Notice tone="success">
            <p>{status}</p>
          </Notice>
        )}
      </div>
      {revoke.isError && <ErrorNotice error={revoke.error} />}
      {query.isPending && <Loading />}
      {query.isError && <ErrorNotice error={query.error} />}
      {query.data && pending.length === 0 && <p className="muted">受け入れを待っている招待はありません。</p>}
      {pending.length > 0 && (
        <TableScroll label="受け入れを待っている招待">
          <table className="table">
            <caption className="visually-hidden">受け入れを待っている招待</caption>
            <thead>
              <tr>
                <th scope="col">メールアドレス</th>
                <th scope="col">役割</th>
                <th scope="col">担当の地域</th>
                <th scope="col">有効期限</th>
                <th scope="col">招待した人</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {pending.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.email}</th>
                  <td>{ROLE_INFO[i.role].label}</td>
                  <td>{i.areaIds.length === 0 ? '—' : i.areaIds.map(areaName).join('、')}</td>
                  <td className="nowrap">
                    <WarekiDateTime instant={i.expiresAt} />
                  </td>
                  <td>{i.invitedBy ?? '—'}</td>
                  <td>
                    <Button
                      variant="danger"
                      small
                      busy={revoke.isPending && revoke.variables?.id === i.id}
                      aria-label={`取り消し（${i.email} さんへの招待）`}
                      onClick={() => {
                        setStatus(null);
                        revoke.mutate(i);
                      }}
                    >
                      取り消し
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
