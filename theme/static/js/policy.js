// The one Trusted Types policy of the pages that run scripts, and the two
// URLs it is allowed to start.

const { siteRoot, serviceWorker } = document.documentElement.dataset;
export const siteRootUrl = new URL(siteRoot || "./", location.href);
export const serviceWorkerUrl = serviceWorker ? new URL(serviceWorker, siteRootUrl).href : null;

// Trusted Types: the page's policy lets only this named policy create script
// URLs and HTML. The HTML comes from the site's own compiled package (authors'
// Markdown rendered at build time), never from the reader.
export const policy = window.trustedTypes
  ? window.trustedTypes.createPolicy("closer", {
      createScriptURL: (url) => {
        if (url.startsWith("blob:") || url === serviceWorkerUrl) return url;
        throw new TypeError("Only the scoring worker and the site's service worker may start.");
      },
      createHTML: (html) => html,
    })
  : { createScriptURL: (url) => url, createHTML: (html) => html };
