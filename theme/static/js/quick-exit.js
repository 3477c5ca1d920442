// Quick exit: the "Leave this site" link, or Escape pressed twice, swaps this
// page for a neutral one at once. location.replace() overwrites the current
// history entry, so the Back button does not lead to the page that was open.
// Without this script the link still works as a plain link to the same place.
(() => {
  "use strict";
  const link = document.querySelector("a[data-quick-exit]");
  if (!link) return;
  const neutral = link.href;
  // Two presses of Escape this close together count as "leave now". One
  // press alone still closes menus and dialogs as it always does.
  const DOUBLE_PRESS_MS = 1500;
  let lastEscape = -Infinity;
  let leaving = false;

  function leave(event) {
    if (event) event.preventDefault();
    if (leaving) return;
    leaving = true;
    // Blank the page first, so nothing lingers on screen while the next one loads.
    document.documentElement.classList.add("is-leaving");
    window.location.replace(neutral);
  }

  link.addEventListener("click", (event) => {
    // A click with a modifier key is a reader asking for a new tab: let the browser do it.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    leave(event);
  });

  document.addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "Escape" || event.repeat) return;
      if (event.timeStamp - lastEscape <= DOUBLE_PRESS_MS) {
        leave(event);
      } else {
        lastEscape = event.timeStamp;
      }
    },
    true,
  );

  // Only now that the keys work is it true to say so.
  for (const hint of document.querySelectorAll("[data-quick-exit-hint]")) hint.hidden = false;
})();
