import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link2 } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { createReferral, type Suggestion } from '../../../contracts/matching';
import { addDays, todayInTokyo } from '../../../domain/dates';
import { isTerminalReferral, referralTargetKindLabel } from '../../../domain/referrals';
import { ApiError, api } from '../../lib/api';
import { paths } from '../../lib/paths';
import { useTenantScope } from '../../lib/session';
import { Button } from '../../ui/button';
import { TextareaField, TextField } from '../../ui/field';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { DaysPicker, ReasonList, ReferralStatusBadge } from './format';
import { matchingPaths } from './paths';
import { invalidateMatching, useNeedSuggestions, useReferrals } from './queries';

/** Where a suggestion's name leads: the resource, the helper or the opening. */
export function targetPath(tenant: string, kind: Suggestion['kind'], id: string): string {
  if (kind === 'resource') return paths.resource(tenant, id);
  if (kind === 'helper') return matchingPaths.helper(tenant, id);
  return matchingPaths.opportunity(tenant, id);
}

/** Who the referral is for: a need (and its resident), or a person alone. */
export type ReferFor = { needId: string; residentId?: null } | { needId?: null; residentId: string };

/** 「つなぐ」: records the suggestion as 提案, with the next check date and a note. */
export function ReferForm({
  target,
  referFor,
  onDone,
}: {
  target: Pick<Suggestion, 'kind' | 'id' | 'name' | 'reasons'>;
  referFor: ReferFor;
  onDone: (referralId: string) => void;
}) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [followUpOn, setFollowUpOn] = useState(addDays(todayInTokyo(), 7));
  const [summary, setSummary] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      api(createReferral, {
        params: { tenant: scope.code },
        body: {
          needId: referFor.needId ?? null,
          residentId: referFor.residentId ?? null,
          targetKind: target.kind,
          targetId: target.id,
          followUpOn: followUpOn || null,
          reasons: target.reasons.filter((r) => r.tone === 'good').map((r) => r.text),
          summary,
        },
      }),
    onSuccess: async (r) => {
      await invalidateMatching(queryClient, scope.code);
      onDone(r.id);
    },
  });
  const fields = mutation.error instanceof ApiError ? mutation.error.fieldMap() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  const idBase = `refer-${target.id}`;
  return (
    <form className="refer-form" onSubmit={submit} noValidate aria-label={`${target.name}につなぐ`}>
      {mutation.isError && !fields.followUpOn && <ErrorNotice error={mutation.error} />}
      <TextField
        id={`${idBase}-follow`}
        type="date"
        label="次に確認する日"
        hint="この日から「今日の確認」に出ます"
        value={followUpOn}
        error={fields.followUpOn}
        onChange={(e) => setFollowUpOn(e.target.value)}
        short
      />
      <TextareaField
        id={`${idBase}-memo`}
        label="メモ（任意）"
        hint="例：木曜の午前に一緒に行ってみる。家族にも伝える。"
        rows={2}
        maxLength={500}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
      />
      <Button type="submit" busy={mutation.isPending} busyLabel="記録しています…">
        提案として記録する
      </Button>
    </form>
  );
}

/** One candidate: name, second line, the reasons, and 「つなぐ」. */
export function SuggestionCard({
  s,
  referFor,
  canRefer,
}: {
  s: Suggestion;
  referFor: ReferFor;
  canRefer: boolean;
}) {
  const scope = useTenantScope();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  // Already on its way there (a finished つなぎ may be made again).
  const already = s.referredAs && !isTerminalReferral(s.referredAs);
  return (
    <li className={`suggestion suggestion--${s.kind}`}>
      <div className="suggestion__head">
        <p className="suggestion__name">
          <Link to={targetPath(scope.code, s.kind, s.id)}>{s.name}</Link>
          <span className="suggestion__kind">{referralTargetKindLabel(s.kind)}</span>
        </p>
        {s.referredAs && (
          <p className="suggestion__referred">
            つなぎ：
            <ReferralStatusBadge status={s.referredAs} />
          </p>
        )}
      </div>
      {s.detail && <p className="suggestion__detail">{s.detail}</p>}
      <ReasonList reasons={s.reasons} />
      {canRefer && !already && !done && (
        <div className="suggestion__act">
          {open ? (
            <ReferForm target={s} referFor={referFor} onDone={setDone} />
          ) : (
            <Button
              type="button"
              variant="secondary"
              onClick={() => setOpen(true)}
              aria-label={`${s.name}につなぐ`}
            >
              <Link2 aria-hidden="true" size={18} />
              つなぐ
            </Button>
          )}
        </div>
      )}
      {done && (
        <Notice tone="success" live="status">
          <p>
            「{s.name}」へのつなぎを提案として記録しました。
            <Link to={matchingPaths.referral(scope.code, done)}>つなぎの記録を開く</Link>
          </p>
        </Notice>
      )}
    </li>
  );
}

export function SuggestionGroup({
  title,
  items,
  referFor,
  canRefer,
  empty,
}: {
  title: string;
  items: Suggestion[];
  referFor: ReferFor;
  canRefer: boolean;
  empty: string;
}) {
  return (
    <section className="suggestion-group" aria-label={title}>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol className="suggestions">
          {items.map((s) => (
            <SuggestionCard key={`${s.kind}-${s.id}`} s={s} referFor={referFor} canRefer={canRefer} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** The referrals already made for a need or a person, newest first. */
export function ReferralsOf({
  needId,
  residentId,
  targetId,
}: {
  needId?: string;
  residentId?: string;
  targetId?: string;
}) {
  const scope = useTenantScope();
  const query = useReferrals(scope.code, { needId, residentId, targetId, perPage: 50 });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  if (query.data.items.length === 0) return <p className="muted">まだつないでいません。</p>;
  return (
    <ul className="referral-mini">
      {query.data.items.map((r) => (
        <li key={r.id}>
          <Link to={matchingPaths.referral(scope.code, r.id)}>{r.targetName}</Link>{' '}
          <ReferralStatusBadge status={r.status} />
          <span className="muted">
            {'　'}
            {referralTargetKindLabel(r.targetKind)}・担当 {r.scName}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** On a need's page: what it was connected to, and the candidates with their reasons. */
export function NeedMatching({ needId, canEdit }: { needId: string; canEdit: boolean }) {
  const scope = useTenantScope();
  const [days, setDays] = useState<number[]>([]);
  const query = useNeedSuggestions(scope.code, needId, days.join(','));
  // The best five of each kind first: an SC reads the top of the list; the rest is one press away.
  const [all, setAll] = useState(false);
  const top = <T,>(xs: T[]) => (all ? xs : xs.slice(0, 5));
  const more = query.data && [query.data.resources, query.data.helpers].some((xs) => xs.length > 5) && !all;
  return (
    <>
      <section aria-labelledby="need-referrals-title">
        <h2 id="need-referrals-title">つなぎ</h2>
        <ReferralsOf needId={needId} />
      </section>
      <section className="panel" aria-labelledby="need-suggestions-title">
        <h2 id="need-suggestions-title">つなぎ先の候補</h2>
        <p className="muted">
          分類・地域（同じ地区 → 同じ圏域 →
          となり）・曜日・料金・利用できる人・定員・情報の新しさから順に並べています。
        </p>
        <DaysPicker value={days} onChange={setDays} />
        {query.isPending ? (
          <Loading />
        ) : query.isError ? (
          <ErrorNotice error={query.error} />
        ) : (
          <>
            <SuggestionGroup
              title="地域資源"
              items={top(query.data.resources)}
              referFor={{ needId }}
              canRefer={canEdit}
              empty="この分類の地域資源は登録されていません（空白かもしれません）。"
            />
            <SuggestionGroup
              title="担い手（人材バンク）"
              items={top(query.data.helpers)}
              referFor={{ needId }}
              canRefer={canEdit}
              empty="この困りごとに合う「できること」の担い手は登録されていません。"
            />
            {query.data.opportunities.length > 0 && (
              <SuggestionGroup
                title="就労的活動"
                items={query.data.opportunities}
                referFor={{ needId }}
                canRefer={canEdit}
                empty=""
              />
            )}
            {more && (
              <Button variant="quiet" onClick={() => setAll(true)}>
                ほかの候補も見る
              </Button>
            )}
          </>
        )}
      </section>
    </>
  );
}
