import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Plus, X } from 'lucide-react';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { saveTaxonomyTerm, TaxonomyTermInput } from '../../../contracts/resources';
import { PORTAL_GROUPS } from '../../../domain/life-support-taxonomy';
import { api } from '../../lib/api';
import { errorFor, type FormErrors, formErrors, NO_ERRORS, validate } from '../../lib/form';
import { paths } from '../../lib/paths';
import { capabilities, useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { SelectField, TextField } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { ErrorNotice, Loading } from '../../ui/status';
import { CategoryTag, type Term, termTree } from './categories';
import { invalidateResources, useTaxonomy } from './queries';

/** The body that saves a term as it is, with its synonyms replaced. */
function termInput(t: Term, synonyms: string[]) {
  return {
    name: t.name,
    kana: t.kana,
    parent: t.parent,
    group: t.group,
    synonyms,
    description: t.description,
    // The version read with the list: a change made meanwhile by someone else is refused, not overwritten.
    version: t.version,
  };
}

/** 分類と言いかえ: the categories as a tree; the town adds its own words so that searches find them. */
export function TaxonomyPage() {
  const scope = useTenantScope();
  const can = capabilities(scope).manageResourceLists;
  usePageTitle('分類と言いかえ');
  const taxonomy = useTaxonomy(scope.code);
  const [announcement, setAnnouncement] = useState('');

  return (
    <>
      <PageHeader
        title="分類と言いかえ"
        lead="地域資源の分類です。町で使われている呼び方（例：サロンを「お茶っこ」と呼ぶ）を言いかえに足すと、その言葉でも探せるようになります。"
      />
      {!can && <p className="muted">分類の変更は、保険者職員と第1層コーディネーターが行えます。</p>}
      <div aria-live="polite" className="live-line">
        {announcement && <p className="notice notice--success">{announcement}</p>}
      </div>
      {taxonomy.isPending && <Loading />}
      {taxonomy.isError && <ErrorNotice error={taxonomy.error} />}
      {taxonomy.data && (
        <ul className="term-list">
          {termTree(taxonomy.data.terms).map(({ term, depth }) => (
            <TermCard key={term.code} term={term} depth={depth} canEdit={can} onSaved={setAnnouncement} />
          ))}
        </ul>
      )}
      {can && taxonomy.data && <NewTermForm terms={taxonomy.data.terms} onSaved={setAnnouncement} />}
    </>
  );
}

function TermCard({
  term,
  depth,
  canEdit,
  onSaved,
}: {
  term: Term;
  depth: number;
  canEdit: boolean;
  onSaved: (message: string) => void;
}) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const uid = useId();
  const [word, setWord] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (synonyms: string[]) =>
      api(saveTaxonomyTerm, {
        params: { tenant: scope.code, code: term.code },
        body: termInput(term, synonyms),
      }),
    onSuccess: async (_saved, synonyms) => {
      const added = synonyms.length > term.synonyms.length;
      onSaved(
        added ? `「${term.name}」に言いかえを足しました。` : `「${term.name}」の言いかえを外しました。`,
      );
      setWord('');
      await invalidateResources(queryClient, scope.code);
    },
    onError: async (e) => {
      setError(e instanceof Error ? e.message : '保存できませんでした。');
      // On a 409 the list is read again, so the next try starts from the words saved meanwhile.
      await invalidateResources(queryClient, scope.code);
    },
  });

  const add = (e: FormEvent) => {
    e.preventDefault();
    const w = word.trim();
    if (!w) {
      setError('言いかえ：入力してください');
      return;
    }
    if (w.length > 40) {
      setError('言いかえ：40文字以内で入力してください');
      return;
    }
    if (term.synonyms.includes(w)) {
      setError(`「${w}」はもう入っています`);
      return;
    }
    setError(null);
    save.mutate([...term.synonyms, w]);
  };

  return (
    <li className={`term-card term-depth-${Math.min(depth, 2)}`}>
      <div className="term-card__head">
        <h2 className="term-card__name">
          <CategoryTag code={term.code} name={term.name} terms={[term]} />
          {term.custom && <span className="badge badge--muted">町で追加</span>}
        </h2>
        <Link
          className="term-card__count"
          to={paths.resources(scope.code, `category=${encodeURIComponent(term.code)}`)}
        >
          資源 {term.resourceCount}件<span className="visually-hidden">（{term.name}）を見る</span>
        </Link>
      </div>
      <p className="muted small">
        よみ：{term.kana || '—'}
        {term.description && `・${term.description}`}
      </p>
      <div className="term-card__synonyms">
        <span className="term-card__label" id={`${uid}-syn`}>
          言いかえ
        </span>
        {term.synonyms.length === 0 ? (
          <span className="muted">なし</span>
        ) : (
          <ul className="chips" aria-labelledby={`${uid}-syn`}>
            {term.synonyms.map((s) => (
              <li key={s} className="chip">
                {s}
                {canEdit && (
                  <button
                    type="button"
                    className="chip__remove"
                    aria-label={`「${s}」を外す`}
                    disabled={save.isPending}
                    onClick={() => save.mutate(term.synonyms.filter((x) => x !== s))}
                  >
                    <X aria-hidden="true" size={16} />
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      {canEdit && (
        <form className="inline-form" onSubmit={add} noValidate>
          <label className="visually-hidden" htmlFor={`${uid}-word`}>
            「{term.name}」に足す言いかえ
          </label>
          <input
            id={`${uid}-word`}
            className="input input--short"
            value={word}
            placeholder="町での呼び方"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${uid}-err` : undefined}
            onChange={(e) => setWord(e.target.value)}
          />
          <Button
            type="submit"
            variant="secondary"
            small
            busy={save.isPending}
            icon={<Plus aria-hidden="true" size={16} />}
          >
            足す<span className="visually-hidden">（{term.name}）</span>
          </Button>
          {error && (
            <span className="field__error" id={`${uid}-err`}>
              {error}
            </span>
          )}
        </form>
      )}
    </li>
  );
}

function NewTermForm({ terms, onSaved }: { terms: readonly Term[]; onSaved: (message: string) => void }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    name: '',
    kana: '',
    parent: '',
    group: 'gather',
    synonyms: '',
    description: '',
  });
  const [local, setLocal] = useState<FormErrors>(NO_ERRORS);
  const body = () => ({
    name: values.name,
    kana: values.kana,
    parent: values.parent || null,
    group: values.group,
    synonyms: values.synonyms
      .split(/[、,，\n]/)
      .map((s) => s.trim())
      .filter(Boolean),
    description: values.description,
  });
  const save = useMutation({
    mutationFn: (b: ReturnType<typeof body>) =>
      api(saveTaxonomyTerm, {
        params: { tenant: scope.code, code: `town-${Date.now().toString(36)}` },
        body: b,
      }),
    onSuccess: async (term) => {
      onSaved(`分類「${term.name}」を追加しました。`);
      setValues({ name: '', kana: '', parent: '', group: values.group, synonyms: '', description: '' });
      await invalidateResources(queryClient, scope.code);
    },
  });
  const errors = local.items.length > 0 ? local : formErrors(save.error);
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const b = body();
    const problems = validate(TaxonomyTermInput, b);
    setLocal({ message: null, items: problems });
    if (problems.length === 0) save.mutate(b);
  };
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="new-term-title">
      <h2 id="new-term-title">町の分類を追加</h2>
      <p className="muted">既定の分類にあてはまらない、町ならではの活動があるときに追加します。</p>
      <ErrorSummary
        message={errors.message}
        items={errors.items}
        fieldId={(p) => (p ? `term-${p.split('.')[0]}` : null)}
      />
      <div className="form-grid form-grid--2">
        <TextField
          id="term-name"
          label="分類名"
          required
          value={values.name}
          onChange={set('name')}
          error={errorFor(errors, 'name')}
        />
        <TextField
          id="term-kana"
          label="よみがな"
          value={values.kana}
          onChange={set('kana')}
          error={errorFor(errors, 'kana')}
        />
        <SelectField
          id="term-parent"
          label="上位の分類"
          value={values.parent}
          onChange={set('parent')}
          error={errorFor(errors, 'parent')}
        >
          <option value="">なし（いちばん上の分類）</option>
          {terms
            .filter((t) => !t.parent)
            .map((t) => (
              <option key={t.code} value={t.code}>
                {t.name}
              </option>
            ))}
        </SelectField>
        <SelectField
          id="term-group"
          label="住民向けの大分類"
          hint="住民向けの案内で、どのボタンの中に出すか"
          value={values.group}
          onChange={set('group')}
          error={errorFor(errors, 'group')}
        >
          {PORTAL_GROUPS.map((g) => (
            <option key={g.code} value={g.code}>
              {g.label}（{g.description}）
            </option>
          ))}
        </SelectField>
        <TextField
          id="term-synonyms"
          label="言いかえ"
          hint="「、」で区切って入力します。"
          value={values.synonyms}
          onChange={set('synonyms')}
          error={errorFor(errors, 'synonyms')}
        />
        <TextField
          id="term-description"
          label="説明"
          value={values.description}
          onChange={set('description')}
          error={errorFor(errors, 'description')}
        />
      </div>
      <div className="button-row">
        <Button
          type="submit"
          busy={save.isPending}
          busyLabel="追加しています…"
          icon={<Plus aria-hidden="true" size={18} />}
        >
          分類を追加する
        </Button>
      </div>
    </form>
  );
}
