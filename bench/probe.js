// Injected before any page script (Playwright's init script, which the page's
// Content-Security-Policy does not govern). It only watches: times are
// performance.now() milliseconds from the start of navigation.
(() => {
  const bench = (window.__bench = {
    marks: {}, states: [], stages: [], longtasks: [], submits: [], results: [], busy: [],
  });
  const mark = (name, time = performance.now()) => {
    if (!(name in bench.marks)) bench.marks[name] = time;
  };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longtasks.push([entry.startTime, entry.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch (error) {
    bench.error = String(error);
  }
  let lastState = null;
  new MutationObserver((records) => {
    const now = performance.now();
    if (document.body && document.body.classList.contains("js")) mark("form_wired", now);
    const status = document.getElementById("scoring-status");
    const state = status && status.dataset.state;
    if (state && state !== lastState) {
      lastState = state;
      bench.states.push([now, state]);
    }
    // After a submit while scoring loads: when the button is busy and the
    // progress bar beside it is shown, both in the DOM (now) and on screen
    // (the next frame). The latest submit only: one while ready shows no bar.
    const waiting = bench.busy[bench.busy.length - 1];
    if (waiting && waiting.dom === null && document.querySelector("[type=submit][aria-busy=true]")
        && document.querySelector("progress[data-role=download]:not([hidden])")) {
      waiting.dom = now;
      requestAnimationFrame(() => { waiting.frame = performance.now(); });
    }
    // Results rendered (children replaced, or unhidden) while visible: in the
    // DOM now, on screen at the next frame.
    const results = document.getElementById("results");
    const rendered = records.some((r) => r.target === results);
    if (rendered && results && !results.hidden && results.childElementCount) {
      const entry = { dom: now, frame: null };
      bench.results.push(entry);
      requestAnimationFrame(() => { entry.frame = performance.now(); });
    }
  }).observe(document, {
    subtree: true, childList: true, attributes: true,
    attributeFilter: ["class", "data-state", "hidden", "aria-busy"],
  });
  // The scoring worker's own progress messages ({type: "stage"}), timed on
  // arrival, through a listener of our own beside the page's.
  const NativeWorker = window.Worker;
  if (NativeWorker) {
    window.Worker = class extends NativeWorker {
      constructor(...args) {
        super(...args);
        bench.stages.push([performance.now(), "created", ""]);
        this.addEventListener("message", ({ data }) => {
          if (data && data.type === "stage") bench.stages.push([performance.now(), data.stage, data.detail || ""]);
        });
      }
    };
  }
  for (const type of ["pointerdown", "focusin", "keydown"]) {
    addEventListener(type, (event) => mark("first_interaction", event.timeStamp), { capture: true });
  }
  // The tap itself (its pointerdown), for the busy-state latency: the submit
  // event comes with the click, after the pointer is released.
  let lastTap = null;
  addEventListener("pointerdown", (event) => { lastTap = event.timeStamp; }, { capture: true });
  addEventListener("submit", (event) => {
    bench.submits.push(event.timeStamp);
    bench.busy.push({ tap: lastTap ?? event.timeStamp, submit: event.timeStamp, dom: null, frame: null });
    lastTap = null;
  }, { capture: true });
})();
