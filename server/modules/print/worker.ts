import { parentPort } from 'node:worker_threads';
import { type PrintTask, renderTask } from './render';

/*
 * Inside a PDF worker thread: one task at a time. Layout in pdfmake is one long synchronous call;
 * here it blocks only this thread, and the progress messages it posts reach the main thread while
 * it runs, so the job page can say how far it has got.
 */

const port = parentPort;
if (!port) throw new Error('worker.ts runs in a worker thread (see pool.ts)');

port.on('message', async (task: PrintTask) => {
  try {
    const done = await renderTask(task, (progress) => port.postMessage({ type: 'progress', progress }));
    port.postMessage({ type: 'done', pdf: done.pdf, pages: done.pages }, [done.pdf.buffer as ArrayBuffer]);
  } catch (err) {
    port.postMessage({
      type: 'error',
      message: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
  }
});
port.postMessage({ type: 'ready' });
