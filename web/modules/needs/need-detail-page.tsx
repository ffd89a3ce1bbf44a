import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ArrowRight, ClipboardPlus, Pencil } from 'lucide-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { changeNeedStatus, type Need, type NeedEvent } from '../../../contracts/needs';
import { type NeedStatus, needSourceLabel, needStatusLabel } from '../../../domain/needs';
import { ApiError, api } from '../../lib/api';
import { paths } from '../../lib/paths';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { WarekiDate, WarekiDateTime } from '../../ui/dates';
import { TextareaField } from '../../ui/field';
import { NotFoundContent } from '../../ui/not-found';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { NeedCategory, NeedStatusBadge, needTitle, PrivacyNote, peopleText, Urgency } from './format';
import { needPaths } from './paths';
import { invalidateNeeds, needKeys, useNeed, useTerms } from './queries';

export interface NeedSavedState {
  saved?: boolean;
}

/**
 * 困りごとの詳細: what was heard, where it stands, its history, and the way to move it on. `after`
 * lets the route add what other modules know of the need (its つなぎ and their candidates).
 */
export function NeedDetailPage({ id, after }: { id: string; after?: (need: Need) => ReactNode }) {
  const scope = useTenantScope();
  const query = useNeed(scope.code, id);
  const taxonomy = useTerms(scope.code);
  const location = useLocation();
  const saved = (location.state as NeedSavedState | null)?.saved ?? false;
  usePageTitle(query.data ? needTitle(query.data.need) : '困りごと');

  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404)
      return (
        <NotFoundContent what="困りごと">
          <p>
            <Link to={needPaths.needs(scope.code)}>困りごとの一覧へ</Link>
          </p>
        </NotFoundContent>
      );
    return <ErrorNotice error={query.error} />;
  }
  const { need: n, history, resources, nextStatuses } = query.data;
  const title = needTitle(n);

  return (
    <>
      <Breadcrumb
        items={[{ label: '困りごと', to: needPaths.needs(scope.code) }, { label: title }]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader
        title={
          <>
            {title} <NeedStatusBadge status={n.status} />
          </>
        }
        lead={`${n.areaName}・${n.categoryName}`}
        actions={
          <>
            {n.canEdit && (
              <Link className={buttonClass()} to={needPaths.needEdit(scope.code, n.id)}>
                <Pencil aria-hidden="true" size={18} />
                編集
              </Link>
            )}
            <Link className={buttonClass('secondary')} to={needPaths.needsQuick(scope.code)}>
              <ClipboardPlus aria-hidden="true" size={18} />
              別の困りごとを記録
            </Link>
          </>
        }
      />
      <PrivacyNote />
      {saved && (
        <Notice tone="success" live="status">
          <p>保存しました。</p>
        </Notice>
      )}
      {!n.canEdit && <p className="muted">この困りごとは見ることだけできます。</p>}

      <dl className="facts need-facts">
        <dt>分類</dt>
        <dd>
          <NeedCategory code={n.category} name={n.categoryName} terms={taxonomy.data?.terms} />
        </dd>
        <dt>地域</dt>
        <dd>{n.areaName}</dd>
        <dt>把握した日</dt>
        <dd>
          <WarekiDate date={n.raisedOn} />
        </dd>
        <dt>把握した場</dt>
        <dd>{needSourceLabel(n.source)}</dd>
        <dt>人数</dt>
        <dd>{peopleText(n.people)}</dd>
        <dt>緊急度</dt>
        <dd>
          <Urgency urgency={n.urgency} />
        </dd>
        <dt>状況</dt>
        <dd>
          <NeedStatusBadge status={n.status} />
        </dd>
        <dt>住民</dt>
        <dd>
          {n.residentId && n.residentName ? (
            <Link to={needPaths.resident(scope.code, n.residentId)}>{n.residentName}</Link>
          ) : n.residentId ? (
            '登録された住民（この役割では名前を表示しません）'
          ) : (
            <span className="muted">特定の住民とつないでいません（匿名）</span>
          )}
        </dd>
        <dt>ひとこと</dt>
        <dd>{n.summary || <span className="muted">なし</span>}</dd>
        <dt>記録した人</dt>
        <dd>{n.createdBy}</dd>
        <dt>登録・更新</dt>
        <dd>
          <WarekiDateTime instant={n.createdAt} />
          {n.updatedAt !== n.createdAt && (
            <>
              {' ／ 最終更新 '}
              <WarekiDateTime instant={n.updatedAt} />
            </>
          )}
        </dd>
      </dl>

      <section aria-labelledby="need-note-title">
        <h2 id="need-note-title">メモ</h2>
        {n.note ? <p className="needs-prewrap">{n.note}</p> : <p className="muted">メモはありません。</p>}
      </section>

      <section aria-labelledby="need-resources-title">
        <h2 id="need-resources-title">つながる地域資源</h2>
        {resources.length > 0 ? (
          <ul className="need-resource-list">
            {resources.map((r) => (
              <li key={r.id}>
                <Link to={paths.resource(scope.code, r.id)}>{r.name}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">
            まだつないでいません。
            {n.canEdit && (
              <>
                <Link to={needPaths.needEdit(scope.code, n.id)}>編集</Link>で地域資源を選べます。
              </>
            )}
          </p>
        )}
      </section>

      {after?.(n)}

      {n.canEdit && <StatusForm need={n} nextStatuses={nextStatuses} />}

      <section aria-labelledby="need-history-title">
        <h2 id="need-history-title">状況の履歴</h2>
        <HistoryTable history={history} />
      </section>
    </>
  );
}

/** 状況を変える: only the statuses the need may move to now, with a note for the history. */
export function StatusForm({ need, nextStatuses }: { need: Need; nextStatuses: NeedStatus[] }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [to, setTo] = useState<NeedStatus | ''>('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (body: { status: NeedStatus; note: string; version: number }) =>
      api(changeNeedStatus, { params: { tenant: scope.code, id: need.id }, body }),
    onSuccess: async (updated) => {
      setTo('');
      setNote('');
      setDone(`状況を「${needStatusLabel(updated.status)}」にしました。履歴に残りました。`);
      await invalidateNeeds(queryClient, scope.code);
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409) {
        setProblem(
          `${error.message} 最新の内容を読み込みました。状況を確かめて、もう一度選んでください（メモは残しています）。`,
        );
        setTo('');
        await queryClient.invalidateQueries({ queryKey: needKeys.detail(scope.code, need.id) });
      } else {
        setProblem(error instanceof Error ? error.message : '状況を変えられませんでした。');
      }
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!to) {
      setProblem('変えたあとの状況を選んでください。');
      return;
    }
    setProblem(null);
    mutation.mutate({ status: to, note: note.trim(), version: need.version });
  };

  return (
    <section className="panel status-form" aria-labelledby="need-status-title">
      <h2 id="need-status-title">状況を変える</h2>
      <p>
        今の状況：
        <NeedStatusBadge status={need.status} />
      </p>
      {nextStatuses.length === 0 ? (
        <p className="muted">今の状況からは変えられません。</p>
      ) : (
        <form onSubmit={submit} noValidate aria-labelledby="need-status-title">
          <fieldset className={`fieldset${problem && !to ? ' field--error' : ''}`}>
            <legend className="fieldset__legend">変えたあとの状況</legend>
            {problem && (
              <p className="field__error" role="alert">
                {problem}
              </p>
            )}
            <div className="status-choices">
              {nextStatuses.map((s, i) => (
                <label key={s} className="check status-choice">
                  <input
                    id={i === 0 ? 'need-status-to' : undefined}
                    type="radio"
                    name="need-status"
                    value={s}
                    checked={to === s}
                    onChange={() => setTo(s)}
                  />
                  <span>{needStatusLabel(s)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <TextareaField
            id="need-status-note"
            label="メモ（履歴に残ります）"
            hint="例：移動販売の停留所を紹介した。2週間後に様子を聞く。"
            value={note}
            maxLength={1000}
            rows={3}
            onChange={(e) => setNote(e.target.value)}
          />
          <Button type="submit" busy={mutation.isPending} busyLabel="変えています…">
            状況を変える
          </Button>
        </form>
      )}
      <div aria-live="polite">{done && <p className="status-form__done">{done}</p>}</div>
    </section>
  );
}

function HistoryTable({ history }: { history: NeedEvent[] }) {
  if (history.length === 0) return <p className="muted">履歴はまだありません。</p>;
  return (
    <TableScroll label="状況の履歴（表）">
      <table className="table need-history">
        <caption className="visually-hidden">状況の履歴（古い順）</caption>
        <thead>
          <tr>
            <th scope="col">日時</th>
            <th scope="col">状況</th>
            <th scope="col">メモ</th>
            <th scope="col">記録した人</th>
          </tr>
        </thead>
        <tbody>
          {history.map((e) => (
            <tr key={`${e.at}-${e.toStatus}`}>
              <td>
                <WarekiDateTime instant={e.at} />
              </td>
              <td>
                {e.fromStatus ? (
                  <span className="need-history__move">
                    {needStatusLabel(e.fromStatus)}
                    <span className="visually-hidden">から</span>
                    <ArrowRight aria-hidden="true" size={16} />
                    {needStatusLabel(e.toStatus)}
                  </span>
                ) : (
                  `記録（${needStatusLabel(e.toStatus)}）`
                )}
              </td>
              <td className="wrap">{e.note || <span className="muted">—</span>}</td>
              <td>{e.actor}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
