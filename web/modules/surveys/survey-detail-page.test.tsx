import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Harness, scope, stubApi } from '../../test-support';
import { SurveyDetailPage } from './survey-detail-page';
import { detail, KIHON_RULES, rule, SURVEY_ID, survey, TENANT } from './test-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const NEEDS_RULES = [
  rule({
    key: 'iadl',
    label: '手段的自立度（IADL）の低下',
    status: 'conflict',
    condition: '5点中4点以下',
    threshold: 4,
    note: '3点以下とする市町村もある。',
  }),
  rule({
    key: 'fall',
    label: '転倒リスク',
    status: 'unverified',
    condition: '1項目中1項目以上',
    threshold: 1,
  }),
];

function stub(patched: Record<string, unknown>[], status = 200) {
  const s = survey({
    instrument: 'needs-survey-risk',
    instrumentTitle: 'ニーズ調査',
    title: 'ニーズ調査 令和8年度',
  });
  return stubApi({
    [`GET /api/t/${TENANT}/surveys/${SURVEY_ID}`]: () => ({ status: 200, body: detail(s, NEEDS_RULES) }),
    [`GET /api/t/${TENANT}/survey-instruments`]: () => ({
      status: 200,
      body: { instruments: [detail(s, NEEDS_RULES).instrument, detail(survey(), KIHON_RULES).instrument] },
    }),
    [`PATCH /api/t/${TENANT}/surveys/${SURVEY_ID}`]: (init) => {
      patched.push(JSON.parse(init.body as string));
      return status === 409
        ? {
            status: 409,
            body: {
              error: {
                code: 'conflict',
                message: 'ほかの人が先に変更しました。',
                current: { ...s, version: 2, thresholds: { fall: 1 }, title: '別の名前' },
              },
              requestId: 'r',
            },
          }
        : { status: 200, body: { ...s, version: 2, thresholds: { iadl: 3 } } };
    },
  });
}

function renderDetail(role: 'insurer_staff' | 'council_member' = 'insurer_staff') {
  return render(
    <Harness
      path={`/t/${TENANT}/surveys/${SURVEY_ID}`}
      route="/t/:tenant/surveys/:id"
      tenant={scope({ role })}
    >
      <SurveyDetailPage id={SURVEY_ID} />
    </Harness>,
  );
}

describe('調査の詳細', () => {
  it('shows each rule’s condition and how sure it is, and warns that some are unverified', async () => {
    stub([]);
    renderDetail('council_member');
    const table = await screen.findByRole('table', { name: '判定の決まりと、その確かさ' });
    const iadl = within(table).getByRole('row', { name: /IADL/ });
    expect(iadl.textContent).toContain('5点中4点以下');
    expect(iadl.textContent).toContain('資料により異なる');
    expect(within(table).getByRole('row', { name: /転倒リスク/ }).textContent).toContain('未確認');
    expect(screen.getByText('2件の決まりは、まだ確かめられていません')).toBeTruthy();
    // A 協議体委員 reads the rules but cannot change them, enter or import; results are for everyone.
    expect(screen.queryByRole('textbox', { name: /の基準/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /紙の調査票を入力する/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /ファイルから取り込む/ })).toBeNull();
    expect(screen.getByRole('link', { name: /集計を見る/ })).toBeTruthy();
  });

  it('sends only the thresholds that differ from the standard, with the version', async () => {
    const patched: Record<string, unknown>[] = [];
    stub(patched);
    renderDetail();
    const input = await screen.findByRole('textbox', { name: '手段的自立度（IADL）の低下の基準' });
    fireEvent.change(input, { target: { value: '3' } });
    expect(screen.getByText('4から変更')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '名前と基準を保存する' }));
    await screen.findByText('保存しました');
    expect(patched).toEqual([{ title: 'ニーズ調査 令和8年度', thresholds: { iadl: 3 }, version: 1 }]);
  });

  it('keeps what was typed on 409 and can overwrite with the new version', async () => {
    const patched: Record<string, unknown>[] = [];
    stub(patched, 409);
    renderDetail();
    const input = await screen.findByRole('textbox', { name: '手段的自立度（IADL）の低下の基準' });
    fireEvent.change(input, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: '名前と基準を保存する' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('ほかの人が先に保存しました');
    expect(alert.textContent).toContain('「別の名前」');
    expect(alert.textContent).toContain('転倒リスク：1');
    expect(
      (screen.getByRole('textbox', { name: '手段的自立度（IADL）の低下の基準' }) as HTMLInputElement).value,
    ).toBe('3');
    fireEvent.click(within(alert).getByRole('button', { name: '自分の入力で上書きする' }));
    await vi.waitFor(() => expect(patched).toHaveLength(2));
    expect(patched[1]).toEqual({ title: 'ニーズ調査 令和8年度', thresholds: { iadl: 3 }, version: 2 });
  });

  it('refuses a threshold that is not a whole number, naming the rule', async () => {
    const patched: Record<string, unknown>[] = [];
    stub(patched);
    renderDetail();
    const input = await screen.findByRole('textbox', { name: '転倒リスクの基準' });
    fireEvent.change(input, { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: '名前と基準を保存する' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('転倒リスクの基準：0〜20の整数で入力してください');
    expect(patched).toHaveLength(0);
  });
});
