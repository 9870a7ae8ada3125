// Run by scripts/releaseDry.mjs inside the scratch app: every entry of entries.json imports
// from an ES module and has its exports.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'

const entries = JSON.parse(readFileSync(new URL('./entries.json', import.meta.url), 'utf8'))
for (const [specifier, exports] of Object.entries(entries)) {
  const loaded = await import(specifier)
  for (const [name, type] of Object.entries(exports)) {
    assert.equal(typeof loaded[name], type, `import('${specifier}').${name}`)
  }
}
process.stdout.write('ESM imports: ok\n')
