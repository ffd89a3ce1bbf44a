import { ELIGIBILITY_KINDS, RESOURCE_KINDS, RESOURCE_STATUSES, SOGO_TYPES } from './resources';

/*
 * What changed between two saved states of a resource, in words staff read: 「電話：087-… → 087-…」.
 * Snapshots are the resource as it was saved (the form's fields, schedules as rules).
 */

export interface Change {
  field: string;
  label: string;
  from: string;
  to: string;
}

type Snapshot = Record<string, unknown>;
type Names = {
  category?: (code: string) => string;
  area?: (id: string) => string;
  organization?: (id: string) => string;
};

const LABELS: Record<string, string> = {
  name: '名称',
  kana: 'よみがな',
  alternateName: '通称',
  description: '内容',
  status: '状態',
  kind: '資源の種類',
  sogoType: '総合事業の類型',
  categories: '分類',
  organizationId: '運営する主体',
  eligibility: '利用できる人',
  capacity: '定員',
  applicationProcess: '申込方法',
  fees: '料金',
  schedules: '日時',
  location: '場所',
  areaIds: '対象の地域',
  phones: '電話',
  contacts: '担当者',
  url: 'ホームページ',
  email: 'メール',
  notes: '内部メモ',
  nextCheckDue: '次に確認する日',
};

const empty = '（なし）';

function text(field: string, value: unknown, names: Names, describe: (rule: unknown) => string): string {
  if (value === null || value === undefined || value === '') return empty;
  const v = value as never;
  switch (field) {
    case 'status':
      return RESOURCE_STATUSES[v] ?? String(v);
    case 'kind':
      return RESOURCE_KINDS[v] ?? String(v);
    case 'sogoType':
      return SOGO_TYPES[v] ?? String(v);
    case 'categories':
      return (value as string[]).map((c) => names.category?.(c) ?? c).join('、') || empty;
    case 'areaIds':
      return (value as string[]).map((a) => names.area?.(a) ?? a).join('、') || empty;
    case 'organizationId':
      return names.organization?.(String(value)) ?? String(value);
    case 'eligibility': {
      const e = value as { kinds: string[]; description: string };
      const kinds = e.kinds
        .map((k) => ELIGIBILITY_KINDS[k as keyof typeof ELIGIBILITY_KINDS] ?? k)
        .join('・');
      return [kinds, e.description].filter(Boolean).join('／') || empty;
    }
    case 'fees': {
      const f = value as {
        free: boolean;
        description: string;
        options: { label: string; amount: number | null }[];
      };
      const options = f.options.map((o) =>
        `${o.label} ${o.amount === null ? '' : `${o.amount.toLocaleString('ja-JP')}円`}`.trim(),
      );
      return [f.free ? '無料' : '有料', ...options, f.description].filter(Boolean).join('、');
    }
    case 'schedules':
      return (value as { rule: unknown }[]).map((s) => describe(s.rule)).join('／') || empty;
    case 'location': {
      const l = value as { name: string; address: string; latitude: number | null; longitude: number | null };
      const where = [l.name, l.address].filter(Boolean).join(' ');
      return l.latitude !== null
        ? `${where}（${l.latitude.toFixed(5)}, ${l.longitude?.toFixed(5)}）`
        : where || empty;
    }
    case 'phones':
      return (
        (value as { number: string; description: string }[])
          .map((p) => [p.number, p.description].filter(Boolean).join(' '))
          .join('、') || empty
      );
    case 'contacts':
      return (
        (value as { name: string; title: string; public: boolean }[])
          .map((c) => `${c.name}${c.title ? `（${c.title}）` : ''}${c.public ? '' : '［非公開］'}`)
          .join('、') || empty
      );
    default:
      return String(value);
  }
}

/** Field-by-field changes from `before` to `after`, in a stable order. */
export function diffSnapshots(
  before: Snapshot | null,
  after: Snapshot,
  names: Names,
  describe: (rule: unknown) => string,
): Change[] {
  const changes: Change[] = [];
  for (const field of Object.keys(LABELS)) {
    const a = before?.[field];
    const b = after[field];
    if (JSON.stringify(a ?? null) === JSON.stringify(b ?? null)) continue;
    if (!before && (b === '' || b === null || (Array.isArray(b) && b.length === 0))) continue;
    changes.push({
      field,
      label: LABELS[field]!,
      from: before ? text(field, a, names, describe) : empty,
      to: text(field, b, names, describe),
    });
  }
  return changes;
}
