import { useQueryClient } from '@tanstack/react-query';
import { Pencil, Plus } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  createOpportunity,
  type Opportunity,
  type OpportunityInput,
  updateOpportunity,
} from '../../../contracts/matching';
import {
  OPPORTUNITY_KINDS,
  OPPORTUNITY_STATUSES,
  opportunityKindLabel,
  opportunityStatusLabel,
} from '../../../domain/opportunities';
import { weekdaysText } from '../../../domain/schedule-rrule';
import { ApiError, api } from '../../lib/api';
import { capabilities, useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { ConflictCompare } from '../../ui/conflict-compare';
import { Checkbox, SelectField, TextareaField, TextField } from '../../ui/field';
import { NotFoundContent } from '../../ui/not-found';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { useVersionedSave } from '../../ui/use-versioned-save';
import { canSeePersonalData, needPaths, PrivacyNote } from '../needs';
import { AreaChecklist } from './area-checklist';
import { DaysPicker, ReasonList, ReferralStatusBadge } from './format';
import { matchingPaths } from './paths';
import { invalidateMatching, useOpportunities, useOpportunity, useOpportunityCandidates } from './queries';
import { ReferForm } from './suggestions';

/** 就労的活動: roles companies and groups offer, paid or not, with who has been connected. */
export function OpportunityListPage() {
  const scope = useTenantScope();
  usePageTitle('就労的活動');
  const query = useOpportunities(scope.code);
  const can = capabilities(scope);
  return (
    <>
      <PageHeader
        title="就労的活動"
        lead="企業や団体が高齢者に用意する「役割のある活動」です（有償・無償）。興味・関心チェックシートから合う人を探せます。"
        actions={
          can.editResources && (
            <Link className={buttonClass()} to={matchingPaths.opportunityNew(scope.code)}>
              <Plus aria-hidden="true" size={18} />
              活動を登録
            </Link>
          )
        }
      />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorNotice error={query.error} />
      ) : query.data.items.length === 0 ? (
        <p className="muted">まだ登録されていません。</p>
      ) : (
        <TableScroll label="就労的活動の一覧">
          <table className="table">
            <caption className="visually-hidden">就労的活動の一覧</caption>
            <thead>
              <tr>
                <th scope="col">活動</th>
                <th scope="col">提供する主体</th>
                <th scope="col">種類</th>
                <th scope="col">曜日・時間</th>
                <th scope="col">報酬</th>
                <th scope="col" className="num">
                  参加中／募集
                </th>
                <th scope="col">状況</th>
              </tr>
            </thead>
            <tbody>
              {query.data.items.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={matchingPaths.opportunity(scope.code, o.id)}>{o.title}</Link>
                  </td>
                  <td>{o.offeredBy}</td>
                  <td>{o.kindLabels.join('・')}</td>
                  <td>{[weekdaysText(o.weekdays), o.timeNote].filter(Boolean).join(' ')}</td>
                  <td>{o.paid ? o.rewardNote || 'あり' : o.rewardNote || 'なし'}</td>
                  <td className="num">
                    {o.inUse}
                    {o.capacity ? `／${o.capacity}人` : '人'}
                  </td>
                  <td>{opportunityStatusLabel(o.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

export function OpportunityDetailPage({ id }: { id: string }) {
  const scope = useTenantScope();
  const query = useOpportunity(scope.code, id);
  const personal = canSeePersonalData(scope);
  const candidates = useOpportunityCandidates(
    scope.code,
    id,
    personal && query.data?.opportunity.status === 'open',
  );
  usePageTitle(query.data?.opportunity.title ?? '就労的活動');
  const [referring, setReferring] = useState<string | null>(null);
  const [done, setDone] = useState<{ name: string; id: string } | null>(null);
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404)
      return <NotFoundContent what="就労的活動" />;
    return <ErrorNotice error={query.error} />;
  }
  const o = query.data.opportunity;
  return (
    <>
      <Breadcrumb
        items={[{ label: '就労的活動', to: matchingPaths.opportunities(scope.code) }, { label: o.title }]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader
        title={o.title}
        lead={`${o.offeredBy}・${opportunityStatusLabel(o.status)}`}
        actions={
          o.canEdit && (
            <Link className={buttonClass()} to={matchingPaths.opportunityEdit(scope.code, o.id)}>
              <Pencil aria-hidden="true" size={18} />
              編集
            </Link>
          )
        }
      />
      <dl className="facts">
        <dt>種類</dt>
        <dd>{o.kindLabels.join('・')}</dd>
        <dt>内容</dt>
        <dd className="needs-prewrap">{o.description || <span className="muted">なし</span>}</dd>
        <dt>条件</dt>
        <dd className="needs-prewrap">{o.conditions || <span className="muted">なし</span>}</dd>
        <dt>地域</dt>
        <dd>{o.areaNames.join('・') || '町内全域'}</dd>
        <dt>曜日・時間</dt>
        <dd>
          {[weekdaysText(o.weekdays), o.timeNote].filter(Boolean).join(' ') || (
            <span className="muted">相談</span>
          )}
        </dd>
        <dt>報酬・謝礼</dt>
        <dd>
          {o.paid
            ? `あり${o.rewardNote ? `（${o.rewardNote}）` : ''}`
            : `なし${o.rewardNote ? `（${o.rewardNote}）` : ''}`}
        </dd>
        <dt>参加中／募集</dt>
        <dd>
          {o.inUse}人{o.capacity ? `／${o.capacity}人` : ''}
        </dd>
        {o.contact && (
          <>
            <dt>問い合わせ先</dt>
            <dd>{o.contact}</dd>
          </>
        )}
      </dl>
      {personal && o.status === 'open' && (
        <section aria-labelledby="op-candidates-title">
          <h2 id="op-candidates-title">合いそうな住民</h2>
          <PrivacyNote />
          <p className="muted">
            興味・関心チェックシートで、この活動に近いことを「してみたい」「興味がある」または「している」と答えた人です。
          </p>
          {done && (
            <Notice tone="success" live="status">
              <p>
                {done.name}さんを「{o.title}」につなぐ提案を記録しました。
                <Link to={matchingPaths.referral(scope.code, done.id)}>つなぎの記録を開く</Link>
              </p>
            </Notice>
          )}
          {candidates.isPending ? (
            <Loading />
          ) : candidates.isError ? (
            <ErrorNotice error={candidates.error} />
          ) : candidates.data.residents.length === 0 ? (
            <p className="muted">
              合いそうな人はまだ見つかりません（興味・関心チェックシートの回答が住民と結びついている必要があります）。
            </p>
          ) : (
            <ul className="suggestions">
              {candidates.data.residents.map((p) => (
                <li key={p.id} className="suggestion">
                  <p className="suggestion__name">
                    <Link to={needPaths.resident(scope.code, p.id)}>{p.name}</Link>
                    <span className="suggestion__kind">{p.areaName}</span>
                    {p.referredAs && <ReferralStatusBadge status={p.referredAs} />}
                  </p>
                  <ReasonList reasons={p.reasons} />
                  {!p.referredAs &&
                    (referring === p.id ? (
                      <ReferForm
                        target={{ kind: 'opportunity', id: o.id, name: o.title, reasons: p.reasons }}
                        referFor={{ residentId: p.id }}
                        onDone={(rid) => {
                          setReferring(null);
                          setDone({ name: p.name, id: rid });
                        }}
                      />
                    ) : (
                      <Button
                        variant="secondary"
                        onClick={() => setReferring(p.id)}
                        aria-label={`${p.name}さんをつなぐ`}
                      >
                        つなぐ
                      </Button>
                    ))}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}

type Values = Required<Omit<OpportunityInput, 'organizationId'>>;

function valuesOf(o: Opportunity | null): Values {
  return {
    title: o?.title ?? '',
    offeredBy: o?.offeredBy ?? '',
    kinds: o?.kinds ?? [],
    description: o?.description ?? '',
    conditions: o?.conditions ?? '',
    areaIds: o?.areaIds ?? [],
    weekdays: o?.weekdays ?? [],
    timeNote: o?.timeNote ?? '',
    paid: o?.paid ?? false,
    rewardNote: o?.rewardNote ?? '',
    capacity: o?.capacity ?? null,
    contact: o?.contact ?? '',
    status: o?.status ?? 'open',
  };
}

function describe(v: Values) {
  return [
    { label: '活動の名前', value: v.title },
    { label: '提供する主体', value: v.offeredBy },
    { label: '種類', value: v.kinds.map(opportunityKindLabel).join('・') },
    { label: '曜日', value: weekdaysText(v.weekdays) },
    { label: '時間', value: v.timeNote },
    { label: '報酬', value: v.paid ? `あり ${v.rewardNote}` : `なし ${v.rewardNote}` },
    { label: '募集人数', value: v.capacity === null ? '' : String(v.capacity) },
    { label: '状況', value: opportunityStatusLabel(v.status) },
  ];
}

/** Register or change an opening; a 409 keeps what was typed beside what is saved now. */
export function OpportunityFormPage({ id }: { id?: string }) {
  const scope = useTenantScope();
  // A new opening has nothing to load.
  const existing = useOpportunity(scope.code, id ?? '', Boolean(id));
  if (id && existing.isPending) return <Loading />;
  if (id && existing.isError) return <ErrorNotice error={existing.error} />;
  return <OpportunityForm key={id ?? 'new'} current={id ? (existing.data?.opportunity ?? null) : null} />;
}

function OpportunityForm({ current }: { current: Opportunity | null }) {
  const scope = useTenantScope();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  usePageTitle(current ? `${current.title}の編集` : '就労的活動の登録');
  const [v, setV] = useState<Values>(() => valuesOf(current));
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((x) => ({ ...x, [k]: value }));
  const save = useVersionedSave<Opportunity>({
    version: current?.version ?? 1,
    save: (at) =>
      current
        ? api(updateOpportunity, {
            params: { tenant: scope.code, id: current.id },
            body: { ...v, organizationId: current.organizationId, version: at },
          })
        : api(createOpportunity, { params: { tenant: scope.code }, body: { ...v, organizationId: null } }),
    onSaved: async (o) => {
      await invalidateMatching(queryClient, scope.code);
      navigate(matchingPaths.opportunity(scope.code, o.id));
    },
  });
  const { fields, theirs } = save;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.submit();
  };
  return (
    <>
      <PageHeader title={current ? `${current.title}の編集` : '就労的活動を登録'} />
      {theirs && (
        <ConflictCompare
          id="op-conflict-title"
          message="ほかの人が先にこの活動を変更しました。"
          mine={describe(v)}
          now={describe(valuesOf(theirs))}
          busy={save.mutation.isPending}
          onOverwrite={save.overwrite}
          onLoadCurrent={() => save.takeTheirs((o) => setV(valuesOf(o)))}
        />
      )}
      {save.otherError && <ErrorNotice error={save.otherError} />}
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="op-title"
          label="活動の名前"
          required
          value={v.title}
          error={fields.title}
          maxLength={120}
          onChange={(e) => set('title', e.target.value)}
        />
        <TextField
          id="op-offered"
          label="提供する主体"
          hint="会社・団体・農家など"
          value={v.offeredBy}
          maxLength={120}
          onChange={(e) => set('offeredBy', e.target.value)}
        />
        <fieldset className={`fieldset${fields.kinds ? ' field--error' : ''}`}>
          <legend className="fieldset__legend">活動の種類</legend>
          {fields.kinds && <p className="field__error">{fields.kinds}</p>}
          <div className="check-grid">
            {OPPORTUNITY_KINDS.map((k, i) => (
              <Checkbox
                key={k.code}
                id={i === 0 ? 'op-kinds' : undefined}
                label={k.label}
                checked={v.kinds.includes(k.code)}
                onChange={(e) =>
                  set('kinds', e.target.checked ? [...v.kinds, k.code] : v.kinds.filter((x) => x !== k.code))
                }
              />
            ))}
          </div>
        </fieldset>
        <TextareaField
          id="op-description"
          label="内容"
          rows={3}
          value={v.description}
          maxLength={2000}
          onChange={(e) => set('description', e.target.value)}
        />
        <TextareaField
          id="op-conditions"
          label="条件"
          hint="持ち物・送迎・年齢など"
          rows={2}
          value={v.conditions}
          maxLength={1000}
          onChange={(e) => set('conditions', e.target.value)}
        />
        <AreaChecklist
          idBase="op-areas"
          legend="活動する地域"
          hint="選ばないときは町内全域です"
          value={v.areaIds}
          error={fields.areaIds}
          onChange={(ids) => set('areaIds', ids)}
        />
        <DaysPicker legend="曜日" value={v.weekdays} onChange={(ds) => set('weekdays', ds)} />
        <TextField
          id="op-time"
          label="時間"
          hint="例：9時〜11時（6月〜10月）"
          value={v.timeNote}
          maxLength={200}
          onChange={(e) => set('timeNote', e.target.value)}
        />
        <Checkbox label="報酬あり" checked={v.paid} onChange={(e) => set('paid', e.target.checked)} />
        <TextField
          id="op-reward"
          label="報酬・謝礼"
          hint="例：1時間800円、ボランティアポイントの対象"
          value={v.rewardNote}
          maxLength={200}
          onChange={(e) => set('rewardNote', e.target.value)}
        />
        <TextField
          id="op-capacity"
          label="募集人数"
          inputMode="numeric"
          short
          value={v.capacity === null ? '' : String(v.capacity)}
          error={fields.capacity}
          onChange={(e) =>
            set('capacity', e.target.value.trim() === '' ? null : Number(e.target.value.normalize('NFKC')))
          }
        />
        <TextField
          id="op-contact"
          label="問い合わせ先"
          value={v.contact}
          maxLength={200}
          onChange={(e) => set('contact', e.target.value)}
        />
        <SelectField
          id="op-status"
          label="募集の状況"
          value={v.status}
          onChange={(e) => set('status', e.target.value as Values['status'])}
        >
          {OPPORTUNITY_STATUSES.map((s) => (
            <option key={s.code} value={s.code}>
              {s.label}
            </option>
          ))}
        </SelectField>
        <div className="button-row">
          <Button type="submit" busy={save.mutation.isPending} busyLabel="保存しています…">
            保存する
          </Button>
          <Link
            className={buttonClass('quiet')}
            to={
              current
                ? matchingPaths.opportunity(scope.code, current.id)
                : matchingPaths.opportunities(scope.code)
            }
          >
            やめる
          </Link>
        </div>
      </form>
    </>
  );
}
