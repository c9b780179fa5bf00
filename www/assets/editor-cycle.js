// The update cycle's clock: schedule() runs the update (editor.js's, given once by setUpdate)
// after a quiet moment, run() at once; a call during a run runs it once more after; idle()
// resolves once nothing is waiting, running or tracked (the end-to-end tests wait on it).
// Every part may call schedule() or run(); this file imports no part, so that none of them
// has to import editor.js (which imports them all).

const DEBOUNCE_MS = 250;

/** The update: builds the data from the inputs, draws it, shows what is wrong. */
let update = async () => {};

/** Sets the update that schedule() and run() run. */
export function setUpdate(fn) {
  update = fn;
}

let timer = 0;
let running = null;
let again = false;
/** Other work idle() waits for: a sample being fetched, a copy to the clipboard. */
const tasks = new Set();

/** Runs `fn` as a task idle() waits for. */
export function track(fn) {
  return (...args) => {
    const task = Promise.resolve(fn(...args)).finally(() => tasks.delete(task));
    tasks.add(task);
    return task;
  };
}

/** Runs update() after `delay` ms of quiet; a call during a run runs it once more after. */
export function schedule(delay = DEBOUNCE_MS) {
  clearTimeout(timer);
  timer = setTimeout(() => {
    timer = 0;
    run();
  }, delay);
}

export function run() {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await update();
      } while (again);
    } catch (e) {
      console.error(e);
    } finally {
      running = null;
    }
  })();
  return running;
}

/** Resolves once no update is waiting or running. */
export async function idle() {
  for (;;) {
    if (running) await running;
    else if (tasks.size > 0) await Promise.allSettled([...tasks]);
    else if (timer) await new Promise((r) => setTimeout(r, 20));
    else return;
  }
}
