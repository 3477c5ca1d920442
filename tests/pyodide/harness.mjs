// Runs tests/pyodide/runner.py inside Pyodide under Node, with the site's wheel.
// Usage: node harness.mjs PYODIDE_DIR WHEEL RUNNER MODULE (run CASES.json | catalog)
// (A file, not stdin: Node's readFileSync(0) can fail with EAGAIN on a large pipe.)
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [pyodideDir, wheel, runner, module, mode, casesFile] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${pyodideDir}/pyodide.mjs`).href);
const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/` });
await pyodide.loadPackage(wheel, { messageCallback: () => {} });
// A namespace of its own, so the runner's `__main__` block (the CPython CLI) stays idle.
const namespace = pyodide.toPy({ __name__: "runner" });
pyodide.runPython(readFileSync(runner, "utf8"), { globals: namespace });
const input = mode === "run" ? readFileSync(casesFile, "utf8") : "";
const output = namespace.get(mode)(...(mode === "run" ? [input, module] : [module]));
process.stdout.write(output);
