import { TableScroll } from './table-scroll';

/** A problem found in an imported file, located by line and column (as the server reports it). */
export interface FileIssue {
  line: number | null;
  column: string | null;
  message: string;
}

/**
 * The errors or warnings of an import, each with its line and column, so staff can find them in
 * their file. Long lists show the first `limit` and say how many more there are.
 */
export function IssueTable({
  title,
  issues,
  tone,
  limit = 200,
}: {
  title: string;
  issues: readonly FileIssue[];
  tone: 'error' | 'warning';
  limit?: number;
}) {
  if (issues.length === 0) return <p className="muted">{title}はありません。</p>;
  const shown = issues.slice(0, limit);
  return (
    <>
      <h3>
        {title}（{issues.length.toLocaleString('ja-JP')}件）
      </h3>
      <TableScroll label={`${title}の一覧`}>
        <table className={`table issues issues--${tone}`}>
          <caption className="visually-hidden">{title}の一覧（行番号つき）</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                行
              </th>
              <th scope="col">列</th>
              <th scope="col">内容</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((i) => (
              <tr key={`${i.line}-${i.column}-${i.message}`}>
                <td className="num">{i.line ?? '—'}</td>
                <td>{i.column ?? '—'}</td>
                <td className="wrap">{i.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {issues.length > shown.length && <p className="muted">ほか{issues.length - shown.length}件</p>}
    </>
  );
}
