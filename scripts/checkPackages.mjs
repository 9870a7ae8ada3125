// Checks every publishable package as a consumer would install it: publint (package.json
// exports, files) and Are The Types Wrong (types resolve under node10, node16 ESM and CommonJS,
// and bundler resolution). The libraries ship an ES module and a CommonJS build, so every row
// counts. The sandbox is an ES module only (its CLI and `startSandbox`): `require()` of it works
// through Node's require(esm) (Node 20.19+), which attw does not model, so its CommonJS rows are
// ignored. Then: no consumer condition other than our own reaches the TypeScript sources.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'

const packages = [
  // node10 resolution (TypeScript's deprecated `moduleResolution: node`) cannot see subpath
  // exports, so `@humanos-link/core/protocol` is for node16 and bundler resolution only.
  ['packages/core', 'node16'],
  ['packages/react', 'strict'],
  ['packages/embed', 'strict'],
  ['packages/server', 'strict'],
  ['apps/sandbox', 'esm-only'],
]
let failed = false
for (const [dir, profile] of packages) {
  for (const [tool, args] of [
    ['publint', [dir, '--strict']],
    ['attw', ['--pack', dir, '--profile', profile, '--format', 'table-flipped']],
  ]) {
    const result = spawnSync('pnpm', ['exec', tool, ...args], { stdio: 'inherit' })
    if (result.status !== 0) {
      process.stderr.write(`${tool} found problems in ${dir}\n`)
      failed = true
    }
  }
}
// Our packages point the workspace-only condition `@humanos-link/source` at their TypeScript
// sources, so the monorepo runs from `src` without a build. A consumer must never land there by
// accident: with a common name such as `source` (which some toolchains set), an app would
// type-check and bundle our raw sources from node_modules instead of the published build.
const root = join(import.meta.dirname, '..')
const STANDARD = new Set(['types', 'development', 'import', 'require', 'default'])
const resolveFromRoot = (specifier, customConditions) =>
  ts.resolveModuleName(
    specifier,
    join(root, 'consumer.ts'),
    {
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      customConditions,
    },
    ts.sys,
  ).resolvedModule?.resolvedFileName
for (const [dir] of packages) {
  const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'))
  for (const [subpath, entry] of Object.entries(manifest.exports)) {
    if (typeof entry !== 'object') continue
    const specifier = manifest.name + subpath.slice(1)
    const custom = Object.keys(entry).filter((key) => !STANDARD.has(key))
    const asConsumer = resolveFromRoot(specifier, ['source']) ?? ''
    const asWorkspace = resolveFromRoot(specifier, ['@humanos-link/source']) ?? ''
    const problems = [
      custom.join() !== '@humanos-link/source' && `conditions besides the standard ones: ${custom}`,
      /\/src\//.test(asConsumer) && `customConditions ["source"] resolves to ${asConsumer}`,
      !/\/src\//.test(asWorkspace) &&
        `the workspace condition resolves to ${asWorkspace || 'nothing'}`,
    ].filter(Boolean)
    if (problems.length === 0) {
      console.info(`✓ ${specifier}: sources only under the @humanos-link/source condition`)
      continue
    }
    failed = true
    for (const problem of problems) console.error(`✗ ${specifier}: ${problem}`)
  }
}
process.exit(failed ? 1 : 0)
