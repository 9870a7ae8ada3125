// `pnpm --filter @humanos-link/sandbox build`: writes the Link page's script bundle where the
// static mount serves it from a built package (public/assets/link/main.js).
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { LINK_PAGE_SCRIPT_PATH, bundleLinkPageScript } from '../src/link/linkPageScript.js'
import { PUBLIC_DIR } from '../src/packagePaths.js'

const out = path.join(PUBLIC_DIR, LINK_PAGE_SCRIPT_PATH)
const { code } = await bundleLinkPageScript()
await mkdir(path.dirname(out), { recursive: true })
await writeFile(out, code)
process.stdout.write(
  `Link page script: ${path.relative(process.cwd(), out)} (${code.length} bytes)\n`,
)
