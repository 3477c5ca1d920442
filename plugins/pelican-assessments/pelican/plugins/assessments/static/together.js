// Taking an assessment together, with nothing sent anywhere.
//
// One phone, passed between partners: the first answers, their answers stay
// in this page's memory (their result is not shown), the form is cleared for
// the second, and both then see the comparison. Two phones: after a result,
// a link that holds the answers after "#", which browsers never send to a
// server; the page that opens it reads it, removes it from the address bar
// and from history at once, and compares once its reader has answered. The
// link may be locked with a word (AES-GCM, key from the word by PBKDF2), so a
// link seen by anyone else reveals nothing without the word said aloud.
//
// The engine (Python, in the worker) packs and unpacks the answers and
// compares them; this module only moves them between the form, the link and
// the worker. Names the readers type are labels kept in memory only.

import { renderComparison } from "./comparison.js";
import { element } from "./results.js";

// What the link carries after "#": FRAGMENT=TOKEN, the token the engine's pack()
// made (FORMAT.VERSION.DATA.CHECK), or, locked, FORMAT.VERSION.LOCKED.SALT.IV.CIPHERTEXT.
const FRAGMENT = "together";
const LOCKED = "k";
const PBKDF2_ITERATIONS = 600000; // slow to guess, still well under a second on a phone
const WRONG_WORD = "That word does not unlock the link. Check it with your partner: capitals and spaces count.";

// Read as early as the module runs, before anything else can see it, and
// gone from the address bar and from this history entry straight away.
const received = (() => {
  const prefix = `#${FRAGMENT}=`;
  if (!location.hash.startsWith(prefix)) return null;
  const token = location.hash.slice(prefix.length);
  history.replaceState(history.state, "", location.pathname + location.search);
  return token;
})();

const bytesToText = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const textToBytes = (text) => Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));

async function keyFrom(word, salt, use) {
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(word.normalize("NFC")), "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "PBKDF2", salt, iterations: PBKDF2_ITERATIONS, hash: "SHA-256" },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    [use],
  );
}

// The version stays readable in front (and is bound to the ciphertext as
// additional data), so a link for another version is refused before the word.
async function lock(token, word) {
  const [format, version] = token.split(".");
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await keyFrom(word, salt, "encrypt");
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(`${format}.${version}`) },
    key,
    new TextEncoder().encode(token),
  );
  return [format, version, LOCKED, bytesToText(salt), bytesToText(iv), bytesToText(new Uint8Array(sealed))].join(".");
}

// The token inside a locked link, or null when the word (or the link) is wrong.
async function unlock(link, word) {
  const [format, version, , salt, iv, sealed] = link.split(".");
  try {
    const key = await keyFrom(word, textToBytes(salt), "decrypt");
    const opened = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: textToBytes(iv), additionalData: new TextEncoder().encode(`${format}.${version}`) },
      key,
      textToBytes(sealed),
    );
    return new TextDecoder().decode(opened);
  } catch {
    return null;
  }
}

const isLocked = (link) => link.split(".")[2] === LOCKED;
const canLock = Boolean(globalThis.crypto?.subtle);

function field(id, label, attributes = {}) {
  return element("p", { class: "together__field" },
    element("label", { for: id, text: label }),
    element("input", { id, type: "text", autocomplete: "off", spellcheck: "false", ...attributes }));
}

export class Together {
  constructor(quiz) {
    this.quiz = quiz;
    this.panel = quiz.container.querySelector("[data-role=together]");
    this.body = this.panel.querySelector("[data-role=together-body]");
    this.passButton = quiz.form.querySelector("[data-role=pass]");
    this.offer = quiz.form.querySelector("[data-role=together-offer]");
    this.heading = quiz.results.querySelector(".results__title");
    this.resultsTitle = this.heading.textContent;
    this.mode = null; // null | "here" (one phone) | "link" (a partner's link)
    this.step = ""; // here: "pass" | "second"; link: "locked" | "reading" | "ready"
    this.first = null; // the first person's answers (here) or the partner's (link)
    this.token = "";
    this.names = ["", ""];
    this.reading = null; // while the partner's link is being read: its promise
    this.showOffer(true);
    this.panel.addEventListener("click", (event) => this.onAction(event));
    this.panel.addEventListener("submit", (event) => event.preventDefault());
    this.panel.addEventListener("input", (event) => {
      const index = event.target.dataset.name;
      if (index !== undefined) this.names[Number(index)] = event.target.value.trim();
    });
    quiz.results.addEventListener("click", (event) => this.onAction(event));
    if (received) this.receive(received);
  }

  // The labels the comparison uses: the names typed, else plain words.
  labels() {
    const fallback = this.mode === "link" ? ["Your partner", "You"] : ["First partner", "Second partner"];
    return [this.names[0] || fallback[0], this.names[1] || fallback[1]];
  }

  show(...children) {
    this.body.replaceChildren(...children);
    this.panel.hidden = false;
  }

  showOffer(shown) {
    this.passButton.hidden = !shown;
    this.offer.hidden = !shown;
  }

  onAction(event) {
    const action = event.target.closest("[data-action]")?.dataset.action;
    if (action === "together-second") this.startSecond();
    if (action === "together-unlock") this.tryWord();
    if (action === "together-link") this.offerLink(event.target.closest("[data-action]"));
    if (action === "together-make-link") this.makeLink();
    if (action === "together-copy") this.copyLink();
    if (action === "together-share") navigator.share({ url: this.linkInput().value }).catch(() => {});
  }

  // ---- one phone -----------------------------------------------------------

  // The first person's answers are in: kept, the form cleared, and a screen
  // that hands the phone over. Returns whether it took the answers.
  takeFirst(answers) {
    if (this.mode) return false;
    this.mode = "here";
    this.step = "pass";
    this.first = answers;
    this.quiz.clearForm();
    this.quiz.form.hidden = true;
    this.showOffer(false);
    const p = this.quiz.prefix;
    const title = element("p", { class: "together__pass", tabindex: "-1", text: "Now pass it to your partner." });
    this.show(
      title,
      element("p", { text: "The first answers are kept on this page, hidden, until you have both answered. Nothing has been sent anywhere." }),
      element("div", { class: "together__names", role: "group", "aria-label": "Your names, if you like (kept only on this page)" },
        field(`${p}together-name-1`, "Who answered first? (optional)", { "data-name": "0" }),
        field(`${p}together-name-2`, "Who answers now? (optional)", { "data-name": "1" })),
      element("button", { type: "button", class: "button", "data-action": "together-second", text: "I'm the partner: start my answers" }),
    );
    title.focus();
    title.scrollIntoView({ block: "start" });
    return true;
  }

  startSecond() {
    this.step = "second";
    this.quiz.form.hidden = false;
    const [first, second] = this.names;
    const text = first && second
      ? `Now answering: ${second}. ${first}'s answers stay hidden until you finish.`
      : "Now it's your turn. Your partner's answers stay hidden until you finish.";
    this.show(element("p", { class: "together__lede", text }));
    this.quiz.setButtonText("See how we compare");
    this.quiz.focusTop();
  }

  // ---- a partner's link ----------------------------------------------------

  receive(link) {
    this.mode = "link";
    this.token = link;
    this.showOffer(false);
    const version = link.split(".")[1];
    // A locked link for this version asks for the word; anything else goes to
    // the engine, which reads it or says why not (old, cut short, changed).
    if (isLocked(link) && version === this.quiz.form.dataset.version && canLock) {
      this.step = "locked";
      const p = this.quiz.prefix;
      this.show(
        element("p", { class: "together__lede", text: "Your partner sent you their answers, locked with a word. Type the word they told you to unlock them." }),
        element("form", { class: "together__unlock" },
          field(`${p}together-word`, "The word", { "data-role": "together-word", autocapitalize: "off" }),
          element("button", { type: "submit", class: "button", "data-action": "together-unlock", text: "Unlock" })),
        element("p", { class: "together__problem", "data-role": "together-problem", role: "alert" }),
      );
      return;
    }
    this.read(link);
  }

  async tryWord() {
    const input = this.body.querySelector("[data-role=together-word]");
    const problem = this.body.querySelector("[data-role=together-problem]");
    problem.textContent = "";
    const token = await unlock(this.token, input.value);
    if (token === null) {
      problem.textContent = WRONG_WORD;
      input.focus();
      return;
    }
    this.read(token);
  }

  read(token) {
    this.reading = this.readNow(token).finally(() => {
      this.reading = null;
    });
  }

  async readNow(token) {
    this.step = "reading";
    this.show(element("p", { class: "together__lede", role: "status", text: "Reading your partner's answers…" }));
    const outcome = await this.quiz.ask("unpack", { token });
    if (outcome.cancelled) return;
    if (outcome.error) {
      this.mode = null;
      this.showOffer(true);
      this.show(element("p", { class: "together__problem", role: "alert", text: outcome.error }),
        element("p", { text: "You can still answer on your own." }));
      return;
    }
    this.first = outcome.result;
    this.step = "ready";
    const p = this.quiz.prefix;
    this.show(
      element("p", { class: "together__lede", role: "status", text: "Your partner's answers are here, hidden until you have answered. Answer the questions yourself, then see how your answers compare." }),
      element("div", { class: "together__names", role: "group", "aria-label": "Names, if you like (kept only on this page)" },
        field(`${p}together-name-2`, "Your name (optional)", { "data-name": "1" }),
        field(`${p}together-name-1`, "Your partner's name (optional)", { "data-name": "0" })),
    );
    this.quiz.setButtonText("See how we compare");
  }

  // ---- making a link, after one person's result ------------------------------

  // Before one person's result is drawn (hidden first: hiding it after would
  // move the result up under the top of the screen): the link is the way to
  // compare now.
  beforeResult() {
    if (!this.mode) this.showOffer(false);
  }

  afterResult() {
    if (this.mode) return;
    const row = this.quiz.results.querySelector(".results__actions");
    if (!row || row.querySelector("[data-action=together-link]")) return;
    row.append(element("button", { type: "button", class: "button button--quiet", "data-action": "together-link", text: "Compare with your partner" }));
  }

  offerLink(button) {
    const existing = this.quiz.results.querySelector("[data-role=together-share]");
    if (existing) {
      existing.querySelector("input, button").focus();
      return;
    }
    const p = this.quiz.prefix;
    const panel = element("section", { class: "together-share", "data-role": "together-share", "aria-labelledby": `${p}together-share-title` },
      element("h3", { id: `${p}together-share-title`, text: "Compare with your partner" }),
      element("p", { text: "This makes a link that holds your answers. Your partner opens it, answers the same questions, and sees how your answers compare." }),
      element("p", { class: "together__warning", text: "Anyone who gets the link, and the app you send it through, could read your answers. Nothing is sent unless you send it yourself." }),
      canLock ? field(`${p}together-lock`, "Lock it with a word (optional). Tell your partner the word out loud, not in the same message.", { "data-role": "together-lock", autocapitalize: "off" }) : null,
      element("button", { type: "button", class: "button", "data-action": "together-make-link", text: "Make the link" }),
      element("div", { "data-role": "together-link-out", role: "status" }));
    button.closest(".results__actions").after(panel);
    panel.querySelector("input, [data-action=together-make-link]").focus();
  }

  async makeLink() {
    const panel = this.quiz.results.querySelector("[data-role=together-share]");
    const out = panel.querySelector("[data-role=together-link-out]");
    const outcome = await this.quiz.ask("pack", { answers: this.quiz.collectAnswers() });
    if (outcome.error || outcome.cancelled) {
      out.replaceChildren(element("p", { class: "together__problem", text: outcome.error || "" }));
      return;
    }
    const word = panel.querySelector("[data-role=together-lock]")?.value || "";
    const token = word ? await lock(outcome.result, word) : outcome.result;
    const url = `${location.origin}${location.pathname}#${FRAGMENT}=${token}`;
    const p = this.quiz.prefix;
    out.replaceChildren(
      element("p", { class: "together__field" },
        element("label", { for: `${p}together-link`, text: word ? "Your link, locked with your word" : "Your link" }),
        element("input", { id: `${p}together-link`, type: "text", readonly: "", value: url, "data-role": "together-link" })),
      element("div", { class: "button-row" },
        element("button", { type: "button", class: "button", "data-action": "together-copy", text: "Copy the link" }),
        "share" in navigator ? element("button", { type: "button", class: "button button--quiet", "data-action": "together-share", text: "Share…" }) : null),
      element("p", { "data-role": "together-copied" }));
    this.linkInput().focus();
    this.linkInput().select();
  }

  linkInput() {
    return this.quiz.results.querySelector("[data-role=together-link]");
  }

  async copyLink() {
    const input = this.linkInput();
    const said = this.quiz.results.querySelector("[data-role=together-copied]");
    try {
      await navigator.clipboard.writeText(input.value);
      said.textContent = "Copied. Send it to your partner.";
    } catch {
      input.select();
      said.textContent = "Selected: copy it with your phone's Copy.";
    }
  }

  // ---- comparing -------------------------------------------------------------

  // What the form's button asks the worker for: a comparison once the other
  // person's answers are in, else nothing (an ordinary result).
  request(answers) {
    const ready = (this.mode === "here" && this.step === "second") || (this.mode === "link" && this.step === "ready");
    return ready ? { type: "compare", payload: { answers: [this.first, answers] } } : null;
  }

  // Whether the partner's answers are still being read or unlocked: the
  // button waits for them rather than scoring alone.
  pending() {
    return this.mode === "link" && (this.step === "locked" || this.step === "reading");
  }

  showComparison(comparison) {
    this.heading.textContent = "How your answers compare";
    const labels = this.labels();
    const named = this.names[0] && this.names[1];
    const both = this.mode === "link" && !named ? "You and your partner" : `${labels[0]} and ${labels[1]}`;
    renderComparison(this.quiz, comparison, { labels, both, mode: this.mode });
    this.panel.hidden = true;
  }

  // Start over: both people's answers go, and the page is as first opened.
  reset() {
    this.mode = null;
    this.step = "";
    this.first = null;
    this.token = "";
    this.names = ["", ""];
    this.heading.textContent = this.resultsTitle;
    this.body.replaceChildren();
    this.panel.hidden = true;
    this.quiz.form.hidden = false;
    this.quiz.setButtonText(null);
    this.showOffer(true);
  }
}
