// Two people's results side by side, as the engine's compare() gave them:
// a headline, one chart with both people (and its table twin), the
// differences with the author's conversation prompts, then the rest.
// Names are the labels the readers typed, inserted as text only.

import {
  block,
  element,
  optionLabel,
  printLine,
  questionText,
  resultActions,
  scoreBar,
  showResults,
  useDisplayOf,
  withSiteLinks,
} from "./results.js";

// A blend of more styles than this is answers spread, with no style leading.
const MOST_NEEDS = 2;

function amount(quiz, score) {
  return quiz.form.dataset.display === "shares" ? `about ${score}%` : `${score} of 100`;
}

function titleOf(comparison, id) {
  return comparison.dimensions.find((d) => d.id === id)?.title || id;
}

function names(list) {
  if ("ListFormat" in Intl) return new Intl.ListFormat(document.documentElement.lang || "en").format(list);
  return list.join(", ");
}

function comparisonHeadline(comparison, both) {
  const scored = comparison.dimensions.filter((d) => d.difference !== null);
  if (comparison.differ.length) {
    return `Where you differ most: ${titleOf(comparison, comparison.differ[0])}.`;
  }
  if (scored.length) return `${both} answered alike on every area.`;
  const differing = comparison.choices.filter((choice) => !choice.same).length;
  if (comparison.choices.length) {
    return differing
      ? `${both} answered ${differing} of ${comparison.choices.length} questions differently.`
      : `${both} gave the same answers.`;
  }
  return "Here is how your answers compare.";
}

// Both people on every area both scored: two bars per area for the eye, a
// table for a screen reader (the chart is hidden from assistive technology).
function renderChart(quiz, p, comparison, labels) {
  const rows = comparison.dimensions.filter((d) => d.difference !== null);
  if (!rows.length) return null;
  const chart = element("div", { class: "overview overview--pair", "aria-hidden": "true" },
    element("p", { class: "pair-key" },
      element("span", { class: "pair-key__item pair-key__item--first", text: labels[0] }),
      element("span", { class: "pair-key__item pair-key__item--second", text: labels[1] })),
    ...rows.map((d) => element("div", { class: "overview__row", "data-dimension": d.id },
      element("span", { class: "overview__name", text: d.title }),
      ...d.scores.map((score, index) => element("div", { class: `pair-bar pair-bar--${index ? "second" : "first"}` },
        element("span", { class: "pair-bar__label", text: `${labels[index]}: ${amount(quiz, score)}` }),
        scoreBar(score, `overview__bar bar--${index ? "second" : "first"}`))))));
  const table = element("table", { class: "visually-hidden", "data-role": "comparison-table" },
    element("caption", { text: quiz.form.dataset.display === "shares" ? "Your answers, in shares of 100" : "Your scores, out of 100" }),
    element("thead", {}, element("tr", {},
      element("th", { scope: "col", text: "Area" }),
      element("th", { scope: "col", text: labels[0] }),
      element("th", { scope: "col", text: labels[1] }),
      element("th", { scope: "col", text: "Difference" }))),
    element("tbody", {}, ...rows.map((d) => element("tr", { "data-dimension": d.id },
      element("th", { scope: "row", text: d.title }),
      element("td", { text: String(d.scores[0]) }),
      element("td", { text: String(d.scores[1]) }),
      element("td", { text: String(d.difference) })))));
  return block(`${p}compare-overview`, "At a glance", chart, table);
}

function renderPrompts(p, comparison) {
  if (!comparison.prompts.length) return null;
  return block(`${p}compare-prompts`, "To talk about together",
    element("ul", { class: "feedback-list", role: "list" },
      ...comparison.prompts.map((prompt) => element("li", { "data-prompt": prompt.about },
        element("p", { class: "feedback__question", text: prompt.title }),
        withSiteLinks(prompt.text)))));
}

function renderAgreement(p, comparison) {
  const apart = comparison.differ.map((id) => comparison.dimensions.find((d) => d.id === id));
  const alike = comparison.agree.map((id) => comparison.dimensions.find((d) => d.id === id));
  if (!apart.length && !alike.length) return null;
  return block(`${p}compare-areas`, "Where you agree and differ",
    apart.length ? element("h4", { text: "Further apart" }) : null,
    apart.length ? element("ul", { "data-role": "differ" }, ...apart.map((d) =>
      element("li", { text: `${d.title}: ${d.difference} points apart` }))) : null,
    alike.length ? element("h4", { text: "Close together" }) : null,
    alike.length ? element("ul", { "data-role": "agree" }, ...alike.map((d) =>
      element("li", { text: d.title }))) : null);
}

function answerText(quiz, question, value) {
  if (Array.isArray(value)) return value.length ? value.map((v) => optionLabel(quiz, question, v)).join("; ") : "none of these";
  return typeof value === "string" ? optionLabel(quiz, question, value) : String(value);
}

function renderChoices(quiz, p, comparison, labels) {
  if (!comparison.choices.length) return null;
  return block(`${p}compare-answers`, "Your answers side by side",
    element("ul", { class: "feedback-list", role: "list" }, ...comparison.choices.map((choice) =>
      element("li", { "data-choice": choice.question, "data-same": String(choice.same) },
        element("p", { class: "feedback__question", text: questionText(quiz, choice.question) }),
        choice.same
          ? element("p", { text: `Both: ${answerText(quiz, choice.question, choice.answers[0])}` })
          : element("p", {}, ...choice.answers.map((value, index) =>
            element("span", { class: "pair-answer", text: `${labels[index]}: ${answerText(quiz, choice.question, value)}` })))))));
}

// The style check: what each person's style needs from the other, for one
// style or a blend of two (answers spread wider name no style that leads).
function renderNeeds(p, comparison, labels) {
  const lists = comparison.needs.map((list) => (list.length > MOST_NEEDS ? [] : list));
  if (!lists.some((list) => list.length)) return null;
  const section = block(`${p}compare-needs`, "What each of you needs");
  lists.forEach((list, index) => {
    if (!list.length) return;
    section.append(element("div", { class: "profile", "data-person": String(index) },
      element("h4", { text: `${labels[index]}: ${names(list.map((need) => need.title))}` }),
      ...list.map((need) => withSiteLinks(need.text))));
  });
  return section;
}

// One person's result in a line that reads the same for either of them
// (the results page's headline speaks to "you").
function summary(quiz, result) {
  if (result.profile.length > MOST_NEEDS) return `answers spread across ${result.profile.length} styles`;
  if (result.profile.length) return names(result.profile.map((item) => item.title));
  if (result.extra && typeof result.extra.ratio === "number") return `about ${result.extra.ratio} warm moments for every hard one`;
  const scored = result.dimensions.filter((d) => d.score !== null);
  if (scored.length === 1) {
    const [d] = scored;
    return `${d.title}: ${d.band ? `${d.band.label}, ` : ""}${amount(quiz, d.score)}`;
  }
  if (!scored.length) return "not enough answers to score";
  const strongest = scored.reduce((a, b) => (b.score > a.score ? b : a));
  const lowest = scored.reduce((a, b) => (b.score < a.score ? b : a));
  if (strongest.score === lowest.score) return "even across every area";
  return `strongest in ${strongest.title}, most room to grow in ${lowest.title}`;
}

function renderEach(quiz, p, comparison, labels) {
  return block(`${p}compare-each`, "Each of you",
    element("ul", {}, ...comparison.results.map((result, index) =>
      element("li", { "data-person": String(index), text: `${labels[index]}: ${summary(quiz, result)}.` }))));
}

// `labels`: what to call each person; `both`: the two of them in a sentence.
export function renderComparison(quiz, comparison, { labels, both, mode }) {
  const p = quiz.prefix;
  useDisplayOf(quiz);
  const heading = quiz.results.querySelector(`#${CSS.escape(p)}results-title`);
  const body = quiz.results.querySelector("[data-role=results-body]");
  const where = mode === "link"
    ? "Worked out on this device. Your answers have not left it; your partner's came in the link they sent."
    : "Worked out on this device. Nothing either of you answered has left it, and it is gone when you start over or close the page.";
  body.replaceChildren(
    printLine(quiz),
    element("p", { class: "results__headline", "data-role": "headline", text: comparisonHeadline(comparison, both) }),
    element("p", { class: "results__intro", text: where }),
    ...[renderChart(quiz, p, comparison, labels), renderPrompts(p, comparison), renderAgreement(p, comparison),
      renderNeeds(p, comparison, labels), renderChoices(quiz, p, comparison, labels),
      renderEach(quiz, p, comparison, labels)].filter(Boolean),
    resultActions(),
  );
  showResults(quiz, heading);
}
