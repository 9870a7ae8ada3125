// Type-checks every ```ts and ```tsx block of the READMEs and docs against the workspace
// packages, so a snippet cannot rot: each block becomes a module of its own under .snippets/
// and one `tsc --noEmit` checks them all, resolving `@humanos-link/*` to the packages' sources.
// Errors are reported at their line in the Markdown file.
//
// A block that needs names it does not declare gets them from a hidden prelude; a block that
// cannot compile (a sketch of another language's API, a fragment) is marked with a reason.
// See extractSnippets.mjs for both directives. No block is skipped silently.
//
//   node scripts/snippets/checkSnippets.mjs          all files
//   node scripts/snippets/checkSnippets.mjs --list   also print every block and its verdict
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { extractSnippets } from './extractSnippets.mjs'

const root = join(import.meta.dirname, '../..')
const out = join(root, '.snippets')
const list = process.argv.includes('--list')

function markdownFiles() {
  const files = ['README.md']
  for (const dir of ['packages', 'apps', 'examples']) {
    for (const name of readdirSync(join(root, dir))) {
      const readme = join(dir, name, 'README.md')
      try {
        readFileSync(join(root, readme))
        files.push(readme)
      } catch {
        // A folder without a README has nothing to check.
      }
    }
  }
  const walk = (dir) => {
    let entries
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.md')) files.push(path)
    }
  }
  walk('docs')
  return files
}

rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })

const problems = []
const sources = new Map() // generated file -> { md, line, preludeLines }
let compiled = 0
let skipped = 0
for (const md of markdownFiles()) {
  const { snippets, problems: found } = extractSnippets(readFileSync(join(root, md), 'utf8'))
  for (const problem of found) problems.push(`${md}:${problem.line}: ${problem.message}`)
  for (const snippet of snippets) {
    if (snippet.skip !== null) {
      skipped++
      if (list) console.log(`skip  ${md}:${snippet.line} (${snippet.skip})`)
      continue
    }
    compiled++
    if (list) console.log(`check ${md}:${snippet.line}`)
    const name = `${md.replace(/[^\w]+/g, '_')}_L${snippet.line}.${snippet.lang}`
    const prelude = snippet.prelude ? `${snippet.prelude.trimEnd()}\n` : ''
    const preludeLines = prelude ? prelude.split('\n').length - 1 : 0
    // `export {}` makes every block a module, so the names of two blocks never collide.
    writeFileSync(join(out, name), `${prelude}${snippet.code}\nexport {}\n`)
    sources.set(name, { md, line: snippet.line, preludeLines })
  }
}

writeFileSync(
  join(out, 'tsconfig.json'),
  JSON.stringify(
    {
      extends: '../tsconfig.base.json',
      compilerOptions: {
        types: ['node'],
        noEmit: true,
        // Snippets show one step; a name they declare and do not use yet is fine.
        noUnusedLocals: false,
        noUnusedParameters: false,
        // Express and Hono are root devDependencies for these snippets; Next.js is too heavy for
        // that, so it is found where examples/nextjs installs it (a guide that imports from
        // `next` compiles once that example is installed). Everything else resolves as usual:
        // `@humanos-link/*` to the sources, through the `@humanos-link/source` condition.
        baseUrl: '..',
        paths: {
          next: ['examples/nextjs/node_modules/next'],
          'next/*': ['examples/nextjs/node_modules/next/*'],
        },
      },
      files: [...sources.keys()],
    },
    null,
    2,
  ),
)

if (sources.size > 0) {
  const tsc = spawnSync(
    'pnpm',
    ['exec', 'tsc', '-p', join(out, 'tsconfig.json'), '--pretty', 'false'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  )
  const output = `${tsc.stdout}${tsc.stderr}`
  let unmapped = tsc.status !== 0
  for (const line of output.split('\n')) {
    const match = /^(.+?)\((\d+),(\d+)\): (error .*)$/.exec(line.trim())
    if (!match) continue
    unmapped = false
    const [, file, row, col, message] = match
    const source = sources.get(relative(out, join(root, file)))
    if (!source) {
      problems.push(`${file}:${row}:${col}: ${message}`)
      continue
    }
    const inCode = Number(row) - source.preludeLines
    problems.push(
      inCode > 0
        ? `${source.md}:${source.line + inCode - 1}:${col}: ${message}`
        : `${source.md}:${source.line} (prelude line ${row}): ${message}`,
    )
  }
  if (unmapped) problems.push(`tsc failed:\n${output}`)
}

console.log(`${compiled} snippets type-checked, ${skipped} marked not compiled (with a reason)`)
if (problems.length > 0) {
  console.error(`\n${problems.join('\n')}\n\n${problems.length} problem(s) in README/docs snippets`)
  process.exit(1)
}
