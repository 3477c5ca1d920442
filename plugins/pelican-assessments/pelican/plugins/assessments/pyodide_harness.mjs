// Runs pyodide_runner.py inside Pyodide under Node, on the package a reader's
// browser gets: the pinned runtime, the standard library the site ships (a zip:
// the build gunzips the cut one first) and the site's wheel. Started by
// pyodide_check.py; prints the runner's JSON record on stdout.
// Usage: node pyodide_harness.mjs PYODIDE_DIR STDLIB_ZIP WHEEL RUNNER
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [pyodideDir, stdlib, wheel, runner] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${pyodideDir}/pyodide.mjs`).href);
// Pyodide's own prints (and an author's) go to stderr: stdout is the record's.
const quiet = (line) => process.stderr.write(`${line}\n`);
const pyodide = await loadPyodide({
  indexURL: `${pyodideDir}/`,
  stdLibURL: stdlib,
  stdout: quiet,
  stderr: quiet,
});
const failed = [];
await pyodide.loadPackage(wheel, {
  messageCallback: () => {},
  errorCallback: (message) => failed.push(message),
});
if (failed.length) {
  // loadPackage does not reject when a wheel cannot be loaded.
  process.stderr.write(`the package could not be loaded: ${failed.join("; ")}\n`);
  process.exit(2);
}
// A namespace of its own: the runner's names stay out of __main__.
const namespace = pyodide.toPy({ __name__: "pyodide_runner" });
pyodide.runPython(readFileSync(runner, "utf8"), { globals: namespace });
process.stdout.write(namespace.get("examples")());
