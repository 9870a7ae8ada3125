// Adds `.js` to the extensionless relative imports of the `.d.ts` files under a dist/ folder
// (`from './config'` → `from './config.js'`, `'./db'` → `'./db/index.js'`). The sandbox's
// sources import without extensions, which its bundler accepts, but Node16 type resolution of
// the published declarations does not. Usage: node scripts/typeImportExtensions.mjs <dist>
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const dist = process.argv[2]
if (!dist) {
  process.stderr.write('usage: node scripts/typeImportExtensions.mjs <dist folder>\n')
  process.exit(2)
}

const relative = /(from\s+|import\()(['"])(\.{1,2}\/[^'"]*?)\2/g

for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue
  const file = join(entry.parentPath, entry.name)
  const source = readFileSync(file, 'utf8')
  const fixed = source.replace(relative, (match, lead, quote, specifier) => {
    if (/\.(js|json)$/.test(specifier)) return match
    const base = join(dirname(file), specifier)
    if (existsSync(`${base}.d.ts`)) return `${lead}${quote}${specifier}.js${quote}`
    if (existsSync(join(base, 'index.d.ts'))) return `${lead}${quote}${specifier}/index.js${quote}`
    throw new Error(`${file}: cannot resolve ${specifier}`)
  })
  if (fixed !== source) writeFileSync(file, fixed)
}
