// The one check that does not depend on the page script: when that script, or
// any module it imports, cannot be had (or fails as it starts), its forms
// would be dead (submitting without it goes nowhere: form-action 'none'). A
// module of its own that imports nothing, so it runs however the others fare.
// The page script marks a page it has wired with the "js" class on <body>.

const MESSAGE =
  "Part of this page did not load, so your results cannot be worked out here. " +
  "Check your connection and reload the page (reloading may clear your answers).";

const forms = [...document.querySelectorAll("form.assessment-form")];
const wired = () => document.body.classList.contains("js");

if (document.querySelector("form.assessment-form[data-contract]")) {
  for (const form of forms) {
    form.addEventListener("submit", (event) => {
      if (wired()) return; // the page script answers
      event.preventDefault();
      const alert = form.querySelector("[data-role=alert]");
      alert.textContent = MESSAGE;
      alert.hidden = false;
      alert.focus();
    });
  }
  // Module scripts have all run (or failed) by the time the page has loaded.
  window.addEventListener("load", () => {
    if (wired()) return;
    for (const form of forms) form.querySelector("[data-role=status]").textContent = MESSAGE;
  });
}
