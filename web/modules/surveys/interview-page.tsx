import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ArrowLeft, ArrowRight, Check, Save, Search, UserRound, X } from 'lucide-react';
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { ResidentSummary } from '../../../contracts/residents';
import { createResponse, type ResponseInput, type Survey } from '../../../contracts/surveys';
import { subtreeIds } from '../../../domain/areas';
import { todayInTokyo } from '../../../domain/dates';
import { type Item, type QuestionnaireDefinition, visibleItems } from '../../../domain/questionnaire';
import { api } from '../../lib/api';
import { type FormErrors, formErrors, NO_ERRORS } from '../../lib/form';
import { useTenantScope } from '../../lib/session';
import { Button, buttonClass } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { SelectField, TextField } from '../../ui/field';
import { Loading } from '../../ui/status';
import {
  isMultiple,
  isSingle,
  itemLabel,
  itemNumber,
  optionsOf,
  type RawAnswer,
  safeId,
  sectionsWithItems,
} from './definition';
import { areaTree } from './entry-page';
import { surveyPaths } from './paths';
import { invalidateSurveys, useAreas, useResidentLookup } from './queries';
import { asksOwn, responseBody, toRaw } from './response-body';
import { SurveyFrame } from './survey-frame';

/*
 * 聞き取り: the same questionnaire for an SC sitting with a resident, on a tablet. One part of the
 * form at a time, each question on its own card with big buttons; optionally linked to a
 * registered resident.
 */

const itemId = (key: string) => `interview-${safeId(key)}`;

export function SurveyInterviewPage({ id }: { id: string }) {
  return (
    <SurveyFrame
      id={id}
      page="聞き取り"
      lead="ご本人と話しながら、答えを大きなボタンで記録します。分からない設問は空欄のままで構いません。"
      need="answers"
    >
      {(detail, def) => <Interview survey={detail.survey} def={def} />}
    </SurveyFrame>
  );
}

function Interview({ survey, def }: { survey: Survey; def: QuestionnaireDefinition }) {
  const [round, setRound] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const scope = useTenantScope();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (done !== null) heading.current?.focus();
  }, [done]);
  if (done !== null)
    return (
      <section className="panel interview" aria-labelledby="interview-done">
        <h2 id="interview-done" ref={heading} tabIndex={-1}>
          <Check aria-hidden="true" size={26} /> 保存しました
        </h2>
        <p>{done}</p>
        <div className="button-row">
          <Button
            onClick={() => {
              setDone(null);
              setRound((r) => r + 1);
            }}
          >
            次の方の聞き取りを始める
          </Button>
          <Link className={buttonClass('secondary')} to={surveyPaths.survey(scope.code, survey.id)}>
            調査の画面へ戻る
          </Link>
        </div>
      </section>
    );
  return <InterviewForm key={round} survey={survey} def={def} onSaved={setDone} />;
}

function InterviewForm({
  survey,
  def,
  onSaved,
}: {
  survey: Survey;
  def: QuestionnaireDefinition;
  onSaved: (text: string) => void;
}) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const areas = useAreas(scope.code);
  const own = scope.role === 'sc2' && !scope.systemAdmin;
  const ask = asksOwn(def);
  const [resident, setResident] = useState<ResidentSummary | null>(null);
  const [areaId, setAreaId] = useState(() => (own ? (scope.areaIds[0] ?? '') : ''));
  const [sex, setSex] = useState('');
  const [age, setAge] = useState('');
  const [answeredOn, setAnsweredOn] = useState(() => todayInTokyo());
  const [answers, setAnswers] = useState<Record<string, RawAnswer>>({});
  const [local, setLocal] = useState<FormErrors>(NO_ERRORS);
  const [step, setStep] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const visible = useMemo(() => new Set(visibleItems(def, toRaw(answers))), [def, answers]);
  const parts = sectionsWithItems(def)
    .map((s) => ({ title: s.title, items: s.items.filter((i) => visible.has(i.key)) }))
    .filter((s) => s.items.length > 0);
  const steps = [{ title: 'お話を伺う方', items: [] as Item[] }, ...parts];
  const current = Math.min(step, steps.length - 1);
  const last = current === steps.length - 1;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the heading takes the focus whenever the part changes
  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [current]);

  const mutation = useMutation({
    mutationFn: (body: ResponseInput) =>
      api(createResponse, { params: { tenant: scope.code, id: survey.id }, body }),
    onSuccess: async (saved) => {
      await invalidateSurveys(queryClient, scope.code);
      const who = resident ? `${resident.name}さん` : 'お名前なし';
      const judged = saved.results.map((r) => `${r.label}：${r.result}`).join('、');
      onSaved(`${who}の回答を保存しました。${judged ? `判定：${judged}` : ''}`);
    },
  });
  const errors: FormErrors =
    local.items.length > 0 || local.message ? local : mutation.error ? formErrors(mutation.error) : NO_ERRORS;
  const errorAt = (path: string) => errors.items.find((f) => f.path === path)?.message ?? null;
  const stepOf = (path: string) => {
    if (!path.startsWith('answers.')) return 0;
    const key = path.slice('answers.'.length);
    const i = steps.findIndex((s) => s.items.some((it) => it.key === key));
    return i < 0 ? null : i;
  };

  const set = (key: string, value: RawAnswer | null) =>
    setAnswers((a) => {
      const next = { ...a };
      if (value === null || value.length === 0) delete next[key];
      else next[key] = value;
      return next;
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!last) {
      setStep(current + 1);
      return;
    }
    if (mutation.isPending) return;
    const { body, problems } = responseBody(def, answers, {
      respondentNo: '',
      residentId: resident?.id ?? null,
      areaId,
      townName: '',
      sex,
      age,
      answeredOn: answeredOn || null,
      mode: 'interview',
    });
    setLocal({ message: null, items: problems });
    if (problems.length > 0) {
      setStep(stepOf(problems[0]!.path) ?? current);
      return;
    }
    mutation.mutate(body);
  };

  const areaRows = useMemo(() => {
    const all = areas.data?.areas ?? [];
    const mine = own ? subtreeIds(all, scope.areaIds) : null;
    return areaTree(all).filter((r) => !mine || mine.has(r.area.id));
  }, [areas.data, own, scope.areaIds]);

  const stepItems = steps[current]!.items;
  const summaryItems = errors.items.map((f) => {
    const at = stepOf(f.path);
    return at !== null && at !== current ? { ...f, message: `${f.message}（「${steps[at]!.title}」）` } : f;
  });

  return (
    <form className="interview" onSubmit={submit} noValidate aria-label={`${def.title}の聞き取り`}>
      <ErrorSummary
        message={errors.message}
        items={summaryItems}
        fieldId={(path) => {
          if (stepOf(path) !== current) return null;
          if (path.startsWith('answers.')) return itemId(path.slice('answers.'.length));
          return ['areaId', 'sex', 'age', 'answeredOn'].includes(path) ? `interview-${path}` : null;
        }}
      />
      <div className="interview-progress">
        <span>
          {current + 1} / {steps.length}
        </span>
        <progress max={steps.length} value={current + 1} aria-label="聞き取りの進み具合" />
      </div>
      <nav aria-label="調査票の部分">
        <details className="more">
          <summary>ほかの部分へ移る</summary>
          <ul className="inline-links">
            {steps.map((s, i) => (
              <li key={s.title}>
                <Button
                  variant={i === current ? 'secondary' : 'quiet'}
                  small
                  aria-current={i === current ? 'step' : undefined}
                  onClick={() => setStep(i)}
                >
                  {s.title}
                  {errors.items.some((f) => stepOf(f.path) === i) && '（要確認）'}
                </Button>
              </li>
            ))}
          </ul>
        </details>
      </nav>

      <h2 ref={heading} tabIndex={-1}>
        {steps[current]!.title}
      </h2>

      {current === 0 ? (
        <div className="panel">
          <ResidentPicker
            chosen={resident}
            onChoose={(r) => {
              setResident(r);
              if (r?.areaId && areaRows.some((row) => row.area.id === r.areaId)) setAreaId(r.areaId);
              if (r?.age && r.age >= 40) {
                if (ask.age) setAge(String(r.age));
                else set('age', String(r.age));
              }
            }}
          />
          <div className="form-grid form-grid--2">
            <SelectField
              id="interview-areaId"
              label="地域"
              value={areaId}
              onChange={(e) => setAreaId(e.target.value)}
              error={errorAt('areaId')}
            >
              {!own && <option value="">（分からない）</option>}
              {areaRows.map(({ area, depth }) => (
                <option key={area.id} value={area.id}>
                  {`${'　'.repeat(depth)}${area.name}`}
                </option>
              ))}
            </SelectField>
            <TextField
              id="interview-answeredOn"
              label="聞き取った日"
              type="date"
              value={answeredOn}
              max={todayInTokyo()}
              onChange={(e) => setAnsweredOn(e.target.value)}
              error={errorAt('answeredOn')}
            />
          </div>
          {ask.sex && (
            <BigChoices
              id="interview-sex"
              legend="性別"
              name="sex"
              options={[
                { code: '1', label: '男性' },
                { code: '2', label: '女性' },
              ]}
              value={sex}
              error={errorAt('sex')}
              onChange={setSex}
            />
          )}
          {ask.age && (
            <TextField
              id="interview-age"
              label="年齢"
              short
              inputMode="numeric"
              autoComplete="off"
              value={age}
              onChange={(e) => setAge(e.target.value)}
              error={errorAt('age')}
            />
          )}
        </div>
      ) : (
        stepItems.map((item, i) => {
          const prev = stepItems[i - 1];
          // A matrix starts with its question as a heading over its rows.
          const header =
            item.row && prev?.question !== item.question ? (
              <p className="interview-question__num">
                {item.question.number ? `${item.question.number} ` : ''}
                {item.question.label}
              </p>
            ) : null;
          return (
            <div key={item.key}>
              {header}
              <Question
                item={item}
                value={answers[item.key]}
                error={errorAt(`answers.${item.key}`)}
                onChange={(v) => set(item.key, v)}
              />
            </div>
          );
        })
      )}

      <div className="interview-nav">
        <Button
          variant="secondary"
          disabled={current === 0}
          icon={<ArrowLeft aria-hidden="true" size={20} />}
          onClick={() => setStep(current - 1)}
        >
          前へ
        </Button>
        {last ? (
          <Button
            type="submit"
            busy={mutation.isPending}
            busyLabel="保存しています…"
            icon={<Save aria-hidden="true" size={20} />}
          >
            回答を保存する
          </Button>
        ) : (
          <Button type="submit" icon={<ArrowRight aria-hidden="true" size={20} />}>
            次へ（{steps[current + 1]!.title}）
          </Button>
        )}
      </div>
    </form>
  );
}

/** One question (or one row of a matrix) as a card with big choices. */
function Question({
  item,
  value,
  error,
  onChange,
}: {
  item: Item;
  value: RawAnswer | undefined;
  error: string | null;
  onChange: (v: RawAnswer | null) => void;
}) {
  const q = item.question;
  const id = itemId(item.key);
  const number = itemNumber(item);
  const legend = (
    <>
      {number && <span className="interview-question__num">{number}</span>}
      {itemLabel(item)}
    </>
  );
  if (isSingle(q))
    return (
      <BigChoices
        id={id}
        legend={legend}
        name={item.key}
        options={optionsOf(q)}
        value={typeof value === 'string' ? value : ''}
        error={error}
        onChange={(code) => onChange(code || null)}
      />
    );
  if (isMultiple(q)) {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset
        className={`interview-question${error ? ' field--error' : ''}`}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <legend>{legend}</legend>
        {error && (
          <p className="field__error" id={`${id}-error`}>
            {error}
          </p>
        )}
        <div className="big-choices">
          {optionsOf(q).map((o, i) => (
            <label key={o.code} className="big-choice">
              <input
                id={i === 0 ? id : undefined}
                type="checkbox"
                checked={chosen.includes(o.code)}
                onChange={(e) => {
                  const next = e.target.checked ? [...chosen, o.code] : chosen.filter((c) => c !== o.code);
                  onChange(
                    optionsOf(q)
                      .filter((x) => next.includes(x.code))
                      .map((x) => x.code),
                  );
                }}
              />
              {o.label}
            </label>
          ))}
        </div>
        <p className="muted">いくつでも選べます。</p>
      </fieldset>
    );
  }
  const text = typeof value === 'string' ? value : '';
  return (
    <div className={`interview-question${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {legend}
      </label>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <span className="interview-number">
        <input
          id={id}
          className="input"
          inputMode={q.kind === 'text' ? 'text' : 'decimal'}
          autoComplete="off"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange(e.target.value || null)}
        />
        {q.kind === 'number' && q.unit}
      </span>
    </div>
  );
}

/** Big radio buttons; 「答えを消す」 takes a choice back (a radio button cannot be unticked). */
function BigChoices({
  id,
  legend,
  name,
  options,
  value,
  error,
  onChange,
}: {
  id: string;
  legend: ReactNode;
  name: string;
  options: readonly { code: string; label: string }[];
  value: string;
  error: string | null;
  onChange: (code: string) => void;
}) {
  return (
    <fieldset
      className={`interview-question${error ? ' field--error' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="big-choices">
        {options.map((o, i) => (
          <label key={o.code} className="big-choice">
            <input
              id={i === 0 ? id : undefined}
              type="radio"
              name={name}
              value={o.code}
              checked={value === o.code}
              onChange={() => onChange(o.code)}
            />
            {o.label}
          </label>
        ))}
      </div>
      {value && (
        <Button variant="quiet" small icon={<X aria-hidden="true" size={16} />} onClick={() => onChange('')}>
          答えを消す
        </Button>
      )}
    </fieldset>
  );
}

/** 住民 picker: find a registered resident by name or reading (optional). */
function ResidentPicker({
  chosen,
  onChoose,
}: {
  chosen: ResidentSummary | null;
  onChoose: (r: ResidentSummary | null) => void;
}) {
  const scope = useTenantScope();
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  const found = useResidentLookup(scope.code, q);
  const about = chosen
    ? [chosen.areaName, chosen.age ? `${chosen.age}歳` : null].filter(Boolean).join('・')
    : '';
  if (chosen)
    return (
      <div className="chosen-resident">
        <UserRound aria-hidden="true" size={20} />
        <span>{`${chosen.name}さん${about ? `（${about}）` : ''}の回答として記録します`}</span>
        <Button variant="quiet" small onClick={() => onChoose(null)}>
          住民を選び直す
        </Button>
      </div>
    );
  return (
    <div className="field">
      <label className="field__label" htmlFor="interview-resident">
        住民（登録されている方なら選べます。なくても構いません）
      </label>
      <span className="toolbar">
        <input
          id="interview-resident"
          className="input"
          value={typed}
          autoComplete="off"
          placeholder="氏名かよみがな"
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              setQ(typed);
            }
          }}
        />
        <Button
          variant="secondary"
          icon={<Search aria-hidden="true" size={18} />}
          onClick={() => setQ(typed)}
        >
          探す
        </Button>
      </span>
      <div aria-live="polite">
        {q.trim() && found.isFetching && <Loading label="探しています…" />}
        {q.trim() && found.isError && (
          <p className="field__error">{String((found.error as Error).message)}</p>
        )}
        {q.trim() && found.data && found.data.items.length === 0 && <p>「{q}」に当たる住民はいません。</p>}
      </div>
      {q.trim() && found.data && found.data.items.length > 0 && (
        <ul className="resident-results" aria-label="見つかった住民">
          {found.data.items.map((r) => (
            <li key={r.id}>
              <button type="button" onClick={() => onChoose(r)}>
                {r.name}（{r.kana}）{r.areaName ? `・${r.areaName}` : ''}
                {r.age ? `・${r.age}歳` : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
