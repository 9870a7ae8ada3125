// Writes a `.d.cts` beside every `.d.ts` of a package's dist/, with relative imports pointing
// at `.cjs`: the types of the CommonJS build. TypeScript reads a `.d.ts` in a `"type": "module"`
// package as ES module types, so `require` consumers need their own copies (attw's node16-cjs
// check fails without them). Usage: node scripts/cjsTypes.mjs <dist folder>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const dist = process.argv[2]
if (!dist) {
  process.stderr.write('usage: node scripts/cjsTypes.mjs <dist folder>\n')
  process.exit(2)
}

// `from './x.js'`, `import('./x.js')`, `export * from '../y/index.js'`: relative specifiers only.
const relative = /(from\s+|import\()(['"])(\.{1,2}\/[^'"]+?)\.js\2/g

let written = 0
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue
  const file = join(entry.parentPath, entry.name)
  const types = readFileSync(file, 'utf8').replace(relative, '$1$2$3.cjs$2')
  writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), types)
  written++
}
if (written === 0) {
  process.stderr.write(`cjsTypes: no .d.ts under ${dist}; run tsc first\n`)
  process.exit(1)
}
