// Firefox for the browser tests, through the WebDriver BiDi that Firefox has
// built in (puppeteer-core, so no geckodriver and no browser download).
// Driven by tests/browser/engines.py: one JSON command a line on stdin, one
// JSON answer a line on stdout, {id, value} or {id, error}.
//
// Usage: node firefox.mjs /usr/bin/firefox-esr

import { createInterface } from "node:readline";
import puppeteer from "puppeteer-core";

const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: process.argv[2],
  headless: true,
  extraPrefsFirefox: {
    // Nothing but the site under test: no update checks, telemetry or
    // remote settings (the request audits would see them, and they would fail
    // on a closed network anyway).
    "app.update.enabled": false,
    "browser.safebrowsing.malware.enabled": false,
    "browser.safebrowsing.phishing.enabled": false,
    "datareporting.policy.dataSubmissionEnabled": false,
    "network.captive-portal-service.enabled": false,
    "network.connectivity-service.enabled": false,
  },
});

const sessions = new Map();
let nextSession = 1;

// One reader: a fresh browser context (its own cache, storage and service
// workers) with one page, whose console and requests are recorded.
async function open() {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const session = { context, page, console: [], requests: [] };
  page.on("console", (message) =>
    session.console.push({ type: message.type(), text: message.text(), url: message.location()?.url ?? "" }),
  );
  page.on("pageerror", (error) =>
    session.console.push({ type: "pageerror", text: error.message, url: error.stack ?? "" }),
  );
  page.on("request", (request) =>
    session.requests.push({
      url: request.url(),
      method: request.method(),
      headers: request.headers(),
      // BiDi does not give request bodies to puppeteer yet; the test server
      // records every body it receives instead.
    }),
  );
  const id = nextSession++;
  sessions.set(id, session);
  return id;
}

const ops = {
  open,
  async close({ session }) {
    await sessions.get(session).context.close();
    sessions.delete(session);
  },
  async goto({ session, url }) {
    await sessions.get(session).page.goto(url, { waitUntil: "load" });
  },
  async reload({ session }) {
    await sessions.get(session).page.reload({ waitUntil: "load" });
  },
  async click({ session, selector }) {
    await sessions.get(session).page.locator(selector).click();
  },
  async fill({ session, selector, text }) {
    await sessions.get(session).page.locator(selector).fill(text);
  },
  async evaluate({ session, expression }) {
    // A string is evaluated as an expression, its promise awaited.
    return sessions.get(session).page.evaluate(`(async () => (${expression}))()`);
  },
  async waitFor({ session, selector, timeout }) {
    await sessions.get(session).page.waitForSelector(selector, { timeout });
  },
  async setOffline({ session, offline }) {
    await sessions.get(session).page.setOfflineMode(offline);
  },
  async log({ session }) {
    const { console, requests } = sessions.get(session);
    return { console, requests };
  },
  async version() {
    return browser.version();
  },
};

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const { id, op, args } = JSON.parse(line);
  let answer;
  try {
    answer = { id, value: (await ops[op](args ?? {})) ?? null };
  } catch (error) {
    answer = { id, error: String(error?.message ?? error) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
}
await browser.close();
