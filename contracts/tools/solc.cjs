#!/usr/bin/env node
// forge cannot download native solc on machines without access to binaries.soliditylang.org, so
// foundry.toml points here: a thin shim that speaks the solc CLI protocol forge uses, backed by
// the npm `solc` package (the official wasm build, pinned in package.json).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const solc = require("solc");

const args = process.argv.slice(2);

if (args.includes("--version")) {
  const version = solc.version(); // e.g. "0.8.30+commit.73712a01.Emscripten.clang"
  process.stdout.write(
    `solc, the solidity compiler commandline interface\nVersion: ${version.replace(".Emscripten.clang", ".Linux.g++")}\n`,
  );
  process.exit(0);
}

const basePathIndex = args.indexOf("--base-path");
const basePath = basePathIndex >= 0 ? args[basePathIndex + 1] : process.cwd();

// forge inlines every source it knows about; the callback only serves imports it did not resolve.
function findImports(importPath) {
  const candidate = path.resolve(basePath, importPath);
  try {
    return { contents: fs.readFileSync(candidate, "utf8") };
  } catch {
    return { error: `File not found: ${importPath}` };
  }
}

const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  const input = Buffer.concat(chunks).toString("utf8");
  process.stdout.write(solc.compile(input, { import: findImports }));
});
