// Run by scripts/releaseDry.mjs inside the scratch app: every entry of entries.json loads with
// require() and has its exports. The sandbox is an ES module only; Node (20.19+) loads it
// through require(esm).
const assert = require('node:assert/strict')
const entries = require('./entries.json')

for (const [specifier, exports] of Object.entries(entries)) {
  const loaded = require(specifier)
  for (const [name, type] of Object.entries(exports)) {
    assert.equal(typeof loaded[name], type, `require('${specifier}').${name}`)
  }
}
process.stdout.write('CommonJS require: ok\n')
