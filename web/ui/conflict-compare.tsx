import { useEffect, useRef } from 'react';
import { Button } from './button';
import { TableScroll } from './table-scroll';

/** One line of a form as words, for comparing what was typed with what is saved now. */
export interface CompareRow {
  label: string;
  value: string;
}

/**
 * The 409 panel every edit form shows when someone else saved first: what you typed beside what
 * is saved now, differing rows marked (in words for screen readers, not by colour alone), and the
 * two ways on — keep your input and overwrite, or load theirs. Focus moves here so it is heard.
 */
export function ConflictCompare({
  id,
  message,
  lead,
  mine,
  now,
  busy,
  onOverwrite,
  onLoadCurrent,
}: {
  id: string;
  message: string;
  lead?: string;
  mine: readonly CompareRow[];
  now: readonly CompareRow[];
  busy: boolean;
  onOverwrite: () => void;
  onLoadCurrent: () => void | Promise<void>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={id}>
      <h2 id={id}>ほかの人が先に保存しました</h2>
      <p>{message}</p>
      <p>{lead ?? '下の表で違いを確かめて、どちらを残すか選んでください。'}</p>
      <TableScroll label="入力した内容と今の内容">
        <table className="table compare">
          <caption>入力した内容と今保存されている内容（違う項目に色をつけています）</caption>
          <thead>
            <tr>
              <th scope="col">項目</th>
              <th scope="col">あなたの入力</th>
              <th scope="col">今の内容</th>
            </tr>
          </thead>
          <tbody>
            {mine.map((row, i) => {
              const other = now[i]?.value ?? '';
              const differs = row.value.trim() !== other.trim();
              return (
                <tr key={row.label} className={differs ? 'changed' : undefined}>
                  <th scope="row">
                    {row.label}
                    {differs && <span className="visually-hidden">（違いあり）</span>}
                  </th>
                  <td className="wrap">{row.value || '（なし）'}</td>
                  <td className="wrap">{other || '（なし）'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <div className="button-row">
        <Button onClick={onOverwrite} busy={busy}>
          自分の入力で上書きする
        </Button>
        <Button variant="secondary" onClick={() => void onLoadCurrent()}>
          今の内容を読み込む（入力は消えます）
        </Button>
      </div>
    </div>
  );
}
