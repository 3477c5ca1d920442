// The scoring worker: loads the self-hosted Pyodide runtime and the site's
// compiled assessment package, then scores answers. It is started from a blob:
// URL by the page script, so it runs under the page's own Content-Security-Policy
// (connect-src 'self': it cannot send anything to another origin).
//
// The first message is {type: "init", payload: contract}: what the build
// wrote for the browser (the plugin's contract.py), with the runtime and
// package folders as absolute URLs. Every later message goes, as a JSON
// string, to the package's own worker module (contract.module, a real Python
// module in the wheel), whose reply is posted back as it is: the protocol is
// that module's. While loading, {type: "stage", stage, detail} reports progress.

// Eight bytes: the smallest valid WebAssembly module. Compiling it fails at once
// when the policy lacks 'wasm-unsafe-eval', where loadPyodide would hang forever.
const EMPTY_MODULE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);

let handle = null;

// Rejects when a runtime file cannot be had; otherwise never settles.
async function runtimeMissing(urls) {
  const answers = await Promise.all(
    urls.map((url) =>
      fetch(url, { method: "HEAD" }).then((response) => response.ok, () => false),
    ),
  );
  if (answers.includes(false)) throw new Error("Part of the scoring engine could not be downloaded.");
  return new Promise(() => {});
}

function stage(name, detail = "") {
  postMessage({ type: "stage", stage: name, detail });
}

async function start(contract) {
  const { runtime, package: packageUrl } = contract;
  stage("loading", "runtime");
  if (typeof WebAssembly !== "object") {
    throw new Error("This browser cannot run WebAssembly.");
  }
  try {
    new WebAssembly.Module(EMPTY_MODULE);
  } catch {
    throw new Error("This page's security settings do not allow the scoring engine to run.");
  }
  // loadPyodide never settles when a runtime file is missing (it logs and
  // waits), so the same files are checked alongside it and a missing one fails fast.
  // Our package is named at start-up: Pyodide downloads it while it boots,
  // instead of after.
  const lockFileURL = packageUrl + contract.lockFile;
  const { loadPyodide } = await import(runtime + contract.runtimeModule);
  const pyodide = await Promise.race([
    loadPyodide({
      indexURL: runtime,
      lockFileURL,
      fullStdLib: false,
      packages: [contract.distribution],
    }).catch(() => Promise.reject(new Error("The scoring engine could not be started."))),
    runtimeMissing([...contract.runtimeFiles.map((name) => runtime + name), lockFileURL]),
  ]);
  // A wheel that fails its sha256 check is logged, not thrown: check explicitly.
  if (!pyodide.loadedPackages[contract.distribution]) {
    throw new Error("The scoring package could not be loaded or did not pass its integrity check.");
  }
  stage("loading", "package");
  const module = pyodide.pyimport(contract.module);
  module.warm();
  handle = module.handle;
  stage("ready");
}

// Resolves to true when scoring can run, false when loading failed (already reported).
let ready = null;

self.onmessage = async ({ data }) => {
  const message = data || {};
  if (message.type === "init") {
    if (!ready) {
      ready = start(message.payload).then(
        () => true,
        (error) => {
          stage("failed", String(error && error.message ? error.message : error));
          return false;
        },
      );
    }
    return;
  }
  if (!ready || !(await ready)) {
    postMessage({ id: message.id, error: "The scoring engine is not available." });
    return;
  }
  try {
    postMessage(JSON.parse(handle(JSON.stringify(message))));
  } catch {
    // Never a traceback for the reader; AnswerError is handled in Python.
    postMessage({ id: message.id, error: "Something went wrong while scoring. Your answers are still here." });
  }
};
