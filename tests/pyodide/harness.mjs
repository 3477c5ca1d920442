// Runs tests/pyodide/runner.py inside Pyodide under Node, with the site's wheel
// and the standard library the site ships (the cut one, unless the build was
// told to ship it whole): a module the cut lacks fails here as it would in a
// reader's browser.
// Usage: node harness.mjs PYODIDE_DIR STDLIB_ZIP WHEEL RUNNER MODULE
//   (run CASES.json | modules CASES.json | replies CASES.json | examples | catalog)
// (A file, not stdin: Node's readFileSync(0) can fail with EAGAIN on a large pipe.)
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [pyodideDir, stdlib, wheel, runner, module, mode, casesFile] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${pyodideDir}/pyodide.mjs`).href);
const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/`, stdLibURL: stdlib });
await pyodide.loadPackage(wheel, { messageCallback: () => {} });
// A namespace of its own, so the runner's `__main__` block (the CPython CLI) stays idle.
const namespace = pyodide.toPy({ __name__: "runner" });
pyodide.runPython(readFileSync(runner, "utf8"), { globals: namespace });
const input = casesFile ? readFileSync(casesFile, "utf8") : "";
const output = namespace.get(mode)(...(casesFile ? [input, module] : [module]));
process.stdout.write(output);
