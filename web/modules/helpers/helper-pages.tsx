import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Pencil, Plus, Trash2 } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  addHelperTraining,
  createHelper,
  getHelper,
  type Helper,
  type HelperInput,
  listHelpers,
  removeHelperTraining,
  updateHelper,
} from '../../../contracts/helpers';
import { todayInTokyo } from '../../../domain/dates';
import {
  HELPER_KINDS,
  HELPER_SKILLS,
  HELPER_STATUSES,
  helperSkillLabel,
  helperStatusLabel,
  TRAINING_KINDS,
  type TrainingKind,
} from '../../../domain/helpers';
import { KANJI_DAYS, WEEK_ORDER, weekdaysText } from '../../../domain/schedule-rrule';
import { ApiError, api } from '../../lib/api';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { ConflictCompare } from '../../ui/conflict-compare';
import { WarekiDate } from '../../ui/dates';
import { Checkbox, SelectField, TextareaField, TextField } from '../../ui/field';
import { NotFoundContent } from '../../ui/not-found';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { Pager } from '../../ui/pager';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { useVersionedSave } from '../../ui/use-versioned-save';
import { AreaChecklist, DaysPicker, matchingPaths, ReferralsOf } from '../matching';
import { AreaOptions, canSeePersonalData, PrivacyNote, useAreaChoices } from '../needs';

const PER_PAGE = 50;

const helperKeys = {
  all: (tenant: string) => ['helpers', tenant] as const,
  detail: (tenant: string, id: string) => ['helpers', tenant, 'detail', id] as const,
};

/** 担い手（人材バンク）: who can help with what, when and where. */
export function HelperListPage() {
  const scope = useTenantScope();
  usePageTitle('担い手（人材バンク）');
  const [search, setSearch] = useSearchParams();
  const areas = useAreaChoices();
  const allowed = canSeePersonalData(scope);
  const get = (k: string) => search.get(k) ?? '';
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(search);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setSearch(next, { replace: true });
  };
  const query = {
    q: get('q') || undefined,
    skill: (get('skill') || undefined) as never,
    area: get('area') || undefined,
    weekday: get('weekday') === '' ? undefined : Number(get('weekday')),
    status: (get('status') || undefined) as never,
    page: Number(get('page') || '1'),
    perPage: PER_PAGE,
  };
  const list = useQuery({
    queryKey: [...helperKeys.all(scope.code), 'list', query],
    queryFn: ({ signal }) => api(listHelpers, { params: { tenant: scope.code }, query, signal }),
    placeholderData: keepPreviousData,
    enabled: allowed,
  });
  return (
    <>
      <PageHeader
        title="担い手（人材バンク）"
        lead="ボランティアや有償ボランティアとして手伝える人・団体です。登録への同意を取り下げた人には頼めません。"
        actions={
          allowed && (
            <Link className={buttonClass()} to={matchingPaths.helperNew(scope.code)}>
              <Plus aria-hidden="true" size={18} />
              担い手を登録
            </Link>
          )
        }
      />
      {!allowed ? (
        <Notice tone="warning">
          <p>担い手の名簿は個人情報のため、保険者職員と生活支援コーディネーターだけが見られます。</p>
        </Notice>
      ) : (
        <>
          <PrivacyNote />
          <div className="filters-row">
            <TextField
              id="helper-q"
              label="氏名・よみがな"
              value={get('q')}
              onChange={(e) => set('q', e.target.value)}
            />
            <SelectField
              id="helper-skill"
              label="できること"
              value={get('skill')}
              onChange={(e) => set('skill', e.target.value)}
            >
              <option value="">すべて</option>
              {HELPER_SKILLS.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.label}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="helper-area"
              label="地域"
              value={get('area')}
              onChange={(e) => set('area', e.target.value)}
            >
              <option value="">すべての地域</option>
              <AreaOptions rows={areas.rows} />
            </SelectField>
            <SelectField
              id="helper-day"
              label="曜日"
              value={get('weekday')}
              onChange={(e) => set('weekday', e.target.value)}
            >
              <option value="">いつでも</option>
              {WEEK_ORDER.map((d) => (
                <option key={d} value={String(d)}>
                  {KANJI_DAYS[d]}曜日
                </option>
              ))}
            </SelectField>
            <SelectField
              id="helper-status"
              label="活動の状況"
              value={get('status')}
              onChange={(e) => set('status', e.target.value)}
            >
              <option value="">すべて</option>
              {HELPER_STATUSES.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.label}
                </option>
              ))}
            </SelectField>
          </div>
          {list.isPending ? (
            <Loading />
          ) : list.isError ? (
            <ErrorNotice error={list.error} />
          ) : (
            <>
              <p role="status">
                {list.data.total === 0
                  ? '条件に合う担い手はいません。'
                  : `${list.data.total.toLocaleString('ja-JP')}人・団体`}
              </p>
              {list.data.items.length > 0 && (
                <TableScroll label="担い手の一覧">
                  <table className="table">
                    <caption className="visually-hidden">担い手の一覧（よみがな順）</caption>
                    <thead>
                      <tr>
                        <th scope="col">氏名・団体名</th>
                        <th scope="col">住んでいる地域</th>
                        <th scope="col">できること</th>
                        <th scope="col">曜日</th>
                        <th scope="col">状況</th>
                        <th scope="col" className="num">
                          担当中のつなぎ
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.data.items.map((h) => (
                        <tr key={h.id}>
                          <td>
                            <Link to={matchingPaths.helper(scope.code, h.id)}>{h.name}</Link>
                            {h.kind === 'group' && <span className="muted">（団体）</span>}
                          </td>
                          <td>{h.homeAreaName ?? '—'}</td>
                          <td className="wrap">{h.skills.map(helperSkillLabel).join('・')}</td>
                          <td>{weekdaysText(h.weekdays) || '—'}</td>
                          <td>
                            {helperStatusLabel(h.status)}
                            {!h.available && h.status === 'active' && (
                              <span className="warn-text">（同意なし）</span>
                            )}
                          </td>
                          <td className="num">{h.openReferrals}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              )}
              <Pager
                page={list.data.page}
                lastPage={Math.max(1, Math.ceil(list.data.total / PER_PAGE))}
                perPage={PER_PAGE}
                onPage={(p) => set('page', String(p))}
              />
            </>
          )}
        </>
      )}
    </>
  );
}

function useHelper(tenant: string, id: string, enabled = true) {
  return useQuery({
    queryKey: helperKeys.detail(tenant, id),
    queryFn: ({ signal }) => api(getHelper, { params: { tenant, id }, signal }),
    enabled,
  });
}

export function HelperDetailPage({ id }: { id: string }) {
  const scope = useTenantScope();
  const query = useHelper(scope.code, id);
  usePageTitle(query.data?.helper.name ?? '担い手');
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404)
      return <NotFoundContent what="担い手" />;
    return <ErrorNotice error={query.error} />;
  }
  const h = query.data.helper;
  const consent = h.consent;
  return (
    <>
      <Breadcrumb
        items={[{ label: '担い手', to: matchingPaths.helpers(scope.code) }, { label: h.name }]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader
        title={h.name}
        lead={`${h.homeAreaName ?? '地域未登録'}・${helperStatusLabel(h.status)}`}
        actions={
          h.canEdit && (
            <Link className={buttonClass()} to={matchingPaths.helperEdit(scope.code, h.id)}>
              <Pencil aria-hidden="true" size={18} />
              編集
            </Link>
          )
        }
      />
      <PrivacyNote />
      {!h.available && (
        <Notice tone="warning">
          <p>
            {consent?.withdrawnOn
              ? `登録への同意を取り下げています（${consent.withdrawnOn}）。つなぎ先の候補には出ません。`
              : !consent
                ? '登録への同意が記録されていません。同意を得るまで、つなぎ先の候補には出ません。'
                : `今は「${helperStatusLabel(h.status)}」です。つなぎ先の候補には出ません。`}
          </p>
        </Notice>
      )}
      <dl className="facts">
        <dt>できること</dt>
        <dd>{h.skills.map(helperSkillLabel).join('・') || <span className="muted">未登録</span>}</dd>
        <dt>活動できる曜日</dt>
        <dd>
          {weekdaysText(h.weekdays) || '相談'}
          {h.timeNote && `（${h.timeNote}）`}
        </dd>
        <dt>活動できる地域</dt>
        <dd>{[h.homeAreaName, ...h.areaNames].filter(Boolean).join('・') || '—'}</dd>
        <dt>謝礼</dt>
        <dd>{h.rewardNote || '無償'}</dd>
        <dt>電話</dt>
        <dd>{h.phone || '—'}</dd>
        <dt>住所</dt>
        <dd>{[h.townName, h.address].filter(Boolean).join(' ') || '—'}</dd>
        <dt>登録への同意</dt>
        <dd>
          {consent ? (
            <>
              <WarekiDate date={consent.on} />（{consent.recordedBy}）
              {consent.withdrawnOn && (
                <>
                  {' '}
                  ・取り下げ <WarekiDate date={consent.withdrawnOn} />
                </>
              )}
            </>
          ) : (
            <span className="warn-text">記録なし</span>
          )}
        </dd>
        {h.note && (
          <>
            <dt>メモ</dt>
            <dd className="needs-prewrap">{h.note}</dd>
          </>
        )}
      </dl>
      <Trainings helper={h} />
      <section aria-labelledby="helper-referrals-title">
        <h2 id="helper-referrals-title">つなぎ</h2>
        {/* Referrals to this helper: the matching module lists them by target. */}
        <ReferralsOf targetId={h.id} />
      </section>
    </>
  );
}

/** 受けた講座: the list, and a small form to add one (a mistake can be taken back). */
function Trainings({ helper: h }: { helper: Helper }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<TrainingKind>('seikatsu-supporter');
  const [on, setOn] = useState(todayInTokyo());
  const refresh = (data: Helper) =>
    queryClient.setQueryData(helperKeys.detail(scope.code, h.id), { helper: data });
  const add = useMutation({
    mutationFn: () =>
      api(addHelperTraining, { params: { tenant: scope.code, id: h.id }, body: { kind, completedOn: on } }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (trainingId: string) =>
      api(removeHelperTraining, { params: { tenant: scope.code, id: h.id, trainingId } }),
    onSuccess: refresh,
  });
  const fields = add.error instanceof ApiError ? add.error.fieldMap() : {};
  return (
    <section aria-labelledby="helper-trainings-title">
      <h2 id="helper-trainings-title">受けた講座</h2>
      {h.trainings.length === 0 ? (
        <p className="muted">記録はありません。</p>
      ) : (
        <ul className="plain-list">
          {h.trainings.map((t) => (
            <li key={t.id}>
              <WarekiDate date={t.completedOn} />　{t.title || t.kindLabel}
              {h.canEdit && (
                <Button
                  variant="quiet"
                  small
                  onClick={() => remove.mutate(t.id)}
                  aria-label={`${t.title || t.kindLabel}の記録を取り消す`}
                >
                  <Trash2 aria-hidden="true" size={16} />
                  取り消す
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {h.canEdit && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
          noValidate
          aria-label="講座の記録を追加"
        >
          <SelectField
            id="training-kind"
            label="講座"
            value={kind}
            onChange={(e) => setKind(e.target.value as TrainingKind)}
          >
            {TRAINING_KINDS.map((t) => (
              <option key={t.code} value={t.code}>
                {t.label}
              </option>
            ))}
          </SelectField>
          <TextField
            id="training-on"
            type="date"
            label="受講した日"
            value={on}
            error={fields.completedOn}
            onChange={(e) => setOn(e.target.value)}
            short
          />
          <Button type="submit" variant="secondary" busy={add.isPending} busyLabel="追加しています…">
            追加する
          </Button>
        </form>
      )}
    </section>
  );
}

type Values = {
  kind: 'person' | 'group';
  name: string;
  kana: string;
  phone: string;
  email: string;
  townName: string;
  address: string;
  homeAreaId: string;
  areaIds: string[];
  skills: string[];
  weekdays: number[];
  timeNote: string;
  rewardNote: string;
  status: 'active' | 'resting' | 'withdrawn';
  consentOn: string;
  withdrawnOn: string;
  note: string;
};

function valuesOf(h: Helper | null): Values {
  return {
    kind: h?.kind ?? 'person',
    name: h?.name ?? '',
    kana: h?.kana ?? '',
    phone: h?.phone ?? '',
    email: h?.email ?? '',
    townName: h?.townName ?? '',
    address: h?.address ?? '',
    homeAreaId: h?.homeAreaId ?? '',
    areaIds: h?.areaIds ?? [],
    skills: h?.skills ?? [],
    weekdays: h?.weekdays ?? [],
    timeNote: h?.timeNote ?? '',
    rewardNote: h?.rewardNote ?? '',
    status: h?.status ?? 'active',
    consentOn: h?.consent?.on ?? '',
    withdrawnOn: h?.consent?.withdrawnOn ?? '',
    note: h?.note ?? '',
  };
}

function body(v: Values): HelperInput {
  return {
    kind: v.kind,
    name: v.name,
    kana: v.kana,
    phone: v.phone,
    email: v.email,
    townName: v.townName,
    address: v.address,
    homeAreaId: v.homeAreaId || null,
    areaIds: v.areaIds,
    skills: v.skills as HelperInput['skills'],
    weekdays: v.weekdays,
    timeNote: v.timeNote,
    rewardNote: v.rewardNote,
    status: v.status,
    consent: v.consentOn ? { on: v.consentOn, withdrawnOn: v.withdrawnOn || null } : null,
    note: v.note,
  };
}

function describe(v: Values) {
  return [
    { label: '氏名・団体名', value: v.name },
    { label: 'よみがな', value: v.kana },
    { label: '電話番号', value: v.phone },
    { label: '町丁', value: v.townName },
    { label: 'できること', value: v.skills.map(helperSkillLabel).join('・') },
    { label: '曜日', value: weekdaysText(v.weekdays) },
    { label: '状況', value: helperStatusLabel(v.status) },
    {
      label: '同意',
      value: v.consentOn ? `${v.consentOn}${v.withdrawnOn ? ` 取り下げ ${v.withdrawnOn}` : ''}` : '',
    },
  ];
}

/** Register or change a helper; a 409 keeps what was typed beside what is saved now. */
export function HelperFormPage({ id }: { id?: string }) {
  const scope = useTenantScope();
  const existing = useHelper(scope.code, id ?? '', Boolean(id));
  if (id && existing.isPending) return <Loading />;
  if (id && existing.isError) return <ErrorNotice error={existing.error} />;
  return <HelperForm key={id ?? 'new'} current={id ? (existing.data?.helper ?? null) : null} />;
}

function HelperForm({ current }: { current: Helper | null }) {
  const scope = useTenantScope();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const areas = useAreaChoices();
  usePageTitle(current ? `${current.name}の編集` : '担い手の登録');
  const [v, setV] = useState<Values>(() => valuesOf(current));
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((x) => ({ ...x, [k]: value }));
  const save = useVersionedSave<Helper>({
    version: current?.version ?? 1,
    save: (at) =>
      current
        ? api(updateHelper, {
            params: { tenant: scope.code, id: current.id },
            body: { ...body(v), version: at },
          })
        : api(createHelper, { params: { tenant: scope.code }, body: body(v) }),
    onSaved: async (h) => {
      await queryClient.invalidateQueries({ queryKey: helperKeys.all(scope.code) });
      navigate(matchingPaths.helper(scope.code, h.id));
    },
  });
  const { fields, theirs } = save;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.submit();
  };
  return (
    <>
      <PageHeader title={current ? `${current.name}の編集` : '担い手を登録'} />
      <PrivacyNote />
      {theirs && (
        <ConflictCompare
          id="helper-conflict-title"
          message="ほかの人が先にこの担い手の情報を変更しました。"
          mine={describe(v)}
          now={describe(valuesOf(theirs))}
          busy={save.mutation.isPending}
          onOverwrite={save.overwrite}
          onLoadCurrent={() => save.takeTheirs((h) => setV(valuesOf(h)))}
        />
      )}
      {save.otherError && <ErrorNotice error={save.otherError} />}
      <form className="form" onSubmit={submit} noValidate>
        <SelectField
          id="helper-kind"
          label="個人・団体"
          value={v.kind}
          onChange={(e) => set('kind', e.target.value as Values['kind'])}
        >
          {HELPER_KINDS.map((k) => (
            <option key={k.code} value={k.code}>
              {k.label}
            </option>
          ))}
        </SelectField>
        <TextField
          id="helper-name"
          label="氏名・団体名"
          required
          value={v.name}
          error={fields.name}
          maxLength={80}
          onChange={(e) => set('name', e.target.value)}
        />
        <TextField
          id="helper-kana"
          label="よみがな"
          hint="ひらがな"
          value={v.kana}
          error={fields.kana}
          maxLength={120}
          onChange={(e) => set('kana', e.target.value)}
        />
        <TextField
          id="helper-phone"
          label="電話番号"
          type="tel"
          value={v.phone}
          error={fields.phone}
          onChange={(e) => set('phone', e.target.value)}
        />
        <TextField
          id="helper-town"
          label="町丁"
          hint="住んでいる地域はここから決まります"
          value={v.townName}
          onChange={(e) => set('townName', e.target.value)}
        />
        <TextField
          id="helper-address"
          label="住所"
          value={v.address}
          onChange={(e) => set('address', e.target.value)}
        />
        <SelectField
          id="helper-home"
          label="住んでいる地域（町丁から決まらないとき）"
          value={v.homeAreaId}
          error={fields.homeAreaId}
          onChange={(e) => set('homeAreaId', e.target.value)}
        >
          <option value="">町丁から決める</option>
          <AreaOptions rows={areas.rows} />
        </SelectField>
        <AreaChecklist
          idBase="helper-areas"
          legend="住まいのほかに活動できる地域"
          value={v.areaIds}
          onChange={(ids) => set('areaIds', ids)}
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">できること</legend>
          <div className="check-grid">
            {HELPER_SKILLS.map((s) => (
              <Checkbox
                key={s.code}
                label={s.label}
                checked={v.skills.includes(s.code)}
                onChange={(e) =>
                  set(
                    'skills',
                    e.target.checked ? [...v.skills, s.code] : v.skills.filter((x) => x !== s.code),
                  )
                }
              />
            ))}
          </div>
        </fieldset>
        <DaysPicker legend="活動できる曜日" value={v.weekdays} onChange={(ds) => set('weekdays', ds)} />
        <TextField
          id="helper-time"
          label="時間の都合"
          hint="例：午前中のみ、月2回まで"
          value={v.timeNote}
          maxLength={200}
          onChange={(e) => set('timeNote', e.target.value)}
        />
        <TextField
          id="helper-reward"
          label="謝礼（有償ボランティアのとき）"
          hint="例：30分300円"
          value={v.rewardNote}
          maxLength={200}
          onChange={(e) => set('rewardNote', e.target.value)}
        />
        <SelectField
          id="helper-status"
          label="活動の状況"
          value={v.status}
          onChange={(e) => set('status', e.target.value as Values['status'])}
        >
          {HELPER_STATUSES.map((s) => (
            <option key={s.code} value={s.code}>
              {s.label}
            </option>
          ))}
        </SelectField>
        <TextField
          id="helper-consent"
          type="date"
          label="登録への同意を得た日"
          hint="同意がないと、つなぎ先の候補に出ません"
          value={v.consentOn}
          error={fields['consent.on']}
          onChange={(e) => set('consentOn', e.target.value)}
          short
        />
        <TextField
          id="helper-withdrawn"
          type="date"
          label="同意を取り下げた日"
          value={v.withdrawnOn}
          error={fields['consent.withdrawnOn']}
          onChange={(e) => set('withdrawnOn', e.target.value)}
          short
        />
        <TextareaField
          id="helper-note"
          label="メモ"
          rows={3}
          maxLength={2000}
          value={v.note}
          onChange={(e) => set('note', e.target.value)}
        />
        <div className="button-row">
          <Button type="submit" busy={save.mutation.isPending} busyLabel="保存しています…">
            保存する
          </Button>
          <Link
            className={buttonClass('quiet')}
            to={current ? matchingPaths.helper(scope.code, current.id) : matchingPaths.helpers(scope.code)}
          >
            やめる
          </Link>
        </div>
      </form>
    </>
  );
}
