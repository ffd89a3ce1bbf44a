import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { newSchedule, previewSchedule, type ScheduleDraft } from './form-values';
import { ScheduleEditor } from './schedule-editor';

afterEach(cleanup);

const TODAY = '2026-11-24';

function Editor({ initial, onDraft }: { initial: ScheduleDraft; onDraft?: (d: ScheduleDraft) => void }) {
  const [draft, setDraft] = useState(initial);
  return (
    <ScheduleEditor
      draft={draft}
      index={0}
      today={TODAY}
      error={null}
      onChange={(d) => {
        setDraft(d);
        onDraft?.(d);
      }}
      onRemove={() => {}}
    />
  );
}

const reading = () => document.getElementById('resource-schedules-0-reading') as HTMLElement;

describe('ScheduleEditor', () => {
  it('reads 「毎月第2水曜日 10時〜12時」 back as the parts are chosen, with the next dates', () => {
    let last: ScheduleDraft | null = null;
    render(<Editor initial={newSchedule()} onDraft={(d) => (last = d)} />);
    fireEvent.click(screen.getByLabelText('選んで作る'));
    fireEvent.click(screen.getByLabelText('毎月 第n曜日'));
    // Until the parts make a schedule, the builder says what is missing, beside the field.
    expect(within(reading()).getByText('曜日を1つ以上選んでください')).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: '水' }));
    expect(within(reading()).getByText('第何週かを1つ以上選んでください')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: '第2' }));
    expect(within(reading()).getByText('毎月第2水曜日')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('開始時刻'), { target: { value: '10:00' } });
    fireEvent.change(screen.getByLabelText('終了時刻'), { target: { value: '12:00' } });
    expect(within(reading()).getByText('毎月第2水曜日 10時〜12時')).toBeTruthy();
    // 2026-12-09, 2027-01-13, 2027-02-10 are the second Wednesdays after 24 November 2026.
    const dates = within(reading())
      .getAllByRole('time')
      .map((t) => t.getAttribute('datetime'));
    expect(dates).toEqual(['2026-12-09', '2027-01-13', '2027-02-10']);
    expect(reading().textContent).toContain('12月9日（水）');

    // An impossible time is refused by the builder with its own Japanese message.
    fireEvent.change(screen.getByLabelText('終了時刻'), { target: { value: '09:00' } });
    expect(within(reading()).getByText('終了時刻は開始時刻より後にしてください')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('終了時刻'), { target: { value: '12:00' } });

    // What is sent is the rule the builder made.
    expect(previewSchedule(last!, TODAY).input).toMatchObject({
      rule: { rrule: 'FREQ=MONTHLY;BYDAY=2WE', opensAt: '10:00', closesAt: '12:00', needsReview: false },
    });
  });

  it('reads free text live, flags what needs checking and keeps what it could not read', () => {
    let last: ScheduleDraft | null = null;
    render(<Editor initial={newSchedule()} onDraft={(d) => (last = d)} />);
    fireEvent.change(screen.getByLabelText('日時（文章）'), {
      target: { value: '月2回 金曜日 午後 雨天中止' },
    });
    expect(within(reading()).getByText(/確認が必要です/)).toBeTruthy();
    expect(
      within(reading()).getByText(/読み取れなかった部分（そのまま残します）：午後 雨天中止/),
    ).toBeTruthy();
    expect(within(reading()).getByText('月2回 金曜日（日程はお問い合わせください）')).toBeTruthy();
    // The text itself is sent, so the server keeps it as written.
    expect(previewSchedule(last!, TODAY).input).toEqual({ text: '月2回 金曜日 午後 雨天中止' });
  });

  it('starts the builder from what the text says', () => {
    render(<Editor initial={newSchedule()} />);
    fireEvent.change(screen.getByLabelText('日時（文章）'), {
      target: { value: '毎週月・木曜日 9:30～11:30' },
    });
    fireEvent.click(screen.getByLabelText('選んで作る'));
    expect((screen.getByLabelText('毎週') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: '月' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: '木' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('開始時刻') as HTMLInputElement).value).toBe('09:30');
    expect(within(reading()).getByText('毎週月・木曜日 9時30分〜11時30分')).toBeTruthy();
  });
});
