import { Worker } from 'node:worker_threads';
import type { PrintTask, Rendered, RenderProgress } from './render';

/*
 * PDF worker threads. Laying out a 100-page booklet takes pdfmake a few seconds of uninterrupted
 * CPU; on the main thread that would stall every page of the portal (and the job page that is
 * meant to show the progress). At most `size` PDFs are made at once, one per worker; the others
 * wait their turn in order. Workers are kept a minute after use (starting one costs about half a
 * second) and do not keep the process alive while they wait.
 */

type Message =
  | { type: 'ready' }
  | { type: 'progress'; progress: RenderProgress }
  | { type: 'done'; pdf: Uint8Array; pages: number }
  | { type: 'error'; message: string };

interface Idle {
  worker: Worker;
  timer: NodeJS.Timeout;
}

const WORKER_URL = new URL('./pdf-worker.mjs', import.meta.url);

export class PdfPool {
  private running = 0;
  private readonly idle: Idle[] = [];
  private readonly waiting: (() => void)[] = [];
  private closed = false;

  constructor(
    readonly size = 2,
    private readonly idleMs = 60_000,
  ) {}

  /** Tasks waiting for a free worker. */
  get queued(): number {
    return this.waiting.length;
  }

  async run(task: PrintTask, onProgress: (p: RenderProgress) => void = () => {}): Promise<Rendered> {
    if (this.closed) throw new Error('PDF pool is closed');
    // A finishing task hands its slot straight to the next in line, so no newcomer can slip in between.
    if (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    let worker: Worker | undefined;
    try {
      worker = this.take();
      const result = await this.send(worker, task, onProgress);
      this.giveBack(worker);
      return result;
    } catch (err) {
      // A worker that failed may be in any state: never reuse it.
      void worker?.terminate();
      throw err;
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Stops idle workers (busy ones finish their task first). */
  async close(): Promise<void> {
    this.closed = true;
    const idle = this.idle.splice(0);
    await Promise.all(
      idle.map(({ worker, timer }) => {
        clearTimeout(timer);
        return worker.terminate();
      }),
    );
  }

  private take(): Worker {
    const reused = this.idle.pop();
    if (reused) {
      clearTimeout(reused.timer);
      reused.worker.ref();
      return reused.worker;
    }
    return new Worker(WORKER_URL);
  }

  private giveBack(worker: Worker): void {
    if (this.closed) {
      void worker.terminate();
      return;
    }
    worker.unref();
    const timer = setTimeout(() => {
      const i = this.idle.findIndex((w) => w.worker === worker);
      if (i >= 0) this.idle.splice(i, 1);
      void worker.terminate();
    }, this.idleMs);
    timer.unref();
    this.idle.push({ worker, timer });
  }

  private send(worker: Worker, task: PrintTask, onProgress: (p: RenderProgress) => void): Promise<Rendered> {
    return new Promise<Rendered>((resolve, reject) => {
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (m: Message) => {
        if (m.type === 'progress') onProgress(m.progress);
        else if (m.type === 'done') {
          cleanup();
          resolve({ pdf: m.pdf, pages: m.pages });
        } else if (m.type === 'error') {
          cleanup();
          reject(new Error(`PDF worker: ${m.message}`));
        }
      };
      const onError = (err: Error) => {
        cleanup();
        reject(err);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`PDF worker stopped (exit code ${code})`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(task);
    });
  }
}
