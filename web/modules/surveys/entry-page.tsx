import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Save } from 'lucide-react';
import {
  type FormEvent,
  type KeyboardEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { createResponse, deleteResponse, type ResponseInput, type Survey } from '../../../contracts/surveys';
import { subtreeIds } from '../../../domain/areas';
import { type Item, type QuestionnaireDefinition, visibleItems } from '../../../domain/questionnaire';
import { api } from '../../lib/api';
import { type FormErrors, formErrors, NO_ERRORS } from '../../lib/form';
import { useTenantScope } from '../../lib/session';
import { Button } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { SelectField, TextField } from '../../ui/field';
import { ErrorNotice } from '../../ui/status';
import {
  isBlankAnswer,
  isMultiple,
  isSingle,
  itemLabel,
  itemNumber,
  optionsOf,
  type RawAnswer,
  safeId,
  sectionsWithItems,
} from './definition';
import { ChoiceField, type Move, MultiField, TextEntryField } from './entry-fields';
import { invalidateSurveys, useAreas } from './queries';
import { asksOwn, responseBody, toRaw } from './response-body';
import { SurveyFrame } from './survey-frame';

/*
 * 紙の調査票の入力: one screen, questions in form order, hands on the keyboard. For a single choice
 * the number printed on the form is typed and focus moves on by itself; numbers and text end with
 * Enter; Enter on the last question saves, clears the answers and counts the 調査票番号 on.
 */

const SEX_OPTIONS = [
  { code: '1', label: '男性' },
  { code: '2', label: '女性' },
] as const;

const SAVE_ID = 'entry-save';

const ID = {
  respondentNo: 'entry-respondentNo',
  areaId: 'entry-areaId',
  townName: 'entry-townName',
  sex: 'entry-sex',
  age: 'entry-age',
  item: (key: string) => `entry-item-${safeId(key)}`,
};

/** '0012' → '0013', 'A-9' → 'A-10', '' stays ''. */
export function nextRespondentNo(no: string): string {
  const m = /^(.*?)(\d+)$/u.exec(no.normalize('NFKC').trim());
  if (!m) return no;
  const [, head = '', digits = ''] = m;
  return `${head}${String(Number(digits) + 1).padStart(digits.length, '0')}`;
}

/** The element id of the field a server path names ('answers.ns.stairs', 'age'). */
export function entryFieldId(path: string): string | null {
  if (path.startsWith('answers.')) return ID.item(path.slice('answers.'.length));
  const head = path.split('.')[0] ?? '';
  return head in ID && head !== 'item' ? (ID as unknown as Record<string, string>)[head]! : null;
}

export function SurveyEntryPage({ id }: { id: string }) {
  return (
    <SurveyFrame
      id={id}
      page="紙の調査票の入力"
      lead="マウスを使わずに入力できます。数字キーで選ぶと次の設問へ進み、最後の設問で Enter を押すと保存して次の票になります。"
      need="answers"
    >
      {(detail, def) => <EntryForm survey={detail.survey} def={def} />}
    </SurveyFrame>
  );
}

export function EntryForm({ survey, def }: { survey: Survey; def: QuestionnaireDefinition }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const areas = useAreas(scope.code);
  // ニーズ調査 asks sex and age itself; the other forms need them beside the questions for banding.
  const { sex: askSex, age: askAge } = asksOwn(def);

  const [respondentNo, setRespondentNo] = useState(() => String(survey.responses + 1));
  // A 第2層 SC enters forms of her own areas (the server refuses others); her first area to start with.
  const own = scope.role === 'sc2' && !scope.systemAdmin;
  const [areaId, setAreaId] = useState(() => (own ? (scope.areaIds[0] ?? '') : ''));
  const [townName, setTownName] = useState('');
  const [sex, setSex] = useState('');
  const [age, setAge] = useState('');
  const [answers, setAnswers] = useState<Record<string, RawAnswer>>({});
  const [local, setLocal] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<{ count: number; last: string; id: string } | null>(null);
  const [undone, setUndone] = useState<string | null>(null);

  const formRef = useRef<HTMLFormElement>(null);
  const answersRef = useRef<HTMLDivElement>(null);
  // Where focus goes once React has drawn the answer (which may have shown or hidden questions).
  const pending = useRef<{ from: string } | { first: true } | null>(null);
  const [tick, setTick] = useState(0);

  const visible = useMemo(() => new Set(visibleItems(def, toRaw(answers))), [def, answers]);

  const fields = useCallback(
    () => [...(formRef.current?.querySelectorAll<HTMLElement>('[data-entry]') ?? [])],
    [],
  );
  const move: Move = useMemo(
    () => ({
      next: (from) => {
        const all = fields();
        const next = all[all.indexOf(from) + 1];
        (next ?? document.getElementById(SAVE_ID))?.focus();
      },
      prev: (from) => {
        const all = fields();
        all[all.indexOf(from) - 1]?.focus();
      },
    }),
    [fields],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each answer (tick) to move focus on
  useLayoutEffect(() => {
    const p = pending.current;
    if (!p) return;
    pending.current = null;
    if ('first' in p) {
      answersRef.current?.querySelector<HTMLElement>('[data-entry]')?.focus();
      return;
    }
    const from = document.getElementById(p.from);
    if (from) move.next(from);
  }, [tick, answers, move]);

  // The screen opens ready to type: on the first answer of the form (the batch fields are above it).
  useEffect(() => {
    answersRef.current?.querySelector<HTMLElement>('[data-entry]')?.focus();
  }, []);

  const advanceFrom = (id: string) => {
    pending.current = { from: id };
    setTick((t) => t + 1);
  };

  const mutation = useMutation({
    mutationFn: (body: ResponseInput) =>
      api(createResponse, { params: { tenant: scope.code, id: survey.id }, body }),
    onSuccess: async (created, body) => {
      setSaved((s) => ({ count: (s?.count ?? 0) + 1, last: body.respondentNo ?? '', id: created.id }));
      setUndone(null);
      setAnswers({});
      setSex('');
      setAge('');
      setLocal(NO_ERRORS);
      setRespondentNo((n) => nextRespondentNo(n));
      pending.current = { first: true };
      setTick((t) => t + 1);
      await invalidateSurveys(queryClient, scope.code);
    },
  });

  // 直前の票を取り消す: a sheet saved with a typing mistake is taken back and its number is free again.
  const undo = useMutation({
    mutationFn: (id: string) =>
      api(deleteResponse, { params: { tenant: scope.code, id: survey.id, responseId: id } }),
    onSuccess: async () => {
      const number = saved?.last ?? '';
      setUndone(number);
      setSaved((s) => (s ? { ...s, count: s.count - 1, id: '' } : s));
      if (number) setRespondentNo(number);
      await invalidateSurveys(queryClient, scope.code);
    },
  });

  const errors: FormErrors =
    local.items.length > 0 || local.message ? local : mutation.error ? formErrors(mutation.error) : NO_ERRORS;
  const errorAt = (path: string) => {
    const messages = errors.items.filter((f) => f.path === path).map((f) => f.message);
    return messages.length > 0 ? [...new Set(messages)].join(' ') : null;
  };

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (mutation.isPending) return;
    const { body, problems: all } = responseBody(def, answers, {
      respondentNo,
      residentId: null,
      areaId,
      townName,
      sex,
      age,
      answeredOn: null,
      mode: 'paper',
    });
    setLocal({ message: null, items: all });
    if (all.length > 0) return;
    mutation.mutate(body);
  };

  // Enter moves to the next field; on the last one it saves (Enter on the save button saves too).
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey)
      return;
    const target = e.target as HTMLElement;
    if (!target.hasAttribute('data-entry')) return;
    e.preventDefault();
    const all = fields();
    if (all.indexOf(target) === all.length - 1) submit();
    else move.next(target);
  };

  const setAnswer = (key: string, value: RawAnswer | null) =>
    setAnswers((a) => {
      const next = { ...a };
      if (value === null || isBlankAnswer(value)) delete next[key];
      else next[key] = value;
      return next;
    });

  const renderItem = (item: Item) => {
    const q = item.question;
    const id = ID.item(item.key);
    const error = errorAt(`answers.${item.key}`);
    const number = itemNumber(item);
    const label = itemLabel(item);
    const value = answers[item.key];
    if (isSingle(q))
      return (
        <ChoiceField
          key={item.key}
          id={id}
          number={number}
          label={label}
          options={optionsOf(q)}
          value={typeof value === 'string' ? value : ''}
          error={error}
          move={move}
          onPick={(code, advance) => {
            setAnswer(item.key, code);
            if (advance) advanceFrom(id);
          }}
        />
      );
    if (isMultiple(q))
      return (
        <MultiField
          key={item.key}
          id={id}
          number={number}
          label={label}
          options={optionsOf(q)}
          value={Array.isArray(value) ? value : []}
          error={error}
          move={move}
          onChange={(codes) => setAnswer(item.key, codes)}
        />
      );
    const hint =
      q.kind === 'number' || q.kind === 'scale'
        ? `${q.min}〜${q.max}${q.kind === 'number' && q.unit ? q.unit : ''}（Enterで次へ）`
        : 'Enterで次へ';
    return (
      <TextEntryField
        key={item.key}
        id={id}
        number={number}
        label={label}
        hint={hint}
        unit={q.kind === 'number' ? q.unit : undefined}
        wide={q.kind === 'text'}
        maxLength={q.kind === 'text' ? q.maxLength : undefined}
        value={typeof value === 'string' ? value : ''}
        error={error}
        onChange={(v) => setAnswer(item.key, v)}
      />
    );
  };

  const sections = sectionsWithItems(def);
  const areaRows = useMemo(() => {
    const all = areas.data?.areas ?? [];
    const mine = own ? subtreeIds(all, scope.areaIds) : null;
    return areaTree(all).filter((r) => !mine || mine.has(r.area.id));
  }, [areas.data, own, scope.areaIds]);

  return (
    <form
      ref={formRef}
      className="entry-form"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
      aria-label={`${def.title}の入力`}
    >
      <details className="panel entry-keys">
        <summary>キーの使い方</summary>
        <ul>
          <li>
            <kbd>0</kbd>〜<kbd>9</kbd>：調査票に書かれた選択肢の番号。選ぶと次の設問へ進みます。
          </li>
          <li>
            <kbd>Enter</kbd>：次の欄へ。最後の設問では保存して、次の票を始めます。
          </li>
          <li>
            <kbd>Tab</kbd>・<kbd>Shift</kbd>+<kbd>Tab</kbd>：次・前の欄へ。<kbd>↓</kbd>・<kbd>↑</kbd>
            も選択肢の欄で使えます。
          </li>
          <li>
            <kbd>Backspace</kbd>：選んだ答えを消します。空欄のままでも保存できます（判定不能として扱います）。
          </li>
        </ul>
      </details>

      <ErrorSummary message={errors.message} items={errors.items} fieldId={entryFieldId} />

      <section className="panel" aria-labelledby="entry-batch-title">
        <h2 id="entry-batch-title">共通項目</h2>
        <p className="muted">
          同じ地域の票をまとめて入力するときのために、次の票にも引き継ぎます。調査票番号は保存するたびに1つ増えます。
        </p>
        <div className="entry-batch">
          <TextField
            id={ID.respondentNo}
            data-entry=""
            label="調査票番号"
            value={respondentNo}
            maxLength={40}
            autoComplete="off"
            onChange={(e) => setRespondentNo(e.target.value)}
            error={errorAt('respondentNo')}
          />
          <SelectField
            id={ID.areaId}
            data-entry=""
            label="地域"
            value={areaId}
            onChange={(e) => setAreaId(e.target.value)}
            error={errorAt('areaId')}
          >
            {!own && <option value="">（町丁から判断する・分からない）</option>}
            {areaRows.map(({ area, depth }) => (
              <option key={area.id} value={area.id}>
                {`${'　'.repeat(depth)}${area.name}`}
              </option>
            ))}
          </SelectField>
          <TextField
            id={ID.townName}
            data-entry=""
            label="町丁"
            hint="例：峰延町2丁目"
            value={townName}
            maxLength={80}
            autoComplete="off"
            onChange={(e) => setTownName(e.target.value)}
            error={errorAt('townName')}
          />
        </div>
      </section>

      <div ref={answersRef}>
        {(askSex || askAge) && (
          <section className="entry-section" aria-labelledby="entry-person">
            <h2 id="entry-person">回答者</h2>
            {askSex && (
              <ChoiceField
                id={ID.sex}
                number=""
                label="性別"
                options={SEX_OPTIONS}
                value={sex}
                error={errorAt('sex')}
                move={move}
                onPick={(code, advance) => {
                  setSex(code ?? '');
                  if (advance) advanceFrom(ID.sex);
                }}
              />
            )}
            {askAge && (
              <TextEntryField
                id={ID.age}
                number=""
                label="年齢"
                hint="調査基準日の満年齢（Enterで次へ）"
                unit="歳"
                value={age}
                error={errorAt('age')}
                onChange={setAge}
              />
            )}
          </section>
        )}
        {sections.map((section, si) => {
          const shown = section.items.filter((i) => visible.has(i.key));
          if (shown.length === 0) return null;
          const headingId = `entry-section-${si}`;
          // Matrix rows are grouped under their question, one row per line.
          const groups: { matrix: Item['question'] | null; items: Item[] }[] = [];
          for (const item of shown) {
            const matrix = item.row ? item.question : null;
            const last = groups[groups.length - 1];
            if (matrix && last?.matrix === matrix) last.items.push(item);
            else groups.push({ matrix, items: [item] });
          }
          return (
            <section key={section.title} className="entry-section" aria-labelledby={headingId}>
              <h2 id={headingId}>{section.title}</h2>
              {groups.map((g) =>
                g.matrix ? (
                  <fieldset key={g.items[0]!.key} className="entry-matrix">
                    <legend>
                      {g.matrix.number ? `${g.matrix.number} ` : ''}
                      {g.matrix.label}
                    </legend>
                    {g.items.map(renderItem)}
                  </fieldset>
                ) : (
                  g.items.map(renderItem)
                ),
              )}
            </section>
          );
        })}
      </div>

      <div className="entry-submit">
        <Button
          id={SAVE_ID}
          type="submit"
          busy={mutation.isPending}
          busyLabel="保存しています…"
          icon={<Save aria-hidden="true" size={18} />}
        >
          保存して次の票へ
        </Button>
        <p aria-live="polite">
          {saved?.id && (
            <span className="entry-saved">
              調査票番号 {saved.last || '（なし）'} を保存しました（この画面で{saved.count}件目）。
            </span>
          )}
          {undone !== null && (
            <span className="entry-saved">
              調査票番号 {undone || '（なし）'} の入力を取り消しました。同じ番号でもう一度入力できます。
            </span>
          )}
        </p>
        {saved?.id && (
          <Button
            type="button"
            variant="secondary"
            busy={undo.isPending}
            busyLabel="取り消しています…"
            onClick={() => undo.mutate(saved.id)}
          >
            直前の票（調査票番号 {saved.last || 'なし'}）を取り消す
          </Button>
        )}
        {undo.error && <ErrorNotice error={undo.error} title="取り消せませんでした" />}
        <p className="muted">次は 調査票番号 {respondentNo || '（なし）'}</p>
      </div>
    </form>
  );
}

interface AreaLike {
  id: string;
  parentId: string | null;
  name: string;
  sortOrder: number;
}

/** Areas in tree order with their depth (parents before children, siblings by sortOrder). */
export function areaTree<A extends AreaLike>(areas: readonly A[]): { area: A; depth: number }[] {
  const ids = new Set(areas.map((a) => a.id));
  const children = new Map<string | null, A[]>();
  for (const a of areas) {
    const parent = a.parentId && ids.has(a.parentId) ? a.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), a]);
  }
  const out: { area: A; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const a of [...(children.get(parent) ?? [])].sort((x, y) => x.sortOrder - y.sortOrder)) {
      out.push({ area: a, depth });
      walk(a.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
