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
// that module's. While loading, {type: "stage", stage, detail} reports each
// stage, and {type: "progress", received, total} the bytes downloaded so far
// out of all the runtime's (the build's sizes, contract.sizes).

// Eight bytes: the smallest valid WebAssembly module. Compiling it fails at once
// when the policy lacks 'wasm-unsafe-eval', where loadPyodide would hang forever.
const EMPTY_MODULE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);

let handle = null;

// A failure the reader is told of in these words; any other error (a raw
// import error with its URL, a Python traceback) is told as STARTUP_FAILED.
class ReaderError extends Error {}
const DOWNLOAD_FAILED = "Part of the scoring engine could not be downloaded.";
const STARTUP_FAILED = "The scoring engine could not be started.";

// Rejects when a runtime file cannot be had; otherwise never settles.
async function runtimeMissing(urls) {
  const answers = await Promise.all(
    urls.map((url) =>
      fetch(url, { method: "HEAD" }).then((response) => response.ok, () => false),
    ),
  );
  if (answers.includes(false)) throw new ReaderError(DOWNLOAD_FAILED);
  return new Promise(() => {});
}

// Rejects when the runtime's wasm fails to compile (a truncated or corrupted
// file): Emscripten then aborts and loadPyodide never settles, yet the
// compile error itself comes at once. Otherwise never settles.
function wasmUncompiled() {
  return new Promise((_, reject) => {
    for (const name of ["instantiateStreaming", "instantiate", "compileStreaming", "compile"]) {
      const original = WebAssembly[name];
      if (typeof original !== "function") continue;
      WebAssembly[name] = function (...args) {
        const result = original.apply(this, args);
        result.catch((error) => {
          if (error instanceof WebAssembly.CompileError) reject(new ReaderError(DOWNLOAD_FAILED));
        });
        return result;
      };
    }
  });
}

function stage(name, detail = "") {
  postMessage({ type: "stage", stage: name, detail });
}

// Real progress, not a timer: every fetch Pyodide makes from this worker (the
// wasm, the standard library, the lockfile, our wheel) is read through a
// counter as its bytes arrive. The counted bytes are the decoded ones, as the
// build's sizes are, whatever the host's compression. The response keeps its
// status and headers, so the wasm still compiles while it streams.
//
// `gunzip`: URLs of files the build gzipped itself (the cut standard library:
// hosts send zip files uncompressed), decompressed here after counting. A host
// that decoded one already (Content-Encoding) hands over the zip itself.
const GZIP_MAGIC = [0x1f, 0x8b];
function countDownloads(sizes, gunzip) {
  const total = Object.values(sizes).reduce((sum, size) => sum + size, 0);
  let received = 0;
  let reported = 0;
  const report = (force = false) => {
    // At most a few hundred messages for the whole download.
    if (force || received - reported >= total / 200) {
      reported = received;
      postMessage({ type: "progress", received: Math.min(received, total), total });
    }
  };
  const fetchOnce = self.fetch.bind(self);
  self.fetch = async (...args) => {
    const response = await fetchOnce(...args);
    if (!response.body) return response;
    const url = String(args[0] instanceof Request ? args[0].url : args[0]);
    const counter = new TransformStream({
      transform(chunk, controller) {
        received += chunk.byteLength;
        report();
        controller.enqueue(chunk);
      },
      flush() {
        report(true);
      },
    });
    const init = { status: response.status, statusText: response.statusText, headers: response.headers };
    const counted = response.body.pipeThrough(counter);
    if (!gunzip.has(new URL(url, self.location.href).href) || !response.ok) return new Response(counted, init);
    const bytes = new Uint8Array(await new Response(counted).arrayBuffer());
    if (bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1]) return new Response(bytes, init);
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip")), init);
  };
  report(true);
  // The one file Pyodide loads as a script, not with fetch: counted once imported.
  return (size) => {
    received += size;
    report(true);
  };
}

async function start(contract) {
  const { runtime, package: packageUrl } = contract;
  stage("loading", "runtime");
  if (typeof WebAssembly !== "object") {
    throw new ReaderError("This browser cannot run WebAssembly.");
  }
  try {
    new WebAssembly.Module(EMPTY_MODULE);
  } catch {
    throw new ReaderError("This page's security settings do not allow the scoring engine to run.");
  }
  // loadPyodide never settles when a runtime file is missing (it logs and
  // waits), so the same files are checked alongside it and a missing one fails fast.
  // Our package is named at start-up: Pyodide downloads it while it boots,
  // instead of after.
  const lockFileURL = packageUrl + contract.lockFile;
  const sizes = contract.sizes || {};
  const stdLibURL = runtime + contract.stdlib;
  if (contract.stdlib.endsWith(".gz") && typeof DecompressionStream !== "function") {
    throw new ReaderError("This browser is too old to run the scoring engine; a recent version of any major browser will.");
  }
  const imported = countDownloads(sizes, new Set(contract.stdlib.endsWith(".gz") ? [stdLibURL] : []));
  const uncompiled = wasmUncompiled();
  const { loadPyodide } = await import(runtime + contract.runtimeModule).catch(() => {
    throw new ReaderError(DOWNLOAD_FAILED);
  });
  imported(sizes[contract.runtimeModule] || 0);
  // The script Pyodide imports itself, imported here at the same time (a
  // module is fetched once, whoever imports it first) to learn when it is in.
  const script = contract.runtimeFiles.find((name) => name.endsWith(".asm.js"));
  // A script that cannot be had is reported by the race below, not here.
  const scriptLoaded = import(runtime + script).then(
    () => imported(sizes[script] || 0),
    () => {},
  );
  const pyodide = await Promise.race([
    loadPyodide({
      indexURL: runtime,
      lockFileURL,
      stdLibURL,
      fullStdLib: false,
      packages: [contract.distribution],
    }).catch(() => Promise.reject(new ReaderError(STARTUP_FAILED))),
    runtimeMissing([...contract.runtimeFiles.map((name) => runtime + name), lockFileURL]),
    uncompiled,
  ]);
  await scriptLoaded;
  // A wheel that fails its sha256 check is logged, not thrown: check explicitly.
  if (!pyodide.loadedPackages[contract.distribution]) {
    throw new ReaderError("The scoring package could not be loaded or did not pass its integrity check.");
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
          if (!(error instanceof ReaderError)) console.error(error);
          stage("failed", error instanceof ReaderError ? error.message : STARTUP_FAILED);
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
    const reply = JSON.parse(handle(JSON.stringify(message)));
    reply.id ??= message.id; // a request Python could not read is still answered to its sender
    postMessage(reply);
  } catch {
    // Never a traceback for the reader; AnswerError is handled in Python.
    postMessage({ id: message.id, error: "Something went wrong while scoring. Your answers are still here." });
  }
};
