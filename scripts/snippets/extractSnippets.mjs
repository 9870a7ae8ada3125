// Finds the TypeScript code blocks of a Markdown file, with the two hidden directives a block
// may carry (an HTML comment on the lines just above its fence, blank lines allowed between):
//
//   <!-- snippet-prelude
//   declare const link: string
//   -->                                  code compiled before the block, not shown to readers
//
//   <!-- snippet-skip: <reason> -->      the block is not compiled; the reason is required
//
// Fences may be indented (a block inside a list item); the indent is removed.

const FENCE = /^(\s*)(```+)(ts|tsx|typescript)\s*$/
const PRELUDE = /<!--\s*snippet-prelude\s*\n([\s\S]*?)-->\s*$/
const SKIP = /<!--\s*snippet-skip(?::\s*([\s\S]*?))?\s*-->\s*$/

/**
 * @typedef {object} Snippet
 * @property {number} line 1-based line of the first code line in the Markdown file
 * @property {'ts' | 'tsx'} lang
 * @property {string} code the block's code, unindented
 * @property {string} prelude hidden code compiled before it ('' when none)
 * @property {string | null} skip the reason it is not compiled, or null
 */

/**
 * @param {string} markdown
 * @returns {{ snippets: Snippet[], problems: { line: number, message: string }[] }}
 */
export function extractSnippets(markdown) {
  const lines = markdown.split('\n')
  const snippets = []
  const problems = []
  let inOtherFence = null
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]
    if (inOtherFence) {
      if (text.trim() === inOtherFence) inOtherFence = null
      continue
    }
    const fence = FENCE.exec(text)
    if (!fence) {
      const other = /^\s*(```+)/.exec(text)
      if (other) inOtherFence = other[1]
      continue
    }
    const [, indent, ticks, lang] = fence
    const start = i + 1
    let end = start
    while (end < lines.length && lines[end].trim() !== ticks) end++
    if (end === lines.length) {
      problems.push({ line: i + 1, message: 'code block is never closed' })
      break
    }
    const code = lines
      .slice(start, end)
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
      .join('\n')
    const above = directiveAbove(lines, i)
    const prelude = PRELUDE.exec(above)
    const skip = SKIP.exec(above)
    if (skip && !skip[1]?.trim()) {
      problems.push({
        line: i + 1,
        message: 'snippet-skip needs a reason: <!-- snippet-skip: why -->',
      })
    }
    snippets.push({
      line: start + 1,
      lang: lang === 'tsx' ? 'tsx' : 'ts',
      code,
      prelude: prelude ? prelude[1] : '',
      skip: skip ? (skip[1]?.trim() ?? '') : null,
    })
    i = end
  }
  return { snippets, problems }
}

// The HTML comment that ends on the last non-blank line above the fence, or ''.
function directiveAbove(lines, fenceIndex) {
  let j = fenceIndex - 1
  while (j >= 0 && lines[j].trim() === '') j--
  if (j < 0 || !lines[j].trim().endsWith('-->')) return ''
  let k = j
  while (k >= 0 && !lines[k].includes('<!--')) k--
  if (k < 0) return ''
  return lines
    .slice(k, j + 1)
    .map((line) => line.trim())
    .join('\n')
}
