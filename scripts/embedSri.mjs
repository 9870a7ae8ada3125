// Writes the Subresource Integrity value of a built script next to it: `<file>.sri` holds
// `sha384-<base64 digest>`, the exact value of a <script integrity="…"> attribute. The file
// ships in the package and the sandbox serves it beside the script, so nobody has to compute
// or copy a hash by hand. Usage: node scripts/embedSri.mjs dist/humanos-link.js
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'

const file = process.argv[2]
if (!file) {
  process.stderr.write('usage: node scripts/embedSri.mjs <built script>\n')
  process.exit(2)
}
const digest = createHash('sha384').update(readFileSync(file)).digest('base64')
writeFileSync(`${file}.sri`, `sha384-${digest}\n`)
