import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAnswers, vectorColumn } from '../../../domain/answer-vector';
import {
  evaluateRisks,
  NEEDS_RISK_RULES,
  NEEDS_SURVEY_RISK,
  type RiskRule,
} from '../../../domain/needs-survey';
import { validateAnswers } from '../../../domain/questionnaire';
import {
  INSTRUMENTS,
  judgeKeys,
  judgeSelect,
  judgeTalliesSelect,
  rulesFor,
  tallies,
} from '../../../domain/survey-instruments';
import { randomNeedsAnswers, seeded } from '../../../domain/survey-samples';
import { auditLog } from '../../core/audit.tables';
import { createTestApp, type TestApp, type TestClient } from '../../core/testing/test-app';
import { pdfText, requirePoppler } from '../print/pdf-text.testing';
import { exportSurveyResults } from './results.service';

const T = '372013';
const base = `/api/t/${T}`;
let t: TestApp;
let staff: TestClient;
let sc1: TestClient;
let council: TestClient;
let reader: TestClient;
let mineno: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  await t.f.buildTenant(T);
  const root = await t.f.rootArea(T);
  const north = await t.f.buildArea(T, { name: '北部圏域', parentId: root.id, layer: 2 });
  const central = await t.f.buildArea(T, { name: '中央圏域', parentId: root.id, layer: 2 });
  mineno = await t.f.buildArea(T, { name: '峰野地区', parentId: north.id, layer: 3, townNames: ['峰野'] });
  await t.f.buildArea(T, {
    name: '本町地区',
    parentId: central.id,
    layer: 3,
    townNames: ['本町'],
  });
  staff = t.client();
  await staff.login((await t.f.buildUser({ tenant: T, role: 'insurer_staff' })).email);
  sc1 = t.client();
  await sc1.login((await t.f.buildUser({ tenant: T, role: 'sc1' })).email);
  council = t.client();
  await council.login((await t.f.buildUser({ tenant: T, role: 'council_member' })).email);
  reader = t.client();
  await reader.login((await t.f.buildUser({ tenant: T, role: 'reader' })).email);
});
afterAll(() => t.close());

/** A healthy 基本チェックリスト (0 points everywhere, BMI 22) with some items changed. */
function kihon(points: number[] = [], over: Record<string, unknown> = {}) {
  const answers: Record<string, unknown> = { heightCm: 160, weightKg: 56.3 };
  for (let no = 1; no <= 25; no++) if (no !== 12) answers[`kc${String(no).padStart(2, '0')}`] = '0';
  for (const no of points) answers[`kc${String(no).padStart(2, '0')}`] = '1';
  return { ...answers, ...over };
}

describe('基本チェックリスト: the 事業対象者 test vectors of standards §2.3, through the API', () => {
  let survey: { id: string };
  beforeAll(async () => {
    const res = await sc1.post(`${base}/surveys`, {
      title: '令和8年度 基本チェックリスト',
      instrument: 'kihon-checklist',
      fiscalYear: 2026,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    survey = res.body;
  });

  const enter = async (answers: Record<string, unknown>, no: string) => {
    const res = await sc1.post(`${base}/surveys/${survey.id}/responses`, {
      respondentNo: no,
      areaId: mineno.id,
      sex: '2',
      age: 78,
      answers,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return Object.fromEntries(
      res.body.results.map((r: { key: string; result: string }) => [r.key, r.result]),
    );
  };

  it('only No.16 いいえ → 該当 by ⑤; only No.17 はい → 非該当', async () => {
    expect((await enter(kihon([16]), 'v1')).jigyoTaishosha).toBe('該当');
    expect((await enter(kihon([16]), 'v1b')).criterion5).toBe('該当');
    expect((await enter(kihon([17]), 'v2')).jigyoTaishosha).toBe('非該当');
  });

  it('No.21 and 22 → 該当 by ⑦; nine points incl. No.19 → 該当 by ⑥ not ①; only No.11 with BMI 20 → 非該当', async () => {
    const v3 = await enter(kihon([21, 22]), 'v3');
    expect(v3).toMatchObject({ criterion7: '該当', jigyoTaishosha: '該当' });
    const v4 = await enter(kihon([1, 2, 3, 4, 5, 11, 13, 17, 19]), 'v4');
    expect(v4).toMatchObject({ criterion1: '非該当', criterion6: '該当', jigyoTaishosha: '該当' });
    const v5 = await enter(kihon([11], { weightKg: 51.2 }), 'v5');
    expect(v5).toMatchObject({ criterion3: '非該当', jigyoTaishosha: '非該当' });
  });

  it('a blank that could decide it is 判定不能, not a guess', async () => {
    const r = await enter(kihon([21], { kc22: '' }), 'v6');
    expect(r.criterion7).toBe('判定不能');
    expect(r.jigyoTaishosha).toBe('判定不能');
  });

  it('says which question is wrong, in Japanese, and keeps nothing', async () => {
    const before = (await sc1.get(`${base}/surveys/${survey.id}`)).body.survey.responses;
    const res = await sc1.post(`${base}/surveys/${survey.id}/responses`, {
      answers: kihon([], { kc03: '7' }),
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields[0]).toMatchObject({ path: 'answers.kc03' });
    expect(res.body.error.fields[0].message).toContain('No.3');
    const dup = await sc1.post(`${base}/surveys/${survey.id}/responses`, {
      respondentNo: 'v1',
      answers: kihon(),
    });
    expect(dup.status).toBe(422);
    expect(dup.body.error.message).toContain('もう入力されています');
    expect((await sc1.get(`${base}/surveys/${survey.id}`)).body.survey.responses).toBe(before);
  });

  it('counts the same judgements in the results, and hides fewer than 5 people from a council member', async () => {
    const asStaff = await staff.get(`${base}/surveys/${survey.id}/results?layer=3`);
    expect(asStaff.status, JSON.stringify(asStaff.body)).toBe(200);
    const idx = asStaff.body.rules.findIndex((r: { key: string }) => r.key === 'jigyoTaishosha');
    const overall = asStaff.body.overall[idx];
    // v1, v1b, v3, v4 are 該当; v2, v5 非該当; v6 判定不能.
    expect(overall.hits.value).toBe(4);
    expect(overall.known.value).toBe(6);
    expect(overall.undetermined).toBe(1);
    expect(asStaff.body.suppressed).toBe(false);
    const minenoRow = asStaff.body.byArea.find((a: { areaName: string }) => a.areaName === '峰野地区');
    expect(minenoRow.respondents.value).toBe(7);
    const asCouncil = await council.get(`${base}/surveys/${survey.id}/results?layer=3`);
    expect(asCouncil.body.suppressed).toBe(true);
    const hidden = asCouncil.body.overall[idx];
    expect(hidden.hits).toMatchObject({ shown: false, value: null, text: '—（5人未満）' });
    expect(hidden.rate.shown).toBe(false);
    expect(JSON.stringify(asCouncil.body)).not.toContain('"value":4');
    const band = asCouncil.body.byBand.find(
      (b: { band: string; sex: string }) => b.band === '75〜79歳' && b.sex === '女性',
    );
    expect(band.respondents.value).toBe(7);
  });

  it('takes back a mistyped sheet, and records who did', async () => {
    const res = await sc1.post(`${base}/surveys/${survey.id}/responses`, {
      respondentNo: 'typo',
      areaId: mineno.id,
      answers: kihon(),
    });
    const before = (await sc1.get(`${base}/surveys/${survey.id}`)).body.survey.responses;
    expect((await council.delete(`${base}/surveys/${survey.id}/responses/${res.body.id}`)).status).toBe(403);
    const gone = await sc1.delete(`${base}/surveys/${survey.id}/responses/${res.body.id}`);
    expect(gone.status).toBe(200);
    expect((await sc1.get(`${base}/surveys/${survey.id}`)).body.survey.responses).toBe(before - 1);
    expect((await sc1.get(`${base}/surveys/${survey.id}/responses/${res.body.id}`)).status).toBe(404);
    const [line] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, res.body.id), eq(auditLog.action, 'delete')));
    expect(line?.detail).toMatchObject({ respondentNo: 'typo' });
    // The number is free again for the corrected sheet.
    const again = await sc1.post(`${base}/surveys/${survey.id}/responses`, {
      respondentNo: 'typo',
      areaId: mineno.id,
      answers: kihon(),
    });
    expect(again.status).toBe(201);
    await sc1.delete(`${base}/surveys/${survey.id}/responses/${again.body.id}`);
  });

  it('keeps individual answers from the 協議体 and 閲覧者, and logs staff reads', async () => {
    expect((await council.get(`${base}/surveys/${survey.id}/responses`)).status).toBe(403);
    expect((await reader.get(`${base}/surveys/${survey.id}/responses`)).status).toBe(403);
    const list = await staff.get(`${base}/surveys/${survey.id}/responses`);
    const one = await staff.get(`${base}/surveys/${survey.id}/responses/${list.body.items[0].id}`);
    expect(one.status).toBe(200);
    const lines = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'survey_response'), eq(auditLog.entityId, list.body.items[0].id)));
    expect(lines.map((l) => l.action)).toContain('read');
  });
});

describe('ニーズ調査: the database judges exactly as the rules in JavaScript do', () => {
  it('agrees on 300 random respondents for every rule, with default and changed thresholds', async () => {
    const rand = seeded(20261124);
    const rows = Array.from({ length: 300 }, () => {
      const v = validateAnswers(NEEDS_SURVEY_RISK, randomNeedsAnswers(rand));
      if (!v.ok) throw new Error(JSON.stringify(v.errors));
      return v.answers;
    });
    for (const rules of [
      NEEDS_RISK_RULES,
      rulesFor(INSTRUMENTS['needs-survey-risk'], { iadl: 3, motor: 2 }),
    ] as RiskRule[][]) {
      const instrument = INSTRUMENTS['needs-survey-risk'];
      const keys = judgeKeys(instrument, rules);
      // The very SELECT the results page runs, over each respondent as the stored vector (text[]).
      const select = judgeSelect(instrument, rules, vectorColumn(NEEDS_SURVEY_RISK, 'a'), {
        from: 'from (select array(select jsonb_array_elements_text(x)) as a, i from jsonb_array_elements($1::jsonb) with ordinality as t(x, i)) s',
        pass: [{ name: 'i', sql: 'i' }],
      });
      const client = (
        t.database.db as unknown as {
          $client: { query: (q: string, p?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> };
        }
      ).$client;
      const res = await client.query(`${select} order by i`, [
        JSON.stringify(rows.map((r) => encodeAnswers(NEEDS_SURVEY_RISK, r))),
      ]);
      const code = { 1: '該当', 0: '非該当', 2: '判定不能' } as const;
      res.rows.forEach((r, i) => {
        const expected = evaluateRisks(rules, rows[i]!).map((x) => x.result);
        const got = keys.map((_, k) => code[Number(r[`j${k}`]) as 0 | 1 | 2]);
        expect(got, `respondent ${i}: ${JSON.stringify(rows[i])}`).toEqual(expected);
      });
      // … and the form the results page runs: thresholds applied in SQL to the tallies stored at entry.
      const fromTallies = judgeTalliesSelect(instrument, rules, 't', {
        from: 'from (select array(select jsonb_array_elements_text(x)::smallint) as t, i from jsonb_array_elements($1::jsonb) with ordinality as s(x, i)) s',
        pass: [{ name: 'i', sql: 'i' }],
      });
      const viaTallies = await client.query(`${fromTallies} order by i`, [
        JSON.stringify(rows.map((r) => tallies(instrument, r))),
      ]);
      viaTallies.rows.forEach((r, i) => {
        const expected = evaluateRisks(rules, rows[i]!).map((x) => x.result);
        expect(
          keys.map((_, k) => code[Number(r[`j${k}`]) as 0 | 1 | 2]),
          `respondent ${i} (tallies)`,
        ).toEqual(expected);
      });
    }
  });
});

describe('importing a contractor’s file', () => {
  let survey: { id: string; version: number };
  beforeAll(async () => {
    survey = (
      await staff.post(`${base}/surveys`, {
        title: '令和7年度 ニーズ調査',
        instrument: 'needs-survey-risk',
        fiscalYear: 2025,
      })
    ).body;
  });

  /** Two header rows (「問2」 over 「(1)」), Shift_JIS, as contractors deliver them. */
  function file(rows: string[][]) {
    const top = [
      '調査票番号',
      '性別',
      '年齢',
      '町丁',
      '問2',
      '',
      '',
      '',
      '',
      '',
      '問3',
      '',
      '問4',
      '',
      '',
      '',
      '',
    ];
    const sub = [
      '',
      '',
      '',
      '',
      '(1)',
      '(2)',
      '(3)',
      '(4)',
      '(5)',
      '(6)',
      '身長',
      '体重',
      '(4)',
      '(5)',
      '(6)',
      '(7)',
      '(8)',
    ];
    const text = [top, sub, ...rows].map((r) => r.join(',')).join('\r\n');
    return new Uint8Array(iconv.encode(text, 'cp932'));
  }
  const row = (no: string, town: string, motor: string[], iadl: string[], sex = '2', age = '82') => [
    no,
    sex,
    age,
    town,
    ...motor,
    '3',
    '155',
    '48',
    ...iadl,
  ];

  it('reads two header rows and Shift_JIS, maps columns by their headers, and refuses a file with errors', async () => {
    const bad = file([
      row('1001', '峰野', ['3', '3', '3', '1', '1'], ['1', '1', '1', '1', '1']),
      row('1001', '峰野', ['1', '1', '1', '3', '4'], ['1', '1', '1', '1', '1']),
      row('1003', '宇宙', ['9', '1', '1', '3', '4'], ['1', '1', '1', '1', '1']),
    ]);
    const p = await staff.post(`${base}/surveys/${survey.id}/imports?fileName=needs.csv`, bad);
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect(p.body).toMatchObject({ headerRows: 2, canCommit: false });
    expect(p.body.encoding).toMatch(/Shift_JIS|cp932/i);
    const mapped = Object.fromEntries(
      p.body.columns.map((c: { header: string; itemKey: string }) => [c.header, c.itemKey]),
    );
    expect(mapped).toMatchObject({
      '問2(1)': 'ns.stairs',
      '問2(6)': 'ns.goOutWeekly',
      問3身長: 'ns.heightCm',
      '問4(8)': 'ns.iadlSavings',
      町丁: '@town',
    });
    const messages = p.body.errors.map(
      (e: { row: number; column: string; message: string }) => `${e.row}:${e.column}:${e.message}`,
    );
    expect(messages).toContain('4:調査票番号:「1001」が3行目と重なっています。');
    expect(messages.some((m: string) => m.startsWith('5:問2(1):') && m.includes('選択肢にない回答'))).toBe(
      true,
    );
    expect(messages).toContain('5:町丁:「宇宙」はどの地域にも登録されていません。');
    const commit = await staff.post(`${base}/surveys/${survey.id}/imports/${p.body.id}/commit`);
    expect(commit.status).toBe(422);
    expect(commit.body.error.message).toContain('何も保存していません');
    expect((await staff.get(`${base}/surveys/${survey.id}`)).body.survey.responses).toBe(0);
  });

  it('commits a clean file in one go, and results follow a changed threshold at once', async () => {
    const rows = [];
    for (let i = 0; i < 6; i++)
      rows.push(row(`20${i}`, '峰野', ['3', '3', '3', '1', '1'], ['1', '1', '1', '1', '3']));
    for (let i = 0; i < 6; i++)
      rows.push(row(`30${i}`, '本町', ['1', '1', '1', '3', '4'], ['1', '1', '1', '3', '3'], '1', '70'));
    const p = await staff.post(`${base}/surveys/${survey.id}/imports?fileName=needs.csv`, file(rows));
    expect(p.body.errorCount, JSON.stringify(p.body.errors)).toBe(0);
    const c = await staff.post(`${base}/surveys/${survey.id}/imports/${p.body.id}/commit`);
    expect(c.body).toEqual({ added: 12 });
    const again = await staff.post(`${base}/surveys/${survey.id}/imports/${p.body.id}/commit`);
    expect(again.status).toBe(400);
    const results = async () => {
      const r = await council.get(`${base}/surveys/${survey.id}/results?layer=3`);
      const k = r.body.rules.findIndex((x: { key: string }) => x.key === 'iadl');
      const m = r.body.rules.findIndex((x: { key: string }) => x.key === 'motor');
      const area = (name: string) => r.body.byArea.find((a: { areaName: string }) => a.areaName === name);
      return { iadl: (name: string) => area(name).rules[k], motor: area('峰野地区').rules[m] };
    };
    const before = await results();
    // 峰野: 4 of 5 IADL points (≤4 → 該当 for all 6); 本町: 3 points.
    expect(before.iadl('峰野地区').rate.text).toBe('100.0%');
    expect(before.motor.hits.value).toBe(6);
    const s = (await staff.get(`${base}/surveys/${survey.id}`)).body.survey;
    const changed = await staff.patch(`${base}/surveys/${survey.id}`, {
      title: s.title,
      thresholds: { iadl: 3 },
      version: s.version,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const after = await results();
    expect(after.iadl('峰野地区').rate.shown).toBe(false);
    const staffView = await staff.get(`${base}/surveys/${survey.id}/results?layer=3`);
    const k = staffView.body.rules.findIndex((x: { key: string }) => x.key === 'iadl');
    const mineno3 = staffView.body.byArea.find((a: { areaName: string }) => a.areaName === '峰野地区');
    expect(mineno3.rules[k].rate.text).toBe('0.0%');
    expect(after.iadl('峰野地区').hits.shown).toBe(false);
    expect(after.iadl('本町地区').rate.text).toBe('100.0%');
    const info = (await staff.get(`${base}/surveys/${survey.id}`)).body.instrument.rules.find(
      (r: { key: string }) => r.key === 'iadl',
    );
    expect(info).toMatchObject({ threshold: 3, overridden: true, status: expect.any(String) });
  });

  it('refuses the whole file when a number was typed in by hand after the preview', async () => {
    const p = await staff.post(
      `${base}/surveys/${survey.id}/imports?fileName=late.csv`,
      file([row('9001', '峰野', ['1', '1', '1', '3', '4'], ['1', '1', '1', '1', '1'])]),
    );
    expect(p.body.canCommit).toBe(true);
    const typed = await staff.post(`${base}/surveys/${survey.id}/responses`, {
      respondentNo: '9001',
      answers: {},
    });
    expect(typed.status).toBe(201);
    const before = (await staff.get(`${base}/surveys/${survey.id}`)).body.survey.responses;
    const c = await staff.post(`${base}/surveys/${survey.id}/imports/${p.body.id}/commit`);
    expect(c.status).toBe(422);
    expect(c.body.error.message).toContain('同じ調査票番号');
    expect((await staff.get(`${base}/surveys/${survey.id}`)).body.survey.responses).toBe(before);
  });

  it('rejects impossible values with the item named, and stores nothing', async () => {
    const before = (await staff.get(`${base}/surveys/${survey.id}`)).body.survey.responses;
    const tall = await staff.post(`${base}/surveys/${survey.id}/responses`, {
      answers: { 'ns.heightCm': '300', 'ns.weightKg': '50' },
    });
    expect(tall.status).toBe(422);
    expect(tall.body.error.fields[0].path).toBe('answers.ns.heightCm');
    expect(tall.body.error.message).toContain('身長');
    const old = await staff.post(`${base}/surveys/${survey.id}/responses`, { answers: { age: '300' } });
    expect(old.status).toBe(422);
    expect(old.body.error.message).toContain('年齢');
    const outOfRange = await staff.post(`${base}/surveys/${survey.id}/responses`, { age: 300, answers: {} });
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.body.error.fields[0].message).toContain('年齢');
    expect((await staff.get(`${base}/surveys/${survey.id}`)).body.survey.responses).toBe(before);
  });

  it.skipIf(!requirePoppler())('exports the results as a PDF in Japanese and as xlsx', async () => {
    const ctx = { ...t.f.inTenant(T), actor: { kind: 'system' as const, label: 'test' as const } };
    const pdf = await exportSurveyResults(ctx, survey.id, { layer: '3', format: 'pdf' });
    const text = pdfText(pdf.body as Uint8Array);
    if (process.env.KEEP_PDF)
      (await import('node:fs')).writeFileSync(process.env.KEEP_PDF, pdf.body as Uint8Array);
    expect(text).toContain('地域別の該当割合');
    expect(text).toContain('運動器機能の低下');
    expect(text).toContain('峰野地区');
    const xlsx = await exportSurveyResults(ctx, survey.id, { layer: '3', format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['地域別', '年齢層・性別', '設問ごと']);
  });

  it('refuses a threshold the rule cannot have, and a survey set up by someone without the right', async () => {
    const s = (await staff.get(`${base}/surveys/${survey.id}`)).body.survey;
    const bad = await staff.patch(`${base}/surveys/${survey.id}`, {
      title: s.title,
      thresholds: { iadl: 9 },
      version: s.version,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain('5以下');
    const unknown = await staff.patch(`${base}/surveys/${survey.id}`, {
      title: s.title,
      thresholds: { nothing: 1 },
      version: s.version,
    });
    expect(unknown.status).toBe(422);
    const byCouncil = await council.post(`${base}/surveys`, {
      title: 'x',
      instrument: 'kihon-checklist',
      fiscalYear: 2026,
    });
    expect(byCouncil.status).toBe(403);
  });
});

describe('興味・関心チェックシート', () => {
  it('keeps a set of marks per activity through the import and counts each mark', async () => {
    const s = (
      await staff.post(`${base}/surveys`, {
        title: '興味・関心（通いの場）',
        instrument: 'interest-checksheet',
        fiscalYear: 2026,
      })
    ).body;
    const csv = [
      '調査票番号,町丁,ic.shopping,ic.farming',
      '1,峰野,"wantToDo,interested",doing',
      '2,峰野,interested,',
    ];
    const p = await staff.post(
      `${base}/surveys/${s.id}/imports?fileName=interest.csv`,
      new TextEncoder().encode(csv.join('\n')),
    );
    expect(p.body.errorCount, JSON.stringify(p.body.errors)).toBe(0);
    expect((await staff.post(`${base}/surveys/${s.id}/imports/${p.body.id}/commit`)).body).toEqual({
      added: 2,
    });
    const list = await staff.get(`${base}/surveys/${s.id}/responses`);
    const first = list.body.items.find((r: { respondentNo: string }) => r.respondentNo === '1');
    const one = await staff.get(`${base}/surveys/${s.id}/responses/${first.id}`);
    expect(one.body.answers['ic.shopping']).toEqual(['wantToDo', 'interested']);
    const r = await staff.get(`${base}/surveys/${s.id}/results`);
    const shopping = r.body.questions.find((q: { itemKey: string }) => q.itemKey === 'ic.shopping');
    const count = (code: string) =>
      shopping.options.find((o: { code: string }) => o.code === code).count.value;
    expect([count('wantToDo'), count('interested'), count('doing')]).toEqual([1, 2, 0]);
  });
});
