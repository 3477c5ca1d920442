// The scoring worker: loads the self-hosted Pyodide runtime and the site's
// compiled assessment package, then scores answers. It is started from a blob:
// URL by the page script, so it runs under the page's own Content-Security-Policy
// (connect-src 'self': it cannot send anything to another origin).
//
// Protocol: {id, type, payload} in; {id, result} or {id, error} out, and
// {type: "stage", stage, detail} as loading goes on. The first message is
// {type: "init", payload: {runtime, package}}: the absolute URLs of the runtime
// and package folders, whose names carry content hashes. Data crosses the
// JavaScript/Python boundary as JSON strings.

const PACKAGE = "closer-assessments";

// Eight bytes: the smallest valid WebAssembly module. Compiling it fails at once
// when the policy lacks 'wasm-unsafe-eval', where loadPyodide would hang forever.
const EMPTY_MODULE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);

const SCORE_PY = `
import json
import assessment_engine

def score_json(assessment_id, answers_json):
    try:
        result = assessment_engine.score(assessment_id, json.loads(answers_json))
    except assessment_engine.AnswerError as error:
        return json.dumps({"error": str(error)})
    return json.dumps({"result": result})

# The engine is built on first use; building it here, before "ready", makes
# the reader's first result as quick as any later one.
assessment_engine.catalog()
score_json
`;

let scorer = null;

const RUNTIME_FILES = ["pyodide.asm.wasm", "pyodide.asm.js", "python_stdlib.zip"];

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

async function start({ runtime, package: packageUrl }) {
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
  const lockFileURL = `${packageUrl}pyodide-lock.json`;
  const { loadPyodide } = await import(`${runtime}pyodide.mjs`);
  const pyodide = await Promise.race([
    loadPyodide({ indexURL: runtime, lockFileURL, fullStdLib: false, packages: [PACKAGE] }).catch(
      () => Promise.reject(new Error("The scoring engine could not be started.")),
    ),
    runtimeMissing([...RUNTIME_FILES.map((name) => runtime + name), lockFileURL]),
  ]);
  // A wheel that fails its sha256 check is logged, not thrown: check explicitly.
  if (!pyodide.loadedPackages[PACKAGE]) {
    throw new Error("The scoring package could not be loaded or did not pass its integrity check.");
  }
  stage("loading", "package");
  scorer = pyodide.runPython(SCORE_PY);
  stage("ready");
}

// Resolves to true when scoring can run, false when loading failed (already reported).
let ready = null;

self.onmessage = async ({ data }) => {
  const { id, type, payload } = data || {};
  if (type === "init" && !ready) {
    ready = start(payload).then(
      () => true,
      (error) => {
        stage("failed", String(error && error.message ? error.message : error));
        return false;
      },
    );
    return;
  }
  if (type !== "score" || !ready) {
    postMessage({ id, error: `Unrecognised message type: ${type}` });
    return;
  }
  if (!(await ready)) {
    postMessage({ id, error: "The scoring engine is not available." });
    return;
  }
  try {
    const outcome = JSON.parse(scorer(payload.assessment, JSON.stringify(payload.answers)));
    postMessage({ id, ...outcome });
  } catch {
    // Never a traceback for the reader; AnswerError is handled in Python.
    postMessage({ id, error: "Something went wrong while scoring. Your answers are still here." });
  }
};
