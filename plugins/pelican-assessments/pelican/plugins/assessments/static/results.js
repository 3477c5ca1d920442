// Rendering a result as the reader sees it: plain data from the engine in,
// accessible HTML out (text equivalents beside every bar).

import { policy, safeFragment, siteRootUrl } from "./policy.js";

const SVG = "http://www.w3.org/2000/svg";

export function element(tag, attributes = {}, ...children) {
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
  // Links in results are relative to the site root (see the plugin's links.py).
  return new URL(relative, siteRootUrl).href;
}

export function withSiteLinks(html) {
  const holder = element("div", {}, safeFragment(html));
  for (const link of holder.querySelectorAll("a[href]")) {
    const href = link.getAttribute("href");
    if (!/^([a-z][a-z0-9+.-]*:|#|\/)/i.test(href)) link.setAttribute("href", siteUrl(href));
  }
  return holder;
}

// `mark`: where to draw a target line across the bar (0-100), if any.
export function scoreBar(score, extraClass = "", mark = null) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 100 8");
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("class", `bar ${extraClass}`.trim());
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  for (const [name, width] of [["bar__track", 100], ["bar__fill", score]]) {
    const rect = document.createElementNS(SVG, "rect");
    rect.setAttribute("class", name);
    rect.setAttribute("width", String(width));
    rect.setAttribute("height", "8");
    rect.setAttribute("rx", "4");
    svg.append(rect);
  }
  if (mark !== null) {
    const line = document.createElementNS(SVG, "rect");
    line.setAttribute("class", "bar__mark");
    line.setAttribute("x", String(mark - 0.6));
    line.setAttribute("width", "1.2");
    line.setAttribute("height", "8");
    svg.append(line);
  }
  return svg;
}

export function block(id, title, ...children) {
  return element("section", { class: "results__block", "aria-labelledby": id },
    element("h3", { id, text: title }), ...children);
}

export function questionText(quiz, questionId) {
  const text = quiz.form.querySelector(`[data-question="${CSS.escape(questionId)}"] .question__text`);
  return text ? text.firstChild.textContent.trim() : "";
}

export function optionLabel(quiz, questionId, value) {
  const input = quiz.form.querySelector(
    `[data-question="${CSS.escape(questionId)}"] input[value="${CSS.escape(value)}"]`,
  );
  const label = input && quiz.form.querySelector(`label[for="${CSS.escape(input.id)}"]`);
  return label ? label.textContent.trim() : value;
}

// `bars`: false when the overview above already draws every score.
function renderDimensions(p, dimensions, bars = true) {
  if (!dimensions.length) return null;
  const list = element("ul", { class: "dimension-list", role: "list" });
  for (const dimension of dimensions) {
    const scored = dimension.score !== null;
    const summary = scored ? level(dimension) : "Not enough answers to score";
    list.append(
      element("li", { class: "dimension", "data-dimension": dimension.id, "data-score": String(dimension.score) },
        element("h4", { class: "dimension__title" },
          element("span", { text: dimension.title }),
          element("span", { class: "dimension__score", text: summary })),
        scored && bars ? scoreBar(dimension.score) : null,
        dimension.band && dimension.band.text ? withSiteLinks(dimension.band.text) : null),
    );
  }
  return block(`${p}results-dimensions`, "Each area in detail", list);
}

// A level in words first, its number second: "Growing, 63 of 100"; a share
// as a share: "Often you, about 42% of your answers".
let asShares = false;

// How this quiz's scores are said (its form's data-display), for what follows.
export function useDisplayOf(quiz) {
  asShares = quiz.form.dataset.display === "shares";
}

function level(dimension) {
  const amount = asShares ? `about ${dimension.score}% of your answers` : `${dimension.score} of 100`;
  return dimension.band ? `${dimension.band.label}, ${amount}` : amount;
}

function scored(result) {
  return result.dimensions.filter((dimension) => dimension.score !== null);
}

// "A, B and C", in the reader's language where the browser knows how.
function names(profile) {
  const titles = profile.map((item) => item.title);
  if ("ListFormat" in Intl) return new Intl.ListFormat(document.documentElement.lang || "en").format(titles);
  return titles.join(", ");
}

// The one line a reader sees first, in plain words.
function headline(result) {
  if (result.quiz) return `You got ${result.quiz.correct} of ${result.quiz.total} right.`;
  if (result.profile.length > 1) {
    if (result.profile.length > 2) {
      return `Your answers spread across ${result.profile.length} styles, with none far ahead: ${names(result.profile)}.`;
    }
    return `Your style is a blend of ${names(result.profile)}.`;
  }
  if (result.profile.length === 1) return `Your style: ${result.profile[0].title}.`;
  if (result.extra && typeof result.extra.reading === "string") {
    const { ratio, reading } = result.extra;
    if (typeof ratio === "number") return `About ${ratio} warm moments for every hard one.`;
    return reading.split(/(?<=\.) /)[0];
  }
  const dimensions = scored(result);
  if (dimensions.length === 1) return `${dimensions[0].title}: ${level(dimensions[0])}.`;
  if (dimensions.length > 1) {
    const { strongest, startWith } = extremes(dimensions);
    if (strongest.score === startWith.score) return "Your answers sit evenly across every area.";
    return `Strongest: ${strongest.title}. Start with: ${startWith.title}.`;
  }
  return "Here is what your answers show.";
}

// The highest and the lowest score; ties go to the first in the file.
function extremes(dimensions) {
  let strongest = dimensions[0];
  let startWith = dimensions[0];
  for (const dimension of dimensions) {
    if (dimension.score > strongest.score) strongest = dimension;
    if (dimension.score < startWith.score) startWith = dimension;
  }
  return { strongest, startWith };
}

// Every scored area at a glance: a chart for the eye, its table twin for a
// screen reader (the chart itself is hidden from assistive technology).
// Shares of the answers: one bar split between the dimensions, each part
// labelled in the legend below it.
function sharesChart(dimensions) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 100 10");
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("class", "shares__bar");
  let x = 0;
  dimensions.forEach((dimension, index) => {
    const rect = document.createElementNS(SVG, "rect");
    rect.setAttribute("class", `shares__part shares__part--${index % 5}`);
    rect.setAttribute("x", String(x));
    rect.setAttribute("width", String(dimension.score));
    rect.setAttribute("height", "10");
    svg.append(rect);
    x += dimension.score;
  });
  const legend = element("ul", { class: "shares__legend", role: "list" },
    ...dimensions.map((dimension, index) => element("li", {},
      element("span", { class: `shares__key shares__part--${index % 5}` }),
      element("span", { class: "overview__name", text: dimension.title }),
      element("span", { class: "overview__level", text: `about ${dimension.score}%` }))));
  return element("div", { class: "shares", "aria-hidden": "true" }, svg, legend);
}

function renderOverview(p, result) {
  const dimensions = scored(result);
  if (dimensions.length < 2 || result.quiz) return null;
  const chart = asShares ? sharesChart(dimensions) : element("div", { class: "overview", "aria-hidden": "true" },
    ...dimensions.map((dimension) => element("div", { class: "overview__row" },
      element("span", { class: "overview__name", text: dimension.title }),
      element("span", { class: "overview__level", text: level(dimension) }),
      scoreBar(dimension.score, "overview__bar"))));
  const table = element("table", { class: "visually-hidden", "data-role": "overview-table" },
    element("caption", { text: asShares ? "Your answers, in shares of 100" : "Your scores, out of 100" }),
    element("thead", {}, element("tr", {},
      element("th", { scope: "col", text: "Area" }),
      element("th", { scope: "col", text: "Score" }),
      element("th", { scope: "col", text: "Level" }))),
    element("tbody", {}, ...dimensions.map((dimension) => element("tr", { "data-dimension": dimension.id },
      element("th", { scope: "row", text: dimension.title }),
      element("td", { text: String(dimension.score) }),
      element("td", { text: dimension.band ? dimension.band.label : "" })))));
  return block(`${p}results-overview`, "At a glance", chart, table);
}

function renderProfile(p, profile) {
  if (!profile.length) return null;
  const heading = profile.length > 1
    ? `Your style is a blend: ${names(profile)}`
    : `Your style: ${profile[0].title}`;
  const section = block(`${p}results-profile`, heading);
  for (const item of profile) {
    section.append(element("div", { class: "profile", "data-profile": item.id },
      profile.length > 1 ? element("h4", { text: item.title }) : null,
      withSiteLinks(item.summary),
      element("h5", { text: "What helps" }), withSiteLinks(item.helps),
      element("h5", { text: "A common pitfall" }), withSiteLinks(item.pitfall),
      element("h5", { text: "Your best next move" }), withSiteLinks(item.next_move)));
  }
  return section;
}

function renderQuiz(quiz, p, result) {
  if (!result.quiz) return null;
  const { correct, total, questions } = result.quiz;
  const list = element("ul", { class: "feedback-list", role: "list" });
  for (const mark of questions) {
    const explanations = result.feedback.filter((item) => item.question === mark.question);
    const answer = mark.answer.map((value) => optionLabel(quiz, mark.question, value)).join("; ");
    list.append(element("li", { "data-feedback": mark.question, "data-correct": String(mark.correct) },
      element("p", { class: "feedback__question", text: questionText(quiz, mark.question) }),
      element("p", { class: `mark mark--${mark.correct ? "right" : "wrong"}`,
        text: mark.correct ? "Right." : mark.chosen.length ? `Not quite. The answer: ${answer}.` : `Skipped. The answer: ${answer}.` }),
      ...explanations.map((item) => withSiteLinks(item.text))));
  }
  return block(`${p}results-quiz`, `You got ${correct} of ${total} right`, list);
}

function renderFeedback(quiz, p, result) {
  if (!result.feedback.length || result.quiz) return null;
  const list = element("ul", { class: "feedback-list", role: "list" });
  for (const item of result.feedback) {
    list.append(element("li", { "data-feedback": item.question },
      element("p", { class: "feedback__question", text: questionText(quiz, item.question) }),
      withSiteLinks(item.text)));
  }
  return block(`${p}results-feedback`, "About your answers", list);
}

function renderExtra(p, extra) {
  if (!extra || typeof extra.reading !== "string") return null;
  const section = block(`${p}results-extra`, "Your balance", element("p", { class: "lede", text: extra.reading }));
  if (typeof extra.ratio === "number" && typeof extra.target === "number") {
    // The bar runs from 0 to twice the target, so the target sits in the middle.
    const scale = Math.min(100, Math.round((extra.ratio / (extra.target * 2)) * 100));
    section.append(element("p", { class: "ratio", text: `${extra.ratio} to 1, against ${extra.target} to 1` }),
      scoreBar(scale, "bar--target", 50),
      element("p", { class: "bar__legend", text: `The line marks ${extra.target} to 1.` }));
  }
  return section;
}

function renderNotes(p, notes) {
  if (!notes.length) return null;
  return block(`${p}results-notes`, "Ideas to try",
    element("ul", {}, ...notes.map((note) => element("li", { text: note }))));
}

// The engine lists recommendations in the author's order; the first is the
// one next step, and at most two more follow: a short list gets read.
const MORE_TO_READ = 2;

function renderNextStep(p, recommendations) {
  if (!recommendations.length) return null;
  const [first, ...rest] = recommendations;
  return block(`${p}results-next`, "Your next step",
    element("p", { class: "next-step" },
      element("a", { class: "next-step__link", href: siteUrl(first.url), text: first.title || first.slug }),
      first.reason ? element("span", { class: "next-list__reason", text: ` ${first.reason}` }) : null),
    rest.length ? element("h4", { text: "More to read" }) : null,
    rest.length ? element("ul", { class: "next-list" }, ...rest.slice(0, MORE_TO_READ).map((rec) =>
      element("li", {},
        element("a", { href: siteUrl(rec.url), text: rec.title || rec.slug }),
        rec.reason ? element("span", { class: "next-list__reason", text: ` ${rec.reason}` }) : null))) : null);
}

// What a printout says at its top: the site, the assessment and the day.
export function printLine(quiz) {
  const site = document.querySelector('meta[property="og:site_name"]')?.content || location.host;
  const title = quiz.container.querySelector("[data-quiz-title], h1")?.textContent.trim() || "";
  const day = new Date().toLocaleDateString(undefined, { day: "numeric", month: "long", year: "numeric" });
  return element("p", { class: "results__print-line", text: [site, title, day].filter(Boolean).join(" · ") });
}

export function renderResults(quiz, result) {
  const p = quiz.prefix;
  useDisplayOf(quiz);
  const heading = quiz.results.querySelector(`#${CSS.escape(p)}results-title`);
  const body = quiz.results.querySelector("[data-role=results-body]");
  const overview = renderOverview(p, result);
  const actions = resultActions();
  body.replaceChildren(
    printLine(quiz),
    element("p", { class: "results__headline", "data-role": "headline", text: headline(result) }),
    element("p", { class: "results__intro", text: "Worked out on this device. Nothing you answered has left it." }),
    // Top first: the overview and the one next step, then what is behind them.
    ...[overview, renderExtra(p, result.extra), renderNextStep(p, result.recommendations),
      renderQuiz(quiz, p, result), renderProfile(p, result.profile),
      renderDimensions(p, result.dimensions, !overview), renderFeedback(quiz, p, result),
      renderNotes(p, result.notes)].filter(Boolean),
    actions,
  );
  showResults(quiz, heading);
}

// Print and Start over, below every result.
export function resultActions() {
  return element("div", { class: "button-row results__actions" },
    element("button", { type: "button", class: "button", "data-action": "print", text: "Print or save as PDF" }),
    element("button", { type: "button", class: "button button--quiet", "data-action": "restart", text: "Start over" }));
}

// The filled results region shown, and focus moved to its heading.
export function showResults(quiz, heading) {
  quiz.results.classList.remove("results--stale");
  quiz.results.hidden = false;
  quiz.container.classList.add("has-results");
  document.body.classList.add("has-results");
  // Focus for screen readers and the keyboard; the heading at the top of the
  // screen for everyone, so the headline and the overview are what they see.
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: "start" });
}

// An answer changed after the result: the result says it is out of date,
// with one tap to bring it up to date.
export function markStale(quiz) {
  if (quiz.results.hidden || quiz.results.classList.contains("results--stale")) return;
  quiz.results.classList.add("results--stale");
  const notice = element("div", { class: "results__stale", "data-role": "stale", role: "status" },
    element("p", { text: "You changed an answer, so these results are out of date." }),
    element("button", { type: "button", class: "button", "data-action": "refresh", text: "Update my results" }));
  quiz.results.querySelector("[data-role=results-body]").prepend(notice);
}

// "Start over" asks first: it clears every answer.
export function confirmStartOver(quiz, button) {
  const row = button.closest(".results__actions");
  if (row.querySelector("[data-role=confirm]")) return;
  const confirm = element("div", { class: "results__confirm", "data-role": "confirm", role: "group", "aria-label": "Start over?" },
    element("p", { text: "This clears the answers above and their results." }),
    element("button", { type: "button", class: "button", "data-action": "confirm-restart", text: "Clear my answers" }),
    element("button", { type: "button", class: "button button--quiet", "data-action": "keep", text: "Keep them" }));
  row.after(confirm);
  confirm.querySelector("[data-action=keep]").focus();
}
