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
// Markdown rendered and cleaned at build time), never from the reader; an
// author's scoring module could still put any text in a result, so every
// string is cleaned again here by the build's own allow-list (contract.html):
// parsed into an inert template, where nothing runs or loads, and anything
// not allowed removed before the HTML is used.
const ALWAYS_DROPPED = new Set(["script", "style", "template", "iframe", "object", "embed", "svg", "math", "noscript", "textarea", "title"]);

function allowedUrl(value, schemes) {
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(value);
  return !scheme || schemes.includes(scheme[1].toLowerCase());
}

export function cleanHtml(root, allowed) {
  const attributes = allowed.attributes;
  for (const node of [...root.querySelectorAll("*")]) {
    const tag = node.localName;
    if (!allowed.tags.includes(tag)) {
      if (ALWAYS_DROPPED.has(tag)) node.remove();
      else node.replaceWith(...node.childNodes); // the tag goes, its text stays
      continue;
    }
    for (const { name, value } of [...node.attributes]) {
      const known = (attributes["*"] || []).includes(name) || (attributes[tag] || []).includes(name);
      const url = name === "href" || name === "src";
      if (!known || (url && !allowedUrl(value, allowed.schemes))) node.removeAttribute(name);
    }
  }
}

let parsing = false; // while a string is parsed into the inert template below

// `html` parsed into an inert template and cleaned: nothing in it has run or loaded.
function parsedAndCleaned(html) {
  const template = document.createElement("template");
  parsing = true;
  try {
    template.innerHTML = trusted ? policy.createHTML(html) : html;
  } finally {
    parsing = false;
  }
  cleanHtml(template.content, contract.html);
  return template;
}

const trusted = Boolean(window.trustedTypes && contract);
export const policy = trusted
  ? window.trustedTypes.createPolicy(contract.trustedTypesPolicy, {
      createScriptURL: (url) => {
        if (url.startsWith("blob:") || url === serviceWorkerUrl) return url;
        throw new TypeError("Only the scoring worker and the site's service worker may start.");
      },
      // Raw only into the inert template; cleaned everywhere else.
      createHTML: (html) => (parsing ? html : parsedAndCleaned(html).innerHTML),
    })
  : { createScriptURL: (url) => url, createHTML: (html) => (contract ? parsedAndCleaned(html).innerHTML : html) };

// The cleaned nodes themselves, for the results: parsed once, not serialised
// and parsed again.
export function safeFragment(html) {
  return parsedAndCleaned(html).content;
}
