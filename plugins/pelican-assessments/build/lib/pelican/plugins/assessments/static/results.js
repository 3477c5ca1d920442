// Rendering a result as the reader sees it: plain data from the engine in,
// accessible HTML out (text equivalents beside every bar).

import { policy, siteRootUrl } from "./policy.js";

const SVG = "http://www.w3.org/2000/svg";

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
  // Links in results are relative to the site root (see the plugin's links.py).
  return new URL(relative, siteRootUrl).href;
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
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 100 8");
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("class", "bar");
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
  return svg;
}

function block(id, title, ...children) {
  return element("section", { class: "results__block", "aria-labelledby": id },
    element("h3", { id, text: title }), ...children);
}

function questionText(quiz, questionId) {
  const text = quiz.form.querySelector(`[data-question="${CSS.escape(questionId)}"] .question__text`);
  return text ? text.firstChild.textContent.trim() : "";
}

function optionLabel(quiz, questionId, value) {
  const input = quiz.form.querySelector(
    `[data-question="${CSS.escape(questionId)}"] input[value="${CSS.escape(value)}"]`,
  );
  const label = input && quiz.form.querySelector(`label[for="${CSS.escape(input.id)}"]`);
  return label ? label.textContent.trim() : value;
}

function renderDimensions(p, dimensions) {
  if (!dimensions.length) return null;
  const list = element("ul", { class: "dimension-list", role: "list" });
  for (const dimension of dimensions) {
    const scored = dimension.score !== null;
    const summary = scored
      ? `${dimension.score} out of 100${dimension.band ? `: ${dimension.band.label}` : ""}`
      : "Not enough answers to score";
    list.append(
      element("li", { class: "dimension", "data-dimension": dimension.id, "data-score": String(dimension.score) },
        element("h4", { class: "dimension__title" },
          element("span", { text: dimension.title }),
          element("span", { class: "dimension__score", text: summary })),
        scored ? scoreBar(dimension.score) : null,
        dimension.band && dimension.band.text ? withSiteLinks(dimension.band.text) : null),
    );
  }
  return block(`${p}results-dimensions`, "Where you are", list);
}

function renderProfile(p, profile) {
  if (!profile.length) return null;
  const heading = profile.length > 1
    ? `Your style is a blend: ${profile.map((item) => item.title).join(" and ")}`
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
    const scale = Math.min(100, Math.round((extra.ratio / (extra.target * 2)) * 100));
    section.append(element("p", { class: "ratio", text: `${extra.ratio} to 1, against ${extra.target} to 1` }), scoreBar(scale));
  }
  return section;
}

function renderNotes(p, notes) {
  if (!notes.length) return null;
  return block(`${p}results-notes`, "Ideas to try",
    element("ul", {}, ...notes.map((note) => element("li", { text: note }))));
}

function renderRecommendations(p, recommendations) {
  if (!recommendations.length) return null;
  return block(`${p}results-next`, "Read next",
    element("ul", { class: "next-list" }, ...recommendations.map((rec) =>
      element("li", {},
        element("a", { href: siteUrl(rec.url), text: rec.title || rec.slug }),
        rec.reason ? element("span", { class: "next-list__reason", text: ` ${rec.reason}` }) : null))));
}

export function renderResults(quiz, result) {
  const p = quiz.prefix;
  const heading = element("h2", { id: `${p}results-title`, class: "results__title", tabindex: "-1", text: "Your results" });
  const actions = element("div", { class: "button-row results__actions" },
    element("button", { type: "button", class: "button", "data-action": "print", text: "Print or save as PDF" }),
    element("button", { type: "button", class: "button button--quiet", "data-action": "restart", text: "Start over" }));
  quiz.results.replaceChildren(
    heading,
    element("p", { class: "results__intro", text: "Worked out on this device. Nothing you answered has left it." }),
    // The headline first: a score, a balance or a style, then what is behind it.
    ...[renderQuiz(quiz, p, result), renderExtra(p, result.extra), renderProfile(p, result.profile),
      renderDimensions(p, result.dimensions), renderFeedback(quiz, p, result), renderNotes(p, result.notes),
      renderRecommendations(p, result.recommendations)].filter(Boolean),
    actions,
  );
  quiz.results.hidden = false;
  quiz.container.classList.add("has-results");
  document.body.classList.add("has-results");
  heading.focus();
}
