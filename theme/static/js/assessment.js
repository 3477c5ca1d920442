// The reader's side of an assessment page: progress, a scoring worker started
// when the reader engages, and results rendered in place.
//
// Privacy: answers live only in this page's memory and in the worker, which
// runs under the page's policy (connect-src 'self'). Nothing is stored, put in
// a URL, or sent anywhere.

const form = document.getElementById("assessment-form");
const status = document.getElementById("scoring-status");
const progress = document.getElementById("form-progress");
const alertBox = document.getElementById("form-alert");
const results = document.getElementById("results");
const assessmentId = form.dataset.assessment;
const questions = [...form.querySelectorAll("[data-question]")];

// Loading normally takes seconds; this only catches a runtime that never
// answers (a broken network or policy), so it is generous for slow phones.
const LOAD_TIMEOUT_MS = Number(form.dataset.loadTimeout || 120000);

const { siteRoot, serviceWorker } = document.documentElement.dataset;
const siteRootUrl = new URL(siteRoot || "./", location.href);
const serviceWorkerUrl = serviceWorker ? new URL(serviceWorker, siteRootUrl).href : null;

// Trusted Types: the page's policy lets only this named policy create
// script URLs and HTML. The HTML comes from the site's own compiled package
// (authors' Markdown rendered at build time), never from the reader.
const policy = window.trustedTypes
  ? window.trustedTypes.createPolicy("closer", {
      createScriptURL: (url) => {
        if (url.startsWith("blob:") || url === serviceWorkerUrl) return url;
        throw new TypeError("Only the scoring worker and the site's service worker may start.");
      },
      createHTML: (html) => html,
    })
  : { createScriptURL: (url) => url, createHTML: (html) => html };

let worker = null;
let workerState = "idle"; // idle | loading | ready | failed
let loadTimer = null;
let nextId = 1;
const pending = new Map();
let waitingToScore = false;

// ---- answers and progress ----------------------------------------------

function answerOf(question) {
  if (question.classList.contains("question--number")) {
    const raw = question.querySelector("input").value.trim();
    if (raw === "") return undefined;
    return /^-?\d+$/.test(raw) ? Number(raw) : raw; // the engine explains a non-whole number
  }
  if (question.classList.contains("question--multiple")) {
    return [...question.querySelectorAll("input:checked")].map((input) => input.value);
  }
  const checked = question.querySelector("input:checked");
  if (!checked) return undefined;
  if (checked.value === "") return null; // "Prefer not to say"
  return question.classList.contains("question--likert") ? Number(checked.value) : checked.value;
}

function isAnswered(question) {
  const answer = answerOf(question);
  if (question.classList.contains("question--multiple")) return answer.length > 0;
  return answer !== undefined;
}

function collectAnswers() {
  const answers = {};
  for (const question of questions) {
    const answer = answerOf(question);
    if (answer !== undefined) answers[question.dataset.question] = answer;
  }
  return answers;
}

function updateProgress() {
  const answered = questions.filter(isAnswered).length;
  progress.textContent = `${answered} of ${questions.length} answered`;
}

// ---- the scoring worker -------------------------------------------------

function setStatus(state, message) {
  workerState = state;
  status.dataset.state = state;
  status.textContent = message;
}

function engage() {
  if (workerState === "idle") startWorker();
}

function startWorker() {
  if (worker) return;
  if (typeof WebAssembly !== "object") {
    fail("This browser cannot run the scoring engine (it needs WebAssembly). Your answers are still here; a recent version of any major browser will work.");
    return;
  }
  const workerUrl = new URL("scoring-worker.js", import.meta.url).href;
  // A blob: worker inherits this page's Content-Security-Policy; a worker
  // loaded from a URL would run with no policy at all on GitHub Pages.
  const bootstrap = new Blob([`import ${JSON.stringify(workerUrl)};`], { type: "text/javascript" });
  const blobUrl = URL.createObjectURL(bootstrap);
  worker = new Worker(policy.createScriptURL(blobUrl), { type: "module", name: "scoring" });
  worker.postMessage({
    type: "init",
    payload: {
      runtime: new URL(form.dataset.runtime, location.href).href,
      package: new URL(form.dataset.package, location.href).href,
    },
  });
  setStatus("loading", "Preparing private scoring on this device…");
  loadTimer = setTimeout(() => {
    if (workerState === "loading") fail("Scoring is taking too long to start.");
  }, LOAD_TIMEOUT_MS);
  worker.onmessage = ({ data }) => {
    if (data.type === "stage") return onStage(data);
    const resolve = pending.get(data.id);
    pending.delete(data.id);
    if (resolve) resolve(data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail("The scoring engine could not be loaded.");
  };
}

function onStage({ stage, detail }) {
  if (stage === "ready") {
    clearTimeout(loadTimer);
    setStatus("ready", "Private scoring is ready.");
    if (waitingToScore) submit();
  } else if (stage === "failed") {
    fail(detail);
  }
}

function fail(reason) {
  clearTimeout(loadTimer);
  stopWorker();
  setStatus("failed", "");
  waitingToScore = false;
  showAlert(
    `Your results could not be worked out. ${reason ? reason + " " : ""}Your answers are still here.`,
    { retry: true },
  );
}

function stopWorker() {
  if (worker) worker.terminate();
  worker = null;
  for (const resolve of pending.values()) resolve({ error: "Scoring was stopped." });
  pending.clear();
}

function score(answers) {
  return new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    worker.postMessage({ id, type: "score", payload: { assessment: assessmentId, answers } });
  });
}

// ---- messages ----------------------------------------------------------

function showAlert(message, { retry = false, links = [] } = {}) {
  alertBox.replaceChildren();
  const text = document.createElement("p");
  text.textContent = message;
  alertBox.append(text);
  if (links.length) {
    const list = document.createElement("ul");
    for (const { href, label } of links) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = href;
      link.textContent = label;
      item.append(link);
      list.append(item);
    }
    alertBox.append(list);
  }
  if (retry) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button button--quiet";
    button.textContent = "Try again";
    button.addEventListener("click", () => {
      alertBox.hidden = true;
      startWorker();
      submit();
    });
    alertBox.append(button);
  }
  alertBox.hidden = false;
  alertBox.focus();
}

function unansweredRequired() {
  return questions.filter((q) => q.dataset.required === "true" && !isAnswered(q));
}

// ---- submitting and results ----------------------------------------------

async function submit() {
  const missing = unansweredRequired();
  if (missing.length) {
    const count = missing.length === 1 ? "One question still needs" : `${missing.length} questions still need`;
    showAlert(`${count} an answer:`, {
      links: missing.map((q) => ({ href: `#${q.id}`, label: q.querySelector(".question__text").textContent.trim() })),
    });
    return;
  }
  alertBox.hidden = true;
  startWorker();
  if (workerState !== "ready") {
    waitingToScore = true;
    if (workerState === "loading") setStatus("loading", "Almost ready: your results will appear in a moment…");
    return;
  }
  waitingToScore = false;
  const outcome = await score(collectAnswers());
  if (outcome.error) {
    showAlert(`${outcome.error} Your answers are still here.`);
    return;
  }
  renderResults(outcome.result);
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "html") node.innerHTML = policy.createHTML(value);
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(...children.filter(Boolean));
  return node;
}

function siteUrl(relative) {
  // Links in results are relative to the site root (see plugins/assessments/links.py).
  return new URL(relative, document.documentElement.dataset.siteRoot
    ? new URL(document.documentElement.dataset.siteRoot, location.href)
    : location.href).href;
}

function withSiteLinks(html) {
  const holder = element("div", { html });
  for (const link of holder.querySelectorAll("a[href]")) {
    const href = link.getAttribute("href");
    if (!/^([a-z][a-z0-9+.-]*:|#|\/)/i.test(href)) link.setAttribute("href", siteUrl(href));
  }
  return holder;
}

function scoreBar(score) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 100 8");
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("class", "bar");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  for (const [name, width] of [["bar__track", 100], ["bar__fill", score]]) {
    const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    rect.setAttribute("class", name);
    rect.setAttribute("width", String(width));
    rect.setAttribute("height", "8");
    rect.setAttribute("rx", "4");
    svg.append(rect);
  }
  return svg;
}

function renderDimensions(dimensions) {
  if (!dimensions.length) return null;
  const list = element("ul", { class: "dimension-list", role: "list" });
  for (const dimension of dimensions) {
    const scored = dimension.score !== null;
    const summary = scored
      ? `${dimension.score} out of 100${dimension.band ? `: ${dimension.band.label}` : ""}`
      : "Not enough answers to score";
    list.append(
      element("li", { class: "dimension", "data-dimension": dimension.id, "data-score": String(dimension.score) },
        element("h3", { class: "dimension__title" },
          element("span", { text: dimension.title }),
          element("span", { class: "dimension__score", text: summary })),
        scored ? scoreBar(dimension.score) : null,
        dimension.band && dimension.band.text ? withSiteLinks(dimension.band.text) : null),
    );
  }
  return element("section", { class: "results__block", "aria-labelledby": "results-dimensions" },
    element("h2", { id: "results-dimensions", text: "Where you are" }), list);
}

function renderProfile(profile) {
  if (!profile.length) return null;
  const heading = profile.length > 1
    ? `Your style is a blend: ${profile.map((p) => p.title).join(" and ")}`
    : `Your style: ${profile[0].title}`;
  const block = element("section", { class: "results__block", "aria-labelledby": "results-profile" },
    element("h2", { id: "results-profile", text: heading }));
  for (const item of profile) {
    block.append(element("div", { class: "profile", "data-profile": item.id },
      profile.length > 1 ? element("h3", { text: item.title }) : null,
      withSiteLinks(item.summary),
      element("h4", { text: "What helps" }), withSiteLinks(item.helps),
      element("h4", { text: "A common pitfall" }), withSiteLinks(item.pitfall),
      element("h4", { text: "Your best next move" }), withSiteLinks(item.next_move)));
  }
  return block;
}

function renderFeedback(feedback) {
  if (!feedback.length) return null;
  const list = element("ul", { class: "feedback-list", role: "list" });
  for (const item of feedback) {
    const question = form.querySelector(`[data-question="${CSS.escape(item.question)}"] .question__text`);
    list.append(element("li", { "data-feedback": item.question },
      question ? element("p", { class: "feedback__question", text: question.firstChild.textContent.trim() }) : null,
      withSiteLinks(item.text)));
  }
  return element("section", { class: "results__block", "aria-labelledby": "results-feedback" },
    element("h2", { id: "results-feedback", text: "About your answers" }), list);
}

function renderExtra(extra) {
  if (!extra || typeof extra.reading !== "string") return null;
  const block = element("section", { class: "results__block", "aria-labelledby": "results-extra" },
    element("h2", { id: "results-extra", text: "Your balance" }),
    element("p", { class: "lede", text: extra.reading }));
  if (typeof extra.ratio === "number" && typeof extra.target === "number") {
    const scale = Math.min(100, Math.round((extra.ratio / (extra.target * 2)) * 100));
    block.append(element("p", { class: "ratio", text: `${extra.ratio} to 1, against ${extra.target} to 1` }), scoreBar(scale));
  }
  return block;
}

function renderNotes(notes) {
  if (!notes.length) return null;
  return element("section", { class: "results__block", "aria-labelledby": "results-notes" },
    element("h2", { id: "results-notes", text: "Ideas to try" }),
    element("ul", {}, ...notes.map((note) => element("li", { text: note }))));
}

function renderRecommendations(recommendations) {
  if (!recommendations.length) return null;
  return element("section", { class: "results__block", "aria-labelledby": "results-next" },
    element("h2", { id: "results-next", text: "Read next" }),
    element("ul", { class: "next-list" }, ...recommendations.map((rec) =>
      element("li", {},
        element("a", { href: siteUrl(rec.url), text: rec.title || rec.slug }),
        rec.reason ? element("span", { class: "next-list__reason", text: ` ${rec.reason}` }) : null))));
}

function renderResults(result) {
  const heading = element("h2", { id: "results-title", class: "results__title", tabindex: "-1", text: "Your results" });
  const actions = element("div", { class: "button-row results__actions" },
    element("button", { type: "button", class: "button", "data-action": "print", text: "Print or save as PDF" }),
    element("button", { type: "button", class: "button button--quiet", "data-action": "restart", text: "Start over" }));
  results.replaceChildren(
    heading,
    element("p", { class: "results__intro", text: "Worked out on this device. Nothing you answered has left it." }),
    // The headline first: a balance or a style, then the breakdown behind it.
    ...[renderExtra(result.extra), renderProfile(result.profile), renderDimensions(result.dimensions),
      renderFeedback(result.feedback), renderNotes(result.notes), renderRecommendations(result.recommendations)]
      .filter(Boolean),
    actions,
  );
  results.hidden = false;
  document.body.classList.add("has-results");
  heading.focus();
}

function startOver() {
  form.reset();
  results.replaceChildren();
  results.hidden = true;
  alertBox.hidden = true;
  document.body.classList.remove("has-results");
  stopWorker();
  setStatus("idle", "");
  waitingToScore = false;
  updateProgress();
  document.getElementById("title").focus();
  window.scrollTo({ top: 0 });
}

// ---- wiring ------------------------------------------------------------

form.addEventListener("submit", (event) => {
  event.preventDefault(); // never a navigation: answers must not reach a URL
  submit();
});
form.addEventListener("change", updateProgress);
form.addEventListener("input", updateProgress);
// Start loading the runtime when the reader engages, not before: a reader who
// only reads the questions downloads nothing more.
for (const type of ["focusin", "pointerdown", "keydown"]) {
  form.addEventListener(type, engage, { passive: true });
}
results.addEventListener("click", (event) => {
  const action = event.target.closest("[data-action]")?.dataset.action;
  if (action === "print") window.print();
  if (action === "restart") startOver();
});
// Offline use: the service worker caches the runtime and package (never answers).
if (serviceWorkerUrl && "serviceWorker" in navigator) {
  const scope = siteRootUrl.href;
  navigator.serviceWorker.register(policy.createScriptURL(serviceWorkerUrl), { scope }).catch(() => {
    // Offline use is a bonus: the assessment works the same without it.
  });
}

document.body.classList.add("js");
updateProgress();
