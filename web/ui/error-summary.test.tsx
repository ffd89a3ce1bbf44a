import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorSummary } from './error-summary';

afterEach(cleanup);

describe('ErrorSummary', () => {
  it('lists every field message as a link to its field and takes the focus', () => {
    render(
      <>
        <ErrorSummary
          message="入力内容を確認してください"
          items={[
            { path: 'name', message: '名称：入力してください' },
            { path: 'townNames.1', message: '含まれる町丁（2件目）：60文字以内で入力してください' },
            { path: '', message: '上位の地域が見つかりません' },
          ]}
          fieldId={(path) => (path ? `area-${path.split('.')[0]}` : null)}
        />
        <input id="area-name" aria-label="名称" />
      </>,
    );
    const summary = screen.getByRole('alert');
    expect(document.activeElement).toBe(summary);
    expect(screen.getByRole('heading', { name: '入力内容を確認してください' })).toBeTruthy();
    const link = screen.getByRole('link', { name: '名称：入力してください' });
    expect(link.getAttribute('href')).toBe('#area-name');
    expect(screen.getByRole('link', { name: /含まれる町丁（2件目）/ }).getAttribute('href')).toBe(
      '#area-townNames',
    );
    // A message without a field is listed as text.
    expect(screen.getByText('上位の地域が見つかりません').tagName).toBe('LI');
    // The overall message repeats the heading's point, so it is not shown twice as a paragraph.
    expect(screen.queryAllByText('入力内容を確認してください')).toHaveLength(1);

    fireEvent.click(link);
    expect(document.activeElement).toBe(screen.getByLabelText('名称'));
  });

  it('shows the overall message when no field is named, and nothing when there is no problem', () => {
    const { rerender, container } = render(
      <ErrorSummary
        title="ログインできませんでした"
        message="メールアドレスかパスワードが違います。"
        items={[]}
      />,
    );
    expect(screen.getByText('メールアドレスかパスワードが違います。')).toBeTruthy();
    rerender(<ErrorSummary message={null} items={[]} />);
    expect(container.innerHTML).toBe('');
  });
});
