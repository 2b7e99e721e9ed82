// `npm run build`: compiles bindings/wasm to WebAssembly and writes the package
// into pkg/ (wasm-bindgen --target web, wasm-opt, the hand-written JS API).
//
// Needs: cargo with the wasm32-unknown-unknown target, and the wasm-bindgen CLI of
// exactly the version of the wasm-bindgen crate in Cargo.lock (.ci/run installs
// both). wasm-opt comes from the `binaryen` npm package (npm ci).

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const here = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repo = resolve(here, '../..');
const pkg = join(here, 'pkg');
const PROFILE = 'wasm-release';
const TARGET = 'wasm32-unknown-unknown';

function fail(msg) {
  console.error(`\nnpm run build: ${msg}`);
  process.exit(1);
}

function run(cmd, args, opts = {}) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  try {
    return execFileSync(cmd, args, { stdio: ['ignore', opts.capture ? 'pipe' : 'inherit', 'inherit'], cwd: repo, encoding: 'utf8' });
  } catch (e) {
    if (e.code === 'ENOENT') fail(`${cmd} not found. ${opts.hint ?? ''}`);
    fail(`${cmd} failed (exit status ${e.status}). ${opts.hint ?? ''}`);
  }
}

// The wasm-bindgen CLI must match the crate version exactly.
const lock = readFileSync(join(repo, 'Cargo.lock'), 'utf8');
const want = /\[\[package\]\]\nname = "wasm-bindgen"\nversion = "([^"]+)"/.exec(lock)?.[1];
if (!want) fail('wasm-bindgen is not in Cargo.lock');
const install = `install it with: cargo install wasm-bindgen-cli --version ${want} --locked`;
let have = '';
try {
  have = execFileSync('wasm-bindgen', ['--version'], { encoding: 'utf8' }).trim();
} catch {
  fail(`the wasm-bindgen CLI is not installed (or not on PATH); ${install}`);
}
if (have !== `wasm-bindgen ${want}`) {
  fail(`found "${have}", but Cargo.lock has wasm-bindgen ${want} and the two must match; ${install}`);
}

const cargo = process.env.CARGO ?? 'cargo';
run(cargo, ['build', '--locked', '-p', 'akson-wasm', '--profile', PROFILE, '--target', TARGET], {
  hint: `Is the target installed? rustup target add ${TARGET}`,
});
const meta = JSON.parse(run(cargo, ['metadata', '--format-version', '1', '--no-deps'], { capture: true }));
const wasmIn = join(meta.target_directory, TARGET, PROFILE, 'akson_wasm.wasm');
if (!existsSync(wasmIn)) fail(`cargo did not produce ${wasmIn}`);

rmSync(pkg, { recursive: true, force: true });
mkdirSync(pkg);
run('wasm-bindgen', ['--target', 'web', '--out-dir', pkg, '--out-name', 'akson_wasm', wasmIn]);

const wasm = join(pkg, 'akson_wasm_bg.wasm');
const before = statSync(wasm).size;
const wasmOpt = join(here, 'node_modules', '.bin', 'wasm-opt');
if (!existsSync(wasmOpt)) fail('wasm-opt not found in node_modules: run `npm ci` first');
// Rust's wasm32 target emits these post-MVP features; every current browser and
// Node >= 20 has them.
const features = [
  '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int',
  '--enable-sign-ext',
  '--enable-mutable-globals',
  '--enable-reference-types',
  '--enable-multivalue',
];
run(wasmOpt, [...features, '-Oz', '--strip-debug', '--strip-producers', wasm, '-o', wasm]);

for (const f of ['akson.js', 'akson.d.ts']) copyFileSync(join(here, 'js', f), join(pkg, f));
copyFileSync(join(repo, 'dictionaries', 'THIRD-PARTY-NOTICES.md'), join(pkg, 'THIRD-PARTY-NOTICES.md'));

const bytes = readFileSync(wasm);
const size = {
  wasm: bytes.length,
  wasmBeforeWasmOpt: before,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes).length,
};
writeFileSync(join(pkg, 'size.json'), JSON.stringify(size, null, 2) + '\n');
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(
  `\npkg/akson_wasm_bg.wasm: ${kb(size.wasm)} (${kb(before)} before wasm-opt), ` +
    `gzip -9 ${kb(size.gzip)}, brotli ${kb(size.brotli)}`
);
