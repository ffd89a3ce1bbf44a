import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type Area, putAreaStatistics, type Snapshot, StatisticsInput } from '../../../contracts/areas';
import type { FieldError } from '../../../contracts/http';
import { isIsoDate, todayInTokyo } from '../../../domain/dates';
import { api } from '../../lib/api';
import { errorFor, fieldIdFor, formErrors, validate } from '../../lib/form';
import { Button } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { TextField } from '../../ui/field';
import { Notice } from '../../ui/status';
import { invalidateAreas } from './queries';

const FIELDS = [
  ['total', '総人口', true],
  ['male', '男性', false],
  ['female', '女性', false],
  ['aged65', '65歳以上', false],
  ['aged75', '75歳以上', false],
  ['households', '世帯数', false],
  ['careCertified', '要介護認定者数', false],
] as const;
type Key = (typeof FIELDS)[number][0];

const FORM = 'stats';
const fieldId = fieldIdFor(FORM, ['asOf', ...FIELDS.map((f) => f[0])]);

/** '1,234' or '１２３４' → 1234; '' → null; anything else stays text so the schema names the field. */
export function parseCount(text: string): number | null | string {
  const s = text.normalize('NFKC').replace(/[,\s]/g, '');
  if (s === '') return null;
  return /^\d+$/.test(s) ? Number(s) : text;
}

/** 人口を手入力: one area, one date. Typed figures stay in the form whatever the server says. */
export function StatisticsForm({
  tenant,
  area,
  latest,
  onDone,
}: {
  tenant: string;
  area: Area;
  latest: Snapshot | null;
  onDone?: () => void;
}) {
  const queryClient = useQueryClient();
  const own = latest?.source === 'own' ? latest : null;
  const [asOf, setAsOf] = useState(own?.asOf ?? todayInTokyo());
  const [values, setValues] = useState<Record<Key, string>>(() => {
    const v = {} as Record<Key, string>;
    for (const [k] of FIELDS) v[k] = own?.[k] == null ? '' : String(own[k]);
    return v;
  });
  const [local, setLocal] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (body: Record<Key, number | null | string>) =>
      api(putAreaStatistics, { params: { tenant, id: area.id, asOf }, body: body as never }),
    onSuccess: async (snap) => {
      setSaved(snap.asOf);
      await invalidateAreas(queryClient, tenant);
    },
  });

  const errors = local.length > 0 ? { message: null, items: local } : formErrors(mutation.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const body = {} as Record<Key, number | null | string>;
    for (const [k] of FIELDS) body[k] = parseCount(values[k]);
    const problems = validate(StatisticsInput, body);
    if (!isIsoDate(asOf)) problems.unshift({ path: 'asOf', message: '基準日：日付を選んでください' });
    setLocal(problems);
    if (problems.length === 0) mutation.mutate(body);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="stats-title">
      <h2 id="stats-title">人口を手入力する</h2>
      <p className="muted">
        要介護認定者数など、ファイルにない数をこの地域に入力します。同じ基準日の値があるときは上書きされます。
        わからない項目は空けておいてください。
      </p>
      <ErrorSummary message={errors.message} items={errors.items} fieldId={fieldId} />
      {saved && (
        <Notice tone="success" live="status">
          <p>保存しました。</p>
        </Notice>
      )}
      <div className="form-grid form-grid--2">
        <TextField
          id={`${FORM}-asOf`}
          label="基準日"
          type="date"
          required
          short
          value={asOf}
          onChange={(e) => setAsOf(e.target.value)}
          error={errorFor(errors, 'asOf')}
        />
        {FIELDS.map(([k, label, required]) => (
          <TextField
            key={k}
            id={`${FORM}-${k}`}
            label={label}
            required={required}
            short
            inputMode="numeric"
            autoComplete="off"
            value={values[k]}
            onChange={(e) => setValues((v) => ({ ...v, [k]: e.target.value }))}
            error={errorFor(errors, k)}
          />
        ))}
      </div>
      <div className="button-row">
        <Button type="submit" busy={mutation.isPending} busyLabel="保存しています…">
          保存する
        </Button>
        {onDone && (
          <Button variant="secondary" onClick={onDone}>
            閉じる
          </Button>
        )}
      </div>
    </form>
  );
}
