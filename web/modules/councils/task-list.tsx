import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Check } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Task, updateTask } from '../../../contracts/councils';
import { api } from '../../lib/api';
import { capabilities, useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button } from '../../ui/button';
import { SelectField } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { DueDate } from './format';
import { councilPaths, keepsTasks } from './paths';
import { invalidateCouncils, useTasks } from './queries';

/**
 * The SC's tasks — what councils handed to her and what she noted to do — as a list of its own, so
 * that the home page can show it beside other lists (the referral follow-ups of 今日の確認).
 */
export function TaskList({
  owner = 'me',
  status = 'open',
  limit,
  headingLevel = 2,
}: {
  owner?: 'me' | 'all';
  status?: 'open' | 'closed' | 'all';
  /** Show only the first n (the home page), with a link to the rest. */
  limit?: number;
  headingLevel?: 2 | 3;
}) {
  const scope = useTenantScope();
  const tasks = useTasks(scope.code, owner, status, keepsTasks(scope));
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  if (!keepsTasks(scope)) return null;
  const items = tasks.data?.items ?? [];
  const shown = limit ? items.slice(0, limit) : items;
  return (
    <section className="task-list" aria-labelledby="task-list-title">
      <Heading id="task-list-title">
        {owner === 'me' ? 'わたしの仕事' : '仕事'}
        {status === 'open' && tasks.data ? `（未完了${items.length}件）` : ''}
      </Heading>
      {tasks.isPending ? (
        <Loading />
      ) : tasks.isError ? (
        <ErrorNotice error={tasks.error} />
      ) : shown.length === 0 ? (
        <p className="muted">
          {status === 'open' ? '未完了の仕事はありません。' : '該当する仕事はありません。'}
        </p>
      ) : (
        <ul className="task-items">
          {shown.map((t) => (
            <TaskItem key={t.id} task={t} showOwner={owner === 'all'} />
          ))}
        </ul>
      )}
      {limit && items.length > limit && (
        <p>
          <Link to={councilPaths.tasks(scope.code)}>ほか{items.length - limit}件を見る</Link>
        </p>
      )}
    </section>
  );
}

function TaskItem({ task, showOwner }: { task: Task; showOwner: boolean }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const close = useMutation({
    mutationFn: () =>
      api(updateTask, {
        params: { tenant: scope.code, id: task.id },
        body: {
          title: task.title,
          detail: task.detail,
          ownerUserId: task.ownerUserId,
          dueOn: task.dueOn,
          status: 'done',
          doneNote: task.doneNote,
          version: task.version,
        },
      }),
    onSuccess: () => invalidateCouncils(queryClient, scope.code),
  });
  return (
    <li className="task-item">
      <div className="task-item__main">
        <strong className="task-item__title">{task.title}</strong>
        <span className="task-item__meta">
          期限 <DueDate due={task.dueOn} status={task.status} />
          {showOwner && <span>・{task.ownerName}</span>}
          {task.council && (
            <>
              ・
              {task.meeting ? (
                <Link to={councilPaths.meeting(scope.code, task.meeting.id)}>
                  {task.council.name}で託された
                </Link>
              ) : (
                <Link to={councilPaths.council(scope.code, task.council.id)}>{task.council.name}</Link>
              )}
            </>
          )}
          {task.project && (
            <>
              ・<Link to={councilPaths.project(scope.code, task.project.id)}>{task.project.name}</Link>
            </>
          )}
        </span>
        {task.doneNote && <span className="muted">結果：{task.doneNote}</span>}
      </div>
      {task.status === 'open' && task.canEdit && (
        <Button
          variant="secondary"
          small
          busy={close.isPending}
          icon={<Check aria-hidden="true" size={16} />}
          onClick={() => close.mutate()}
        >
          完了にする<span className="visually-hidden">（{task.title}）</span>
        </Button>
      )}
      {close.error && <ErrorNotice error={close.error} />}
    </li>
  );
}

/** /tasks — わたしの仕事, and for 保険者職員 and 第1層 SC everyone's. */
export function TasksPage() {
  const scope = useTenantScope();
  usePageTitle('わたしの仕事');
  const [status, setStatus] = useState<'open' | 'closed' | 'all'>('open');
  const [owner, setOwner] = useState<'me' | 'all'>('me');
  const seesAll = capabilities(scope).writeTenant;
  return (
    <>
      <PageHeader title="わたしの仕事" lead="協議体から託されたこと（SCに託す）と、期限のある仕事です。" />
      {!keepsTasks(scope) ? (
        <Notice tone="warning">
          <p>SCの仕事の一覧は、生活支援コーディネーターと保険者職員が使います。</p>
        </Notice>
      ) : (
        <>
          <div className="toolbar">
            <SelectField
              id="tasks-status"
              label="状況"
              value={status}
              onChange={(e) => setStatus(e.target.value as typeof status)}
            >
              <option value="open">未完了</option>
              <option value="closed">完了・取りやめ</option>
              <option value="all">すべて</option>
            </SelectField>
            {seesAll && (
              <SelectField
                id="tasks-owner"
                label="担当"
                value={owner}
                onChange={(e) => setOwner(e.target.value as typeof owner)}
              >
                <option value="me">わたし</option>
                <option value="all">全員</option>
              </SelectField>
            )}
          </div>
          <TaskList owner={owner} status={status} />
        </>
      )}
    </>
  );
}
