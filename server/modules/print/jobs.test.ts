import { afterAll, describe, expect, it } from 'vitest';
import { monthDays } from '../../../domain/print-calendar';
import { TestClock } from '../../core/testing/test-app';
import type { CalendarData } from './calendar.pdf';
import { PrintJobs } from './jobs';
import { PdfPool } from './pool';
import type { PrintTask, Rendered, RenderProgress } from './render';

/*
 * The job runner on its own, with a pool that renders nothing and lets the test decide when each
 * job finishes; and the real worker pool once, to see that it makes PDFs and queues the third.
 */

class FakePool {
  running = 0;
  most = 0;
  private gates: (() => void)[] = [];
  async run(_task: PrintTask, onProgress: (p: RenderProgress) => void): Promise<Rendered> {
    this.running++;
    this.most = Math.max(this.most, this.running);
    onProgress({ phase: 'layout', done: 1, total: 2 });
    await new Promise<void>((resolve) => this.gates.push(resolve));
    this.running--;
    return { pdf: new Uint8Array([37, 80, 68, 70]), pages: 3 };
  }
  release() {
    this.gates.shift()?.();
  }
}

const task = async (): Promise<PrintTask> => ({ kind: 'booklet', data: { total: 2 } as never });
const meta = { title: '生活便利帳', fileName: '生活便利帳.pdf', asciiName: 'b.pdf' };
const tick = () => new Promise((r) => setTimeout(r, 10));

describe('print jobs', () => {
  it('runs at most two at once; the others wait in order and are told how many are ahead', async () => {
    const pool = new FakePool();
    const jobs = new PrintJobs(pool as unknown as PdfPool, new TestClock().now);
    const list = Array.from({ length: 4 }, () => jobs.submit('019992', meta, task)!);
    await tick();
    expect(list.map((j) => j.status)).toEqual(['running', 'running', 'queued', 'queued']);
    expect(list[0]!.progress).toEqual({ phase: 'layout', done: 1, total: 2 });
    expect(jobs.ahead(list[2]!)).toBe(0);
    expect(jobs.ahead(list[3]!)).toBe(1);
    for (let i = 0; i < 4; i++) {
      pool.release();
      await tick();
    }
    await jobs.idle();
    expect(pool.most).toBe(2);
    expect(list.map((j) => j.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(list[0]!.pages).toBe(3);
  });

  it('finds a job only by its unguessable id and its own tenant, and forgets it 30 minutes after it finished', async () => {
    const pool = new FakePool();
    const clock = new TestClock();
    const jobs = new PrintJobs(pool as unknown as PdfPool, clock.now);
    const job = jobs.submit('019992', meta, task)!;
    expect(job.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(jobs.get('019992', job.id)).toBe(job);
    expect(jobs.get('372013', job.id)).toBeNull();
    expect(jobs.get('019992', job.id.toUpperCase())).toBeNull();
    // Still running after an hour: a job is never taken away while it is being made.
    await tick();
    clock.advance(60 * 60_000);
    expect(jobs.get('019992', job.id)).toBe(job);
    pool.release();
    await jobs.idle();
    clock.advance(29 * 60_000);
    expect(jobs.get('019992', job.id)?.status).toBe('done');
    clock.advance(2 * 60_000);
    expect(jobs.get('019992', job.id)).toBeNull();
  });

  it('says when it cannot take more, and when a job failed (with a reference, not the error)', async () => {
    const pool = new FakePool();
    const jobs = new PrintJobs(pool as unknown as PdfPool, new TestClock().now, { maxJobs: 2 });
    const failing = jobs.submit('019992', meta, async () => {
      throw new Error('database gone');
    })!;
    expect(jobs.submit('019992', meta, task)).not.toBeNull();
    expect(jobs.submit('019992', meta, task)).toBeNull();
    await tick();
    expect(failing.status).toBe('failed');
    expect(failing.errorRef).toMatch(/^[0-9a-f]{8}$/);
    pool.release();
    await jobs.idle();
  });
});

describe('the PDF worker pool', () => {
  const pool = new PdfPool(2);
  afterAll(() => pool.close());

  it('makes PDFs in worker threads, two at a time, the third waiting its turn', async () => {
    const data: CalendarData = {
      tenant: {
        code: '019992',
        name: 'ささえ町',
        prefecture: '北海道',
        fictional: true,
        openDataLicence: 'CC BY 4.0',
        portalContact: '',
      },
      month: { year: 2026, month: 12 },
      scope: '町全体',
      category: null,
      today: '2026-11-24',
      days: monthDays({ year: 2026, month: 12 }),
      groups: [],
    };
    const runs = [1, 2, 3].map(() => pool.run({ kind: 'calendar', data }));
    expect(pool.queued).toBe(1);
    const done = await Promise.all(runs);
    for (const d of done) {
      expect(new TextDecoder().decode(d.pdf.slice(0, 5))).toBe('%PDF-');
      expect(d.pages).toBe(1);
    }
    expect(pool.queued).toBe(0);
  });
});
