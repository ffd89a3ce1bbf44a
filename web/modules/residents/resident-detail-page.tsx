import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ClipboardPlus, Download, Pencil, Phone, Trash2 } from 'lucide-react';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { eraseResident, exportResident, type Resident } from '../../../contracts/residents';
import { formatWareki, todayInTokyo } from '../../../domain/dates';
import { consentScopeLabel, householdLabel } from '../../../domain/needs';
import { ApiError, api, endpointUrl } from '../../lib/api';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { WarekiDate } from '../../ui/dates';
import { TextareaField } from '../../ui/field';
import { NotFoundContent } from '../../ui/not-found';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableOrCards } from '../../ui/table-or-cards';
import {
  NeedCard,
  NeedCategory,
  NeedStatusBadge,
  needPaths,
  needTitle,
  PrivacyNote,
  ShortDate,
  useNeedList,
  useTerms,
} from '../needs';
import { invalidateResidents, residentKeys, useResident } from './queries';
import { ageText, type ResidentSavedState } from './resident-form';

export interface ResidentErasedState {
  erased?: { needsKept: number };
}

const tel = (n: string) => `tel:${n.replace(/[^\d+]/g, '')}`;

/** 住民の詳細: who, where, consent, the needs recorded for the person, and the person's own requests. */
export function ResidentDetailPage({ id, after }: { id: string; after?: (resident: Resident) => ReactNode }) {
  const scope = useTenantScope();
  const query = useResident(scope.code, id);
  const location = useLocation();
  const saved = (location.state as ResidentSavedState | null) ?? null;
  usePageTitle(query.data ? `${query.data.resident.name}さん` : '住民');

  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404)
      return (
        <NotFoundContent what="住民">
          <p>
            <Link to={needPaths.residents(scope.code)}>住民の一覧へ</Link>
          </p>
        </NotFoundContent>
      );
    return <ErrorNotice error={query.error} />;
  }
  const r = query.data.resident;
  const age = ageText(r.birthDate);

  return (
    <>
      <Breadcrumb
        items={[{ label: '住民', to: needPaths.residents(scope.code) }, { label: r.name }]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader
        title={`${r.name}さん`}
        lead={[r.kana, r.areaName].filter(Boolean).join('・')}
        actions={
          <>
            <Link className={buttonClass()} to={needPaths.needsQuick(scope.code, r.id)}>
              <ClipboardPlus aria-hidden="true" size={18} />
              この方の困りごとを記録
            </Link>
            {r.canEdit && (
              <Link className={buttonClass('secondary')} to={needPaths.residentEdit(scope.code, r.id)}>
                <Pencil aria-hidden="true" size={18} />
                変更
              </Link>
            )}
          </>
        }
      />
      <PrivacyNote />
      {saved?.saved && (
        <Notice tone="success" live="status">
          <p>{saved.created ? '登録しました。' : '保存しました。'}</p>
        </Notice>
      )}

      <dl className="facts need-facts">
        <dt>氏名</dt>
        <dd>{r.name}</dd>
        <dt>よみがな</dt>
        <dd>{r.kana || <span className="muted">未登録</span>}</dd>
        <dt>生年月日</dt>
        <dd>
          {r.birthDate ? (
            <>
              <WarekiDate date={r.birthDate} />
              {age && <span className="resident-age">（{age}）</span>}
            </>
          ) : (
            <span className="muted">未登録</span>
          )}
        </dd>
        <dt>町丁</dt>
        <dd>{r.townName || <span className="muted">未登録</span>}</dd>
        <dt>地域</dt>
        <dd>{r.areaName ?? <span className="muted">未登録</span>}</dd>
        <dt>住所</dt>
        <dd>{r.address || <span className="muted">未登録</span>}</dd>
        <dt>世帯</dt>
        <dd>{householdLabel(r.household)}</dd>
        <dt>電話</dt>
        <dd>
          {r.phone ? (
            <a className="resident-phone" href={tel(r.phone)}>
              <Phone aria-hidden="true" size={16} />
              {r.phone}
            </a>
          ) : (
            <span className="muted">未登録</span>
          )}
        </dd>
        <dt>メモ</dt>
        <dd className="needs-prewrap">{r.note || <span className="muted">なし</span>}</dd>
      </dl>

      <section aria-labelledby="resident-consent-title">
        <h2 id="resident-consent-title">同意（個人情報の共有）</h2>
        <ConsentView resident={r} />
      </section>

      <ResidentNeeds resident={r} />

      {after?.(r)}

      <section aria-labelledby="resident-requests-title" className="panel resident-requests">
        <h2 id="resident-requests-title">本人の求めへの対応</h2>
        <p>
          本人から、記録している情報を見たい・消してほしいと求められたときに使います。どちらも操作記録に残ります。
        </p>
        <p>
          <a
            className={buttonClass('secondary')}
            href={endpointUrl(exportResident, { params: { tenant: scope.code, id: r.id } })}
            download
          >
            <Download aria-hidden="true" size={18} />
            本人の求めによる書き出し（JSON）
          </a>
        </p>
        {r.canEdit && <ErasePanel resident={r} />}
      </section>
    </>
  );
}

function ConsentView({ resident: r }: { resident: Resident }) {
  if (!r.consent)
    return <p>同意の記録はありません。ほかの人や機関と共有する前に、本人の同意を得て記録してください。</p>;
  if (r.consent.scopes.length === 0)
    return (
      <p>
        同意は取り消されています（
        <WarekiDate date={r.consent.on} />、{r.consent.recordedBy}
        が記録）。共有しないでください。
      </p>
    );
  return (
    <>
      <p>次の相手と共有することに同意を得ています。</p>
      <ul>
        {r.consent.scopes.map((s) => (
          <li key={s}>{consentScopeLabel(s)}</li>
        ))}
      </ul>
      <p className="muted">
        同意を得た日：
        <WarekiDate date={r.consent.on} />（{r.consent.recordedBy}が記録）
      </p>
    </>
  );
}

function ResidentNeeds({ resident: r }: { resident: Resident }) {
  const scope = useTenantScope();
  const needs = useNeedList(scope.code, { residentId: r.id, perPage: 200, page: 1 });
  const terms = useTerms(scope.code).data?.terms;
  return (
    <section aria-labelledby="resident-needs-title">
      <h2 id="resident-needs-title">この方の困りごと</h2>
      {needs.isPending ? (
        <Loading />
      ) : needs.isError ? (
        <ErrorNotice error={needs.error} />
      ) : needs.data.items.length === 0 ? (
        <p className="muted">記録された困りごとはありません。</p>
      ) : (
        <TableOrCards
          label="この方の困りごと"
          tableLabel="この方の困りごと（表）"
          caption={`この方の困りごと（${needs.data.total}件）`}
          tableClass="need-table"
          head={
            <>
              <th scope="col">把握した日</th>
              <th scope="col">分類</th>
              <th scope="col">ひとこと</th>
              <th scope="col">状況</th>
            </>
          }
          rows={needs.data.items.map((n) => (
            <tr key={n.id}>
              <td>
                <ShortDate date={n.raisedOn} />
              </td>
              <td>
                <NeedCategory code={n.category} name={n.categoryName} terms={terms} />
              </td>
              <td className="need-table__summary">
                <Link className="need-table__link" to={needPaths.need(scope.code, n.id)}>
                  {needTitle(n)}
                </Link>
              </td>
              <td>
                <NeedStatusBadge status={n.status} />
              </td>
            </tr>
          ))}
          cardsClass="need-cards"
          cards={needs.data.items.map((n) => (
            <NeedCard key={n.id} need={n} terms={terms} tenant={scope.code} />
          ))}
        />
      )}
      <p>
        <Link to={needPaths.needsQuick(scope.code, r.id)}>この方の困りごとを記録</Link>
      </p>
    </section>
  );
}

/**
 * 本人の求めによる消去: a second step that says what goes and what stays, asks for the reason, and
 * cannot be undone.
 */
export function ErasePanel({ resident: r }: { resident: Resident }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);
  useEffect(() => {
    if (open) heading.current?.focus();
    else if (returnFocus) document.getElementById('erase-open')?.focus();
  }, [open, returnFocus]);

  const erase = useMutation({
    mutationFn: (body: { version: number; reason: string }) =>
      api(eraseResident, { params: { tenant: scope.code, id: r.id }, body }),
    onSuccess: async (result) => {
      queryClient.removeQueries({ queryKey: residentKeys.detail(scope.code, r.id) });
      await invalidateResidents(queryClient, scope.code);
      const state: ResidentErasedState = { erased: { needsKept: result.needsKept } };
      navigate(needPaths.residents(scope.code), { state });
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409) {
        setProblem(
          `${error.message} 最新の内容を読み込みました。内容を確かめてから、もう一度「消去する」を押してください。`,
        );
        await queryClient.invalidateQueries({ queryKey: residentKeys.detail(scope.code, r.id) });
      } else {
        setProblem(error instanceof Error ? error.message : '消去できませんでした。');
      }
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (erase.isPending) return;
    if (!reason.trim()) {
      setProblem('消去の理由：入力してください');
      document.getElementById('erase-reason')?.focus();
      return;
    }
    setProblem(null);
    erase.mutate({ version: r.version, reason: reason.trim() });
  };

  if (!open)
    return (
      <Button
        id="erase-open"
        variant="danger"
        icon={<Trash2 aria-hidden="true" size={18} />}
        onClick={() => setOpen(true)}
      >
        本人の求めによる消去…
      </Button>
    );

  return (
    <form className="erase-confirm" onSubmit={submit} noValidate aria-labelledby="erase-title">
      <h3 id="erase-title" ref={heading} tabIndex={-1}>
        {r.name}さんの情報を消去しますか
      </h3>
      <ul>
        <li>氏名・よみがな・生年月日・住所・電話・メモ・同意の記録を消します。</li>
        <li>
          この方の困りごと（{r.openNeeds > 0 ? `未対応${r.openNeeds}件を含む` : 'すべて'}
          ）は、誰のものか分からない形で残り、件数の集計には引き続き使われます。
        </li>
        <li>
          <strong>元に戻せません。</strong>
          本人に写しを渡すときは、先に「本人の求めによる書き出し」を使ってください。
        </li>
      </ul>
      <TextareaField
        id="erase-reason"
        label="消去の理由"
        required
        hint={`例：本人から電話で申し出（${formatWareki(todayInTokyo())}）`}
        value={reason}
        maxLength={200}
        rows={2}
        error={problem && !reason.trim() ? problem : null}
        onChange={(e) => {
          setReason(e.target.value);
          if (problem && !erase.isError) setProblem(null);
        }}
      />
      {problem && reason.trim() && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
      <div className="button-row">
        <Button type="submit" variant="danger-solid" busy={erase.isPending} busyLabel="消去しています…">
          消去する（元に戻せません）
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            setOpen(false);
            setReturnFocus(true);
            setReason('');
            setProblem(null);
          }}
        >
          やめる
        </Button>
      </div>
    </form>
  );
}
