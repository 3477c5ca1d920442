// The reader's side of assessments and quizzes: progress, one scoring worker
// per page (started when the reader engages with a form, or on an assessment's
// own page as soon as its form is on screen), results in place.
// Works for an assessment page and for quizzes embedded in guides alike.
//
// Privacy: answers live only in this page's memory and in the worker, which
// runs under the page's policy (connect-src 'self'). Nothing is stored, put in
// a URL, or sent anywhere; the one exception is the partner's link a reader
// asks for and sends themselves (together.js).

import { contract, policy, serviceWorkerUrl, siteRootUrl } from "./policy.js";
import { confirmStartOver, markStale, renderResults } from "./results.js";
import { Together } from "./together.js";

// Loading normally takes seconds; this only catches a runtime that never
// answers (a broken network or policy), so it is generous for slow phones.
const LOAD_TIMEOUT_MS = 120000;

// A reader who asked the browser to save data downloads nothing until they
// ask for their results, and is told first how much that costs.
const SAVE_DATA = Boolean(navigator.connection?.saveData);

function megabytes(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

// Seconds left at the rate of the last few seconds, in words that promise no
// more than the numbers say; nothing until there is a rate to go by. The first
// second is left out: its bytes come in a burst (buffers filling) that says
// nothing of the rest.
const RATE_WINDOW_MS = 3000;
const BURST_MS = 1000;
function timeLeft(progress) {
  const now = performance.now();
  const samples = progress.samples.filter(
    (sample) => sample.at - progress.since >= BURST_MS && now - sample.at <= RATE_WINDOW_MS,
  );
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || last.at - first.at < 1000 || last.received === first.received) return "";
  const rate = (last.received - first.received) / (last.at - first.at); // bytes per ms
  // A quarter more than the plain estimate: rates on a phone fall more than they rise.
  const seconds = (1.25 * (progress.total - progress.received)) / rate / 1000;
  if (seconds < 10) return ""; // the percentage says enough; no promise of "a moment"
  if (seconds < 90) return `, about ${Math.ceil(seconds / 10) * 10} seconds left`;
  return `, about ${Math.round(seconds / 60)} minutes left`;
}

// ---- the page's one scoring worker -----------------------------------------

// The blob: worker's own script: it imports the scoring worker dynamically.
// Firefox sends a blob: worker's static imports past the service worker (so
// offline the worker could not start), its dynamic imports and fetches through
// it. Messages that arrive before the import is in are kept and handed over.
function workerBootstrap(url) {
  return `const early = [];
self.onmessage = (event) => early.push(event);
import(${JSON.stringify(url)}).then(
  () => { for (const event of early.splice(0)) self.onmessage(event); },
  () => postMessage({ type: "stage", stage: "failed", detail: "Part of the scoring engine could not be downloaded." }),
);`;
}

class Scoring {
  // `contract`: what the build wrote for the browser (contract.py), its URLs
  // made absolute.
  constructor(contract) {
    this.contract = contract;
    this.worker = null;
    this.state = "idle"; // idle | loading | ready | failed
    this.reason = "";
    this.listeners = new Set();
    this.pending = new Map(); // request id -> {owner, resolve}
    this.waiting = new Set(); // the quizzes whose reader asked for a result before ready
    this.quizzes = new Set(); // every quiz on the page
    this.nextId = 1;
    // Bytes of the runtime and package received so far, out of the build's sizes.
    const sum = (sizes) => Object.values(sizes || {}).reduce((total, size) => total + size, 0);
    this.total = sum(contract.sizes);
    this.wireTotal = sum(contract.wireSizes) || this.total; // what the reader is told it costs
    this.progress = null; // {received, total, samples} while downloading
    this.loadedBefore = false; // whether this page has had the engine ready once
  }

  onChange(listener) {
    this.listeners.add(listener);
  }

  setState(state, reason = "") {
    this.state = state;
    this.reason = reason;
    for (const listener of this.listeners) listener(state, reason);
  }

  start() {
    if (this.worker) return;
    if (typeof WebAssembly !== "object") {
      this.setState("failed", "This browser cannot run the scoring engine (it needs WebAssembly); a recent version of any major browser will.");
      return;
    }
    const workerUrl = new URL("scoring-worker.js", import.meta.url).href;
    // A blob: worker inherits this page's Content-Security-Policy; a worker
    // loaded from a URL would run with no policy at all on GitHub Pages.
    const bootstrap = new Blob([workerBootstrap(workerUrl)], { type: "text/javascript" });
    try {
      this.worker = new Worker(policy.createScriptURL(URL.createObjectURL(bootstrap)), {
        type: "module",
        name: "scoring",
      });
    } catch {
      this.fail("The scoring engine could not be loaded."); // refused by the browser or the page's policy
      return;
    }
    this.worker.postMessage({ type: "init", payload: this.contract });
    this.progress = { received: 0, total: this.total, samples: [], since: performance.now() };
    this.setState("loading");
    this.timer = setTimeout(() => {
      if (this.state === "loading") this.fail("Scoring is taking too long to start.");
    }, LOAD_TIMEOUT_MS);
    this.worker.onmessage = ({ data }) => {
      if (data.type === "progress") {
        const now = performance.now();
        const samples = this.progress.samples.filter((sample) => now - sample.at <= 2 * RATE_WINDOW_MS);
        samples.push({ at: now, received: data.received });
        this.progress = { ...this.progress, received: data.received, total: data.total, samples };
        if (this.state === "loading") this.setState("loading");
        return;
      }
      if (data.type === "stage") {
        if (data.stage === "ready") {
          clearTimeout(this.timer);
          this.loadedBefore = true;
          this.setState("ready");
        } else if (data.stage === "failed") {
          this.fail(data.detail);
        }
        return;
      }
      const entry = this.pending.get(data.id);
      this.pending.delete(data.id);
      if (entry) entry.resolve(data);
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.fail("The scoring engine could not be loaded.");
    };
    registerServiceWorker();
  }

  fail(reason) {
    this.stop();
    this.setState("failed", reason);
  }

  stop() {
    clearTimeout(this.timer);
    this.progress = null;
    if (this.worker) this.worker.terminate();
    this.worker = null;
    for (const { resolve } of this.pending.values()) resolve({ error: "Scoring was stopped." });
    this.pending.clear();
    this.waiting.clear();
    this.setState("idle");
  }

  // A quiz that starts over gives up its own requests. The worker, and with
  // it everything it was given, goes only when no other quiz on the page
  // still needs it (waiting for a result, or showing one its reader may
  // refresh): one quiz's "Start over" never stops a sibling's scoring.
  release(owner) {
    for (const [id, entry] of this.pending) {
      if (entry.owner !== owner) continue;
      this.pending.delete(id);
      entry.resolve({ cancelled: true });
    }
    this.waiting.delete(owner);
    const needed = [...this.quizzes].some((quiz) => quiz !== owner && quiz.hasResult());
    if (!this.pending.size && !this.waiting.size && !needed) this.stop();
  }

  score(owner, assessment, answers) {
    return this.ask(owner, "score", { assessment, answers });
  }

  // Any request the worker's handle() knows: score, compare, pack, unpack.
  ask(owner, type, payload) {
    return new Promise((resolve) => {
      const id = this.nextId++;
      this.pending.set(id, { owner, resolve });
      this.worker.postMessage({ id, type, payload });
    });
  }
}

// Offline use: registered once the reader engages, so a page that is only read
// downloads no runtime bytes. The service worker never sees answers.
let registered = false;
function registerServiceWorker() {
  if (registered || !serviceWorkerUrl || !("serviceWorker" in navigator)) return;
  registered = true;
  navigator.serviceWorker
    .register(policy.createScriptURL(serviceWorkerUrl), { scope: siteRootUrl.href })
    .catch(() => {
      // Offline use is a bonus: scoring works the same without it.
    });
}

// ---- one form -------------------------------------------------------------

class Quiz {
  constructor(form, scoring) {
    this.form = form;
    this.scoring = scoring;
    this.prefix = form.dataset.prefix || "";
    this.container = form.parentElement;
    this.questions = [...form.querySelectorAll("[data-question]")];
    this.progress = form.querySelector("[data-role=progress]");
    this.status = form.querySelector("[data-role=status]");
    this.alertBox = form.querySelector("[data-role=alert]");
    this.button = form.querySelector("[data-role=submit]") || form.querySelector("[type=submit]");
    this.buttonText = this.button.textContent;
    this.ownButtonText = this.buttonText;
    this.download = form.querySelector("[data-role=download]");
    this.busy = false;
    this.results = this.container.querySelector(`#${CSS.escape(this.prefix)}results`);
    this.waiting = false;

    form.addEventListener("submit", (event) => {
      event.preventDefault(); // never a navigation: answers must not reach a URL
      // a second press while working does nothing; "Pass it to my partner"
      // finishes the first of two answering on one phone (together.js)
      if (!this.busy) this.submit({ pass: event.submitter?.dataset.role === "pass" });
    });
    form.addEventListener("change", (event) => this.answersChanged(event.target));
    form.addEventListener("input", (event) => this.answersChanged(event.target));
    // Start loading the runtime when the reader engages, not before (and,
    // saving data, only when they ask for their results).
    if (!SAVE_DATA) {
      for (const type of ["focusin", "pointerdown", "keydown"]) {
        form.addEventListener(type, () => scoring.state === "idle" && scoring.start(), { passive: true });
      }
    }
    this.results.addEventListener("click", (event) => {
      const button = event.target.closest("[data-action]");
      const action = button?.dataset.action;
      if (action === "print") window.print();
      if (action === "restart") confirmStartOver(this, button);
      if (action === "keep") {
        button.closest("[data-role=confirm]").remove();
        this.results.querySelector("[data-action=restart]").focus();
      }
      if (action === "confirm-restart") this.startOver();
      if (action === "refresh") this.submit();
    });
    scoring.onChange((state, reason) => this.onScoringChange(state, reason));
    scoring.quizzes.add(this);
    this.updateProgress();
    this.onScoringChange(scoring.state, scoring.reason);
    // Last: it may read a partner's link at once, which asks the worker.
    this.together = this.container.querySelector("[data-role=together]") ? new Together(this) : null;
  }

  // The button's words for the step the reader is at (null: its own words).
  setButtonText(text) {
    this.buttonText = text || this.ownButtonText;
    if (!this.busy) this.button.textContent = this.buttonText;
  }

  // One request to the worker for this quiz, started if need be; resolves when
  // answered, or with the reason scoring could not start.
  ask(type, payload) {
    const message = { assessment: this.form.dataset.assessment, ...payload };
    if (this.scoring.state === "ready") return this.scoring.ask(this, type, message);
    return new Promise((resolve) => {
      const listener = (state, reason) => {
        if (state !== "ready" && state !== "failed") return;
        this.scoring.listeners.delete(listener);
        if (state === "ready") this.scoring.ask(this, type, message).then(resolve);
        else resolve({ error: `Scoring could not start. ${reason}`.trim() });
      };
      this.scoring.onChange(listener);
      if (this.scoring.state === "idle" || this.scoring.state === "failed") this.scoring.start();
    });
  }

  // Answers gone, form as new (the results are left to the caller).
  clearForm() {
    this.form.reset();
    this.alertBox.hidden = true;
    this.updateProgress();
  }

  // Back to the top of the form, for the next person answering.
  focusTop() {
    const heading = this.form.querySelector("h2, h3, h4");
    heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: "start" });
  }

  // The button says it is working and takes no second press; focus stays on
  // it (aria-disabled, not disabled), so a screen reader hears the status.
  setBusy(busy) {
    this.busy = busy;
    if (busy) {
      this.button.setAttribute("aria-busy", "true");
      this.button.setAttribute("aria-disabled", "true");
      this.button.textContent = "Working out your results…";
    } else {
      this.button.removeAttribute("aria-busy");
      this.button.removeAttribute("aria-disabled");
      this.button.textContent = this.buttonText;
    }
    this.showDownload();
  }

  // The progress bar beside the button, while the reader waits for the
  // download: bytes received of the total, then, with all of them in, no
  // value (an indeterminate bar) while Python starts.
  showDownload() {
    const progress = this.scoring.progress;
    const show = Boolean(this.download && this.busy && this.scoring.state === "loading" && progress);
    if (!this.download) return;
    this.download.hidden = !show;
    if (!show) return;
    if (progress.total && progress.received < progress.total) {
      this.download.max = progress.total;
      this.download.value = progress.received;
    } else {
      this.download.removeAttribute("value");
    }
  }

  // What the status line says while scoring loads: sizes and, once there is a
  // rate to go by, the time left; never "a moment".
  loadingText() {
    const progress = this.scoring.progress;
    if (!progress || !progress.total) return "Preparing private scoring on this device…";
    if (progress.received >= progress.total) return "Downloaded. Starting…";
    // Whole tenths: a screen reader hears about ten updates, not hundreds.
    const tenths = Math.floor((progress.received / progress.total) * 10) * 10;
    // "once": true the first time; a restart after Start over reads the browser's cache.
    const size = this.scoring.loadedBefore ? "" : ` (${megabytes(this.scoring.wireTotal)}, once)`;
    const what = `${this.scoring.loadedBefore ? "Loading" : "Downloading"} the private scoring engine${size}: ${tenths}%`;
    return this.waiting ? `${what}${timeLeft(progress)}. Your results appear as soon as it is in.` : `${what}.`;
  }

  hasResult() {
    return !this.results.hidden;
  }

  // How to read an answer is the question type's to say (its `reads`, written
  // by its template as data-reads): this script knows three ways, no type.
  answerOf(question) {
    const reads = question.dataset.reads;
    if (reads === "whole-number") {
      const input = question.querySelector("input");
      const raw = input.value.trim();
      // A box showing what the browser cannot read as a number (hundreds of
      // digits, letters where a browser lets them in) has no value: it is
      // still an answer, for the engine to explain, not one left out.
      if (raw === "") return input.validity.badInput ? "not a number" : undefined;
      return /^-?\d+$/.test(raw) ? Number(raw) : raw; // the engine explains a non-whole number
    }
    if (reads === "choices") {
      return [...question.querySelectorAll("input:checked")].map((input) => input.value);
    }
    const checked = question.querySelector("input:checked");
    if (!checked) return undefined;
    if (checked.value === "") return null; // "Prefer not to say"
    return "numeric" in question.dataset ? Number(checked.value) : checked.value;
  }

  isAnswered(question) {
    const answer = this.answerOf(question);
    return Array.isArray(answer) ? answer.length > 0 : answer !== undefined;
  }

  collectAnswers() {
    const answers = {};
    for (const question of this.questions) {
      const answer = this.answerOf(question);
      if (answer !== undefined) answers[question.dataset.question] = answer;
    }
    return answers;
  }

  answersChanged(target) {
    this.updateProgress(target);
    if (this.hasResult()) markStale(this);
  }

  updateProgress(changed = null) {
    const answered = this.questions.filter((q) => this.isAnswered(q)).length;
    this.progress.textContent = `${answered} of ${this.questions.length} answered`;
    const tracker = this.form.querySelector("[data-role=tracker]");
    if (!tracker) return;
    tracker.querySelector("[data-role=tracker-count]").textContent = `${answered} of ${this.questions.length}`;
    const section = changed?.closest("[data-section-title]");
    if (section) tracker.querySelector("[data-role=tracker-section]").textContent = section.dataset.sectionTitle;
  }

  onScoringChange(state, reason) {
    this.status.dataset.state = state;
    this.showDownload();
    if (state === "loading") {
      const text = this.loadingText();
      if (this.status.textContent !== text) this.status.textContent = text;
    } else if (state === "idle" && SAVE_DATA && this.scoring.total) {
      this.status.textContent =
        `Your browser is set to save data. Seeing your results needs a one-time download of ${megabytes(this.scoring.wireTotal)}; ` +
        "nothing is downloaded until you press the button.";
    } else if (state === "ready") {
      this.status.textContent = this.hasResult() ? "" : "Private scoring is ready.";
      if (this.waiting) this.submit();
    } else {
      this.status.textContent = "";
    }
    if (state === "failed" && (this.waiting || this.form.contains(document.activeElement))) {
      this.waiting = false;
      this.setBusy(false);
      this.showAlert(`Your results could not be worked out. ${reason ? reason + " " : ""}${this.answersKept()}`, {
        retry: true,
      });
    }
  }

  // Said only of a form that holds answers: never over one just cleared.
  answersKept() {
    return this.questions.some((q) => this.isAnswered(q)) ? "Your answers are still here." : "";
  }

  showAlert(message, { retry = false, links = [] } = {}) {
    const box = this.alertBox;
    box.replaceChildren();
    const text = document.createElement("p");
    text.textContent = message;
    box.append(text);
    if (links.length) {
      const list = document.createElement("ul");
      for (const { href, label } of links) {
        const link = document.createElement("a");
        link.href = href;
        link.textContent = label;
        const item = document.createElement("li");
        item.append(link);
        list.append(item);
      }
      box.append(list);
    }
    if (retry) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "button button--quiet";
      button.textContent = "Try again";
      button.addEventListener("click", () => {
        box.hidden = true;
        this.scoring.state = "idle";
        this.submit();
      });
      box.append(button);
    }
    box.hidden = false;
    box.focus();
  }

  async submit({ pass = false } = {}) {
    const missing = this.questions.filter((q) => q.dataset.required === "true" && !this.isAnswered(q));
    if (missing.length) {
      const count = missing.length === 1 ? "One question still needs" : `${missing.length} questions still need`;
      this.showAlert(`${count} an answer:`, {
        links: missing.map((q) => ({
          href: `#${q.id}`,
          label: q.querySelector(".question__text").textContent.trim(),
        })),
      });
      return;
    }
    this.alertBox.hidden = true;
    // The first of two on one phone: answers kept, form cleared, no result yet.
    if (pass && this.together?.takeFirst(this.collectAnswers())) return;
    if (this.together?.step === "locked") {
      this.showAlert("First unlock your partner's answers with the word they told you, at the top of the page.");
      return;
    }
    this.setBusy(true);
    if (this.scoring.state !== "ready") {
      this.waiting = true;
      this.scoring.waiting.add(this);
      if (this.scoring.state === "idle") this.scoring.start();
      this.onScoringChange(this.scoring.state, this.scoring.reason);
      return;
    }
    this.waiting = false;
    this.scoring.waiting.delete(this);
    if (this.together?.reading) await this.together.reading; // a partner's link, still being read
    const answers = this.collectAnswers();
    const together = this.together?.request(answers);
    const outcome = together
      ? await this.ask(together.type, together.payload)
      : await this.scoring.score(this, this.form.dataset.assessment, answers);
    this.setBusy(false);
    if (outcome.cancelled) return; // the reader started over meanwhile
    if (outcome.error) {
      this.showAlert(`${outcome.error} ${this.answersKept()}`);
      return;
    }
    if (together) {
      this.together.showComparison(outcome.result);
    } else {
      this.together?.beforeResult();
      renderResults(this, outcome.result);
      this.together?.afterResult();
    }
    this.status.textContent = ""; // the result is on screen: no scoring status beside it
  }

  startOver() {
    this.form.reset();
    this.results.querySelector("[data-role=results-body]").replaceChildren();
    this.results.classList.remove("results--stale");
    this.results.hidden = true;
    this.alertBox.hidden = true;
    this.container.classList.remove("has-results");
    document.body.classList.remove("has-results");
    this.waiting = false;
    this.setBusy(false);
    this.scoring.release(this);
    this.together?.reset();
    this.updateProgress();
    const heading = this.container.querySelector("[data-quiz-title]") || document.getElementById("title");
    heading.focus();
    heading.scrollIntoView({ block: "start" });
  }
}

// ---- wiring ------------------------------------------------------------

const forms = [...document.querySelectorAll("form.assessment-form")];
if (forms.length && contract) {
  const first = forms[0];
  // The contract's folders are relative to this script's own folder.
  const scoring = new Scoring({
    ...contract,
    runtime: new URL(contract.runtime, import.meta.url).href,
    package: new URL(contract.package, import.meta.url).href,
  });
  for (const form of forms) new Quiz(form, scoring);
  if (first.closest("[data-scoring-start=visible]")) startWhenVisible(first, scoring);
  document.body.classList.add("js");
}

// An assessment's own page is opened to be taken: scoring starts loading once
// its form is on (or within half a screen of) the screen and the page is idle, so it is usually ready by the
// first answer (it takes about a second, mostly Python starting up). Quizzes
// inside guides wait for the reader instead: a guide is mostly read, and
// reading one must cost no runtime bytes. So does a reader who asked the
// browser to save data.
function startWhenVisible(form, scoring) {
  if (navigator.connection?.saveData || !("IntersectionObserver" in window)) return;
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    const start = () => scoring.state === "idle" && scoring.start();
    if ("requestIdleCallback" in window) requestIdleCallback(start, { timeout: 1000 });
    else setTimeout(start, 0);
    // Half a screen early: a form that starts just below the fold is about to be read.
  }, { rootMargin: "0px 0px 50% 0px" });
  observer.observe(form);
}
