import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Harness, scope, stubApi } from '../../test-support';
import { entryFieldId, nextRespondentNo, SurveyEntryPage } from './entry-page';
import { AREAS, detail, NORTH_ID, response, SURVEY_ID, survey, TENANT } from './test-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (init: RequestInit) => JSON.parse(init.body as string) as Record<string, unknown>;

function stub(
  posted: Record<string, unknown>[],
  reply: (body: Record<string, unknown>) => { status: number; body: unknown } = (body) => ({
    status: 201,
    body: response({ respondentNo: String(body.respondentNo) }),
  }),
  s = survey(),
) {
  return stubApi({
    [`GET /api/t/${TENANT}/surveys/${SURVEY_ID}`]: () => ({ status: 200, body: detail(s) }),
    [`GET /api/t/${TENANT}/areas`]: () => ({ status: 200, body: AREAS }),
    [`GET /api/t/${TENANT}/surveys`]: () => ({ status: 200, body: { surveys: [s] } }),
    [`POST /api/t/${TENANT}/surveys/${SURVEY_ID}/responses`]: (init) => {
      const body = json(init);
      posted.push(body);
      return reply(body);
    },
  });
}

function renderEntry(role: 'insurer_staff' | 'sc2' | 'council_member' = 'insurer_staff') {
  return render(
    <Harness
      path={`/t/${TENANT}/surveys/${SURVEY_ID}/entry`}
      route="/t/:tenant/surveys/:id/entry"
      tenant={scope({ role })}
    >
      <SurveyEntryPage id={SURVEY_ID} />
    </Harness>,
  );
}

const field = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const key = (el: Element, k: string) => fireEvent.keyDown(el, { key: k });

/** Types the answers of a whole checklist: sex, age, then kc01…kc25 with height and weight. */
function typeForm(codes: Record<string, string>, height = '158', weight = '52') {
  key(field(/^性別/), '2');
  fireEvent.change(field(/^年齢/), { target: { value: '78' } });
  key(field(/^年齢/), 'Enter');
  for (let no = 1; no <= 25; no++) {
    if (no === 12) {
      fireEvent.change(document.activeElement!, { target: { value: height } });
      key(document.activeElement!, 'Enter');
      fireEvent.change(document.activeElement!, { target: { value: weight } });
      key(document.activeElement!, 'Enter');
      continue;
    }
    const input = document.activeElement as HTMLInputElement;
    expect(input.id).toBe(`entry-item-kc${String(no).padStart(2, '0')}`);
    key(input, codes[no] ?? '0');
  }
}

describe('紙の調査票をキーボードだけで入力する', () => {
  it("typing '1' on a single choice records code 1 and moves focus to the next question", async () => {
    stub([]);
    renderEntry();
    const sex = await screen.findByLabelText(/^性別/);
    sex.focus();
    key(sex, '2');
    expect((sex as HTMLInputElement).value).toBe('2');
    expect(sex.closest('.entry-row')?.textContent).toContain('女性');
    expect(document.activeElement).toBe(field(/^年齢/));

    fireEvent.change(field(/^年齢/), { target: { value: '78' } });
    key(field(/^年齢/), 'Enter');
    const no1 = field(/バスや電車で1人で外出/);
    expect(document.activeElement).toBe(no1);

    key(no1, '1');
    expect(no1.value).toBe('1');
    // No.1 reads 「0.はい 1.いいえ」: the code is what the form prints, and its word is shown beside it.
    expect(no1.closest('.entry-row')?.textContent).toContain('いいえ');
    expect(document.activeElement).toBe(field(/日用品の買物/));

    // A key that is not an option is refused in words and focus stays.
    const no2 = field(/日用品の買物/);
    key(no2, '7');
    expect(no2.value).toBe('');
    expect(no2.closest('.entry-row')?.textContent).toContain('「7」は選択肢にありません');
    expect(document.activeElement).toBe(no2);
    // Backspace clears an answer without moving on; ↑ goes back.
    key(no2, 'ArrowUp');
    expect(document.activeElement).toBe(no1);
    key(no1, 'Backspace');
    expect(no1.value).toBe('');
    expect(document.activeElement).toBe(no1);
    // A full-width digit from an input method counts too.
    fireEvent.change(no1, { target: { value: '１' } });
    expect(no1.value).toBe('1');
    expect(document.activeElement).toBe(no2);
  });

  it('skips questions whose showIf does not hold: No.12 (BMI only) disappears once a height is typed', async () => {
    stub([]);
    renderEntry();
    const height = await screen.findByLabelText(/^No\.12 身長/);
    expect(screen.getByLabelText(/BMIが18.5未満/)).toBeTruthy();
    fireEvent.change(height, { target: { value: '158' } });
    expect(screen.queryByLabelText(/BMIが18.5未満/)).toBeNull();
    key(height, 'Enter');
    const weight = field(/^No\.12 体重/);
    expect(document.activeElement).toBe(weight);
    fireEvent.change(weight, { target: { value: '45' } });
    key(weight, 'Enter');
    // Straight on to No.13: the hidden question is not in the way.
    expect(document.activeElement).toBe(field(/固いものが食べにくく/));

    // Without a height the question is back, and in the focus order.
    fireEvent.change(height, { target: { value: '' } });
    key(field(/^No\.12 体重/), 'Enter');
    expect(document.activeElement).toBe(field(/BMIが18.5未満/));
  });

  it('Enter on the last question saves the right body, clears the form and counts the 調査票番号 on', async () => {
    const posted: Record<string, unknown>[] = [];
    stub(posted);
    renderEntry();
    await screen.findByRole('option', { name: /北部圏域/ });
    fireEvent.change(screen.getByRole('combobox', { name: '地域' }), { target: { value: NORTH_ID } });
    fireEvent.change(field(/^町丁/), { target: { value: '北一条' } });
    expect(field(/^調査票番号/).value).toBe('12');

    field(/^性別/).focus();
    typeForm({ 1: '1', 9: '1', 16: '1', 21: '1', 24: '1' });
    // After No.25 focus is on the last question's way out: the save button; Enter on No.25 also saves.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '保存して次の票へ' }));
    key(field(/わけもなく疲れた/), 'Enter');

    await screen.findByText(/調査票番号 12 を保存しました/);
    expect(posted).toHaveLength(1);
    const answers: Record<string, unknown> = {};
    for (let no = 1; no <= 25; no++) {
      if (no !== 12)
        answers[`kc${String(no).padStart(2, '0')}`] = [1, 9, 16, 21, 24].includes(no) ? '1' : '0';
    }
    expect(posted[0]).toEqual({
      respondentNo: '12',
      residentId: null,
      areaId: NORTH_ID,
      townName: '北一条',
      sex: '2',
      age: 78,
      answeredOn: null,
      mode: 'paper',
      answers: { ...answers, heightCm: 158, weightKg: 52 },
    });

    // A fresh form: the batch fields stay, the number moves on, focus is back on the first answer.
    await waitFor(() => expect(document.activeElement).toBe(field(/^性別/)));
    expect(field(/^調査票番号/).value).toBe('13');
    expect(field(/^町丁/).value).toBe('北一条');
    expect(field(/^性別/).value).toBe('');
    expect(field(/バスや電車で1人で外出/).value).toBe('');
    expect(screen.getByText(/次は 調査票番号 13/)).toBeTruthy();
  });

  it('takes back the sheet just saved, and offers its number again', async () => {
    const posted: Record<string, unknown>[] = [];
    const deleted: string[] = [];
    stubApi({
      [`GET /api/t/${TENANT}/surveys/${SURVEY_ID}`]: () => ({ status: 200, body: detail(survey()) }),
      [`GET /api/t/${TENANT}/areas`]: () => ({ status: 200, body: AREAS }),
      [`GET /api/t/${TENANT}/surveys`]: () => ({ status: 200, body: { surveys: [survey()] } }),
      [`POST /api/t/${TENANT}/surveys/${SURVEY_ID}/responses`]: (init) => {
        posted.push(json(init));
        return { status: 201, body: response({ respondentNo: '12' }) };
      },
      [`DELETE /api/t/${TENANT}/surveys/${SURVEY_ID}/responses/${response().id}`]: () => {
        deleted.push(response().id);
        return { status: 200, body: { ok: true } };
      },
    });
    renderEntry();
    await screen.findByRole('option', { name: /北部圏域/ });
    fireEvent.change(screen.getByRole('combobox', { name: '地域' }), { target: { value: NORTH_ID } });
    field(/^性別/).focus();
    typeForm({});
    key(field(/わけもなく疲れた/), 'Enter');
    await screen.findByText(/調査票番号 12 を保存しました/);
    expect(field(/^調査票番号/).value).toBe('13');
    fireEvent.click(screen.getByRole('button', { name: '直前の票（調査票番号 12）を取り消す' }));
    await screen.findByText(/調査票番号 12 の入力を取り消しました/);
    expect(deleted).toHaveLength(1);
    expect(field(/^調査票番号/).value).toBe('12');
    expect(screen.queryByRole('button', { name: /直前の票/ })).toBeNull();
  });

  it('shows the server’s 422 beside the question and in the summary, and keeps what was typed', async () => {
    const posted: Record<string, unknown>[] = [];
    stub(posted, () => ({
      status: 422,
      body: {
        error: {
          code: 'validation_failed',
          message: '入力内容を確認してください',
          fields: [
            { path: 'answers.kc03', message: 'No.3：選択肢にない回答です（「2」）。' },
            { path: 'respondentNo', message: '調査票番号：この番号はもう使われています' },
          ],
        },
        requestId: 'r1',
      },
    }));
    renderEntry();
    await screen.findByLabelText(/^性別/);
    field(/^性別/).focus();
    typeForm({});
    fireEvent.click(screen.getByRole('button', { name: '保存して次の票へ' }));

    const summary = await screen.findByRole('alert');
    expect(
      within(summary)
        .getByRole('link', { name: /No\.3：選択肢にない回答です/ })
        .getAttribute('href'),
    ).toBe('#entry-item-kc03');
    expect(within(summary).getByRole('link', { name: /この番号はもう使われています/ })).toBeTruthy();
    const no3 = field(/預貯金の出し入れ/);
    expect(no3.getAttribute('aria-invalid')).toBe('true');
    expect(no3.closest('.entry-row')?.textContent).toContain('No.3：選択肢にない回答です');
    // Nothing was cleared.
    expect(no3.value).toBe('0');
    expect(field(/^調査票番号/).value).toBe('12');
    expect(posted).toHaveLength(1);
  });

  it('checks numbers before sending: a height out of range is named beside the question', async () => {
    const posted: Record<string, unknown>[] = [];
    stub(posted);
    renderEntry();
    const height = await screen.findByLabelText(/^No\.12 身長/);
    fireEvent.change(height, { target: { value: '15' } });
    fireEvent.click(screen.getByRole('button', { name: '保存して次の票へ' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('身長：50〜250の数で入力してください。');
    expect(posted).toHaveLength(0);
  });

  it('tells a 協議体委員 that entry is for staff and SCs', async () => {
    stub([]);
    renderEntry('council_member');
    expect(await screen.findByText(/保険者職員と生活支援コーディネーターが行えます/)).toBeTruthy();
    expect(screen.queryByLabelText(/^性別/)).toBeNull();
  });
});

describe('helpers', () => {
  it('counts the 調査票番号 on, keeping zeros and prefixes', () => {
    expect(nextRespondentNo('12')).toBe('13');
    expect(nextRespondentNo('0099')).toBe('0100');
    expect(nextRespondentNo('A-9')).toBe('A-10');
    expect(nextRespondentNo('')).toBe('');
    expect(nextRespondentNo('北')).toBe('北');
  });

  it('links server paths to fields', () => {
    expect(entryFieldId('answers.ns.stairs')).toBe('entry-item-ns_stairs');
    expect(entryFieldId('age')).toBe('entry-age');
    expect(entryFieldId('item')).toBeNull();
    expect(entryFieldId('other')).toBeNull();
  });
});
