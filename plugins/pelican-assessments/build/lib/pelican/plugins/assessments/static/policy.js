// The one Trusted Types policy of the pages that run scripts, and the two
// URLs it is allowed to start. Its name, like every name the build defines,
// comes from the build: the contract each form carries (data-contract).

const contractHolder = document.querySelector("form[data-contract]");
export const contract = contractHolder ? JSON.parse(contractHolder.dataset.contract) : null;

// The site root, from this script's own place in the site; the service
// worker, when the theme names one (data-service-worker on <html>, relative to
// the site root).
export const siteRootUrl = new URL(contract ? contract.siteRoot : "./", import.meta.url);
const { serviceWorker } = document.documentElement.dataset;
export const serviceWorkerUrl = serviceWorker ? new URL(serviceWorker, siteRootUrl).href : null;

// Trusted Types: the page's policy lets only this named policy create script
// URLs and HTML. The HTML comes from the site's own compiled package (authors'
// Markdown rendered at build time), never from the reader.
export const policy = window.trustedTypes && contract
  ? window.trustedTypes.createPolicy(contract.trustedTypesPolicy, {
      createScriptURL: (url) => {
        if (url.startsWith("blob:") || url === serviceWorkerUrl) return url;
        throw new TypeError("Only the scoring worker and the site's service worker may start.");
      },
      createHTML: (html) => html,
    })
  : { createScriptURL: (url) => url, createHTML: (html) => html };
