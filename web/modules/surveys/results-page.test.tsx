import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SurveyResults } from '../../../contracts/surveys';
import { Harness, scope, stubApi } from '../../test-support';
import { classBreaks, classLabel, niceMax } from './charts';
import { overallSummary, SUPPRESSED_NOTE, SurveyResultsPage } from './results-page';
import { BOUNDARIES, CENTRAL_ID, detail, results, SURVEY_ID, TENANT } from './test-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function stub(body = results()) {
  return stubApi({
    [`GET /api/t/${TENANT}/surveys/${SURVEY_ID}`]: () => ({ status: 200, body: detail() }),
    [`GET /api/t/${TENANT}/surveys/${SURVEY_ID}/results`]: () => ({ status: 200, body }),
    [`GET /api/t/${TENANT}/area-boundaries`]: () => ({ status: 200, body: BOUNDARIES }),
  });
}

function renderResults() {
  return render(
    <Harness
      path={`/t/${TENANT}/surveys/${SURVEY_ID}/results`}
      route="/t/:tenant/surveys/:id/results"
      tenant={scope({ role: 'sc2' })}
    >
      <SurveyResultsPage id={SURVEY_ID} />
    </Harness>,
  );
}

describe('集計', () => {
  it('the fixtures are what the server may send', () => {
    expect(SurveyResults.safeParse(results()).success).toBe(true);
  });

  it('shows withheld cells with their text and says that cells under 5 are not shown', async () => {
    stub();
    renderResults();
    await screen.findByRole('heading', { name: '判定ごとの該当割合（全体）' });
    expect(screen.getByText(SUPPRESSED_NOTE)).toBeTruthy();

    // By area: 北部圏域 has too few people; every figure of its row is the text, not a number.
    const byArea = screen.getByRole('table', { name: '「事業対象者」の地域別の該当割合' });
    const north = within(byArea).getByRole('row', { name: /北部圏域/ });
    const cells = within(north).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual([
      '—（5人未満）',
      '—（5人未満）',
      '—（5人未満）',
      '—（5人未満）',
    ]);
    const central = within(byArea).getByRole('row', { name: /中央圏域/ });
    expect(
      within(central)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['37', '11', '35', '31.4%']);

    // Age band × sex: the men's rate is withheld, the women's shown.
    const bands = screen.getByRole('table', { name: '「事業対象者」の年齢層・性別の該当割合' });
    const row = within(bands).getByRole('row', { name: /65〜74歳/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['10', '—（5人未満）', '30', '32.1%']);

    // Per question: the small answer is withheld, and its share is not worked out either.
    const q = screen.getByRole('table', { name: 'No.1 バスや電車で1人で外出していますか' });
    const no = within(q).getByRole('row', { name: /いいえ/ });
    expect(
      within(no)
        .getAllByRole('cell')
        .slice(0, 2)
        .map((c) => c.textContent),
    ).toEqual(['—（5人未満）', '—']);
    const yes = within(q).getByRole('row', { name: /はい/ });
    expect(
      within(yes)
        .getAllByRole('cell')
        .slice(0, 2)
        .map((c) => c.textContent),
    ).toEqual(['36', '90.0%']);

    // The map writes the withheld area's text on it, and the legend says what hatching means.
    const map = await screen.findByRole('img', { name: /地域別該当割合の地図/ });
    expect(map.getAttribute('aria-label')).toContain('北部圏域 —（5人未満）');
    expect(map.getAttribute('aria-label')).toContain('中央圏域 31.4%');
    expect(screen.getByText(/斜線：5人未満などの理由で表示しない地域/)).toBeTruthy();
  });

  it('has no suppression note for 保険者職員, who see every cell', async () => {
    stub(results({ suppressed: false }));
    renderResults();
    await screen.findByRole('heading', { name: '判定ごとの該当割合（全体）' });
    expect(screen.queryByText(SUPPRESSED_NOTE)).toBeNull();
  });

  it('changes the rule shown by area and offers the exports for the chosen layer', async () => {
    const calls = stub();
    renderResults();
    const select = (await screen.findByRole('combobox', { name: '見る判定' })) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'motor' } });
    const byArea = screen.getByRole('table', { name: '「運動器」の地域別の該当割合' });
    expect(within(byArea).getByRole('row', { name: /中央圏域/ }).textContent).toContain('18.9%');
    fireEvent.click(screen.getByRole('radio', { name: /第3層/ }));
    await vi.waitFor(() => expect(calls.some((c) => c.url.includes('layer=3'))).toBe(true));
    const xlsx = screen.getByRole('link', { name: /Excel/ }).getAttribute('href');
    expect(xlsx).toBe(`/api/t/${TENANT}/surveys/${SURVEY_ID}/results/export?layer=3&format=xlsx`);
    expect(CENTRAL_ID).toBeTruthy();
  });

  it('summarises the chart in words and picks round scale ends', () => {
    expect(overallSummary(results())).toBe(
      '回答者40人のうち、該当する人の割合が最も高い心配な判定は「事業対象者」で31.6%です。',
    );
    expect(niceMax([31.6, 20])).toBe(40);
    expect(niceMax([])).toBe(10);
    const breaks = classBreaks([31.4]);
    expect(breaks).toEqual([0, 8, 16, 24, 32]);
    expect(classLabel(breaks, 0)).toBe('0〜8%未満');
    expect(classLabel(breaks, 4)).toBe('32%以上');
  });
});
