import { randomUUID } from 'node:crypto';
import type { PdfPool } from './pool';
import type { PrintTask, RenderProgress } from './render';

/*
 * A small in-process job runner for printed matter that takes a while (the 生活便利帳 of a whole
 * town). Jobs live in memory only: they are cheap to make again, and nothing about them is
 * personal. A job is found by its unguessable id *and* its tenant, is kept 30 minutes after it
 * finishes, and at most `concurrency` jobs load and render at once; the rest wait in order.
 */

export type JobStatus = 'queued' | 'loading' | 'running' | 'done' | 'failed';

export interface PrintJob {
  id: string;
  tenant: string;
  /** 「生活便利帳（北部圏域・A4・大きな文字）」 */
  title: string;
  /** File name for the download, and an ASCII one for old clients. */
  fileName: string;
  asciiName: string;
  status: JobStatus;
  progress: RenderProgress | null;
  pages: number | null;
  pdf: Uint8Array | null;
  /** A short reference to quote when it failed (the details are in the log). */
  errorRef: string | null;
  createdAt: number;
  /** Set when the job finishes; it is forgotten after this time. */
  expiresAt: number | null;
}

export interface JobOptions {
  ttlMs?: number;
  concurrency?: number;
  /** Jobs held at once (waiting, running or finished and not yet expired). */
  maxJobs?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export class PrintJobs {
  private readonly jobs = new Map<string, PrintJob>();
  private readonly queue: { job: PrintJob; prepare: () => Promise<PrintTask> }[] = [];
  private active = 0;
  readonly ttlMs: number;
  private readonly concurrency: number;
  private readonly maxJobs: number;

  constructor(
    private readonly pool: PdfPool,
    private readonly now: () => Date,
    opts: JobOptions = {},
  ) {
    this.ttlMs = opts.ttlMs ?? 30 * 60_000;
    this.concurrency = opts.concurrency ?? 2;
    this.maxJobs = opts.maxJobs ?? 40;
  }

  /**
   * Starts a job; `prepare` loads the data (database) when its turn comes, the pool renders it.
   * Null when too many jobs are held already (the caller says 混み合っています).
   */
  submit(
    tenant: string,
    meta: Pick<PrintJob, 'title' | 'fileName' | 'asciiName'>,
    prepare: () => Promise<PrintTask>,
  ): PrintJob | null {
    this.sweep();
    if (this.jobs.size >= this.maxJobs) return null;
    const job: PrintJob = {
      id: randomUUID(),
      tenant,
      ...meta,
      status: 'queued',
      progress: null,
      pages: null,
      pdf: null,
      errorRef: null,
      createdAt: this.now().getTime(),
      expiresAt: null,
    };
    this.jobs.set(job.id, job);
    this.queue.push({ job, prepare });
    this.pump();
    return job;
  }

  /** The job, if it exists, belongs to this tenant and has not expired. */
  get(tenant: string, id: string): PrintJob | null {
    this.sweep();
    if (!UUID.test(id)) return null;
    const job = this.jobs.get(id);
    return job && job.tenant === tenant ? job : null;
  }

  /** How many jobs are ahead of a waiting one. */
  ahead(job: PrintJob): number {
    const i = this.queue.findIndex((q) => q.job === job);
    return Math.max(i, 0);
  }

  /** Resolves when no job is waiting or running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.active > 0 || this.queue.length > 0) await new Promise((r) => setTimeout(r, 20));
  }

  private sweep(): void {
    const now = this.now().getTime();
    for (const [id, job] of this.jobs)
      if (job.expiresAt !== null && job.expiresAt <= now) this.jobs.delete(id);
  }

  private pump(): void {
    while (this.active < this.concurrency && this.queue.length > 0) {
      const next = this.queue.shift()!;
      this.active++;
      void this.run(next.job, next.prepare).finally(() => {
        this.active--;
        this.pump();
      });
    }
  }

  private async run(job: PrintJob, prepare: () => Promise<PrintTask>): Promise<void> {
    try {
      job.status = 'loading';
      const task = await prepare();
      job.status = 'running';
      const total = task.kind === 'booklet' ? task.data.total : 1;
      job.progress = { phase: 'layout', done: 0, total };
      const done = await this.pool.run(task, (p) => {
        job.progress = p;
      });
      job.pdf = done.pdf;
      job.pages = done.pages;
      job.progress = { phase: 'render', done: total, total };
      job.status = 'done';
    } catch (err) {
      job.errorRef = randomUUID().slice(0, 8);
      job.status = 'failed';
      console.error(`[print job ${job.errorRef}]`, err);
    } finally {
      job.expiresAt = this.now().getTime() + this.ttlMs;
    }
  }
}
