import type { z } from 'zod'
import { HttpError } from './httpError.js'

/**
 * Depth of the deepest array or object in a JSON text, scanned before parsing so a hostile
 * body cannot make the parser or any later walk recurse deeply.
 */
export function jsonDepth(text: string): number {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (inString) {
      if (char === 0x5c) i++
      else if (char === 0x22) inString = false
    } else if (char === 0x22) inString = true
    else if (char === 0x7b || char === 0x5b) max = Math.max(max, ++depth)
    else if (char === 0x7d || char === 0x5d) depth--
  }
  return max
}

const decoder = new TextDecoder('utf-8', { fatal: true })

/**
 * Parses a raw request body as JSON.
 * @throws HttpError 400 for bad UTF-8, bad JSON or nesting deeper than `maxDepth`.
 */
export function parseJsonBody(raw: Uint8Array, maxDepth: number): unknown {
  let text: string
  try {
    text = decoder.decode(raw)
  } catch {
    throw new HttpError(400, 'The body is not valid UTF-8')
  }
  if (text.trim() === '') throw new HttpError(400, 'body: Required: send a JSON body')
  if (jsonDepth(text) > maxDepth) {
    throw new HttpError(400, `The JSON body is nested deeper than ${maxDepth} levels`)
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new HttpError(400, 'The body is not valid JSON')
  }
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`
  }
  return out || 'body'
}

/** One line per issue, each naming its field: `credentials[0].name: Invalid input: ...`. */
export function describeZodError(error: z.ZodError, root = 'body'): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => {
      const field = formatPath(issue.path)
      return `${field === 'body' ? root : field}: ${issue.message}`
    })
    .join('; ')
}

/**
 * Validates `value` with `schema` (async refinements allowed).
 * @throws HttpError 400 naming each wrong field and what was wrong.
 */
export async function validate<T extends z.ZodType>(
  schema: T,
  value: unknown,
  root = 'body',
): Promise<z.infer<T>> {
  const result = await schema.safeParseAsync(value)
  if (!result.success) throw new HttpError(400, describeZodError(result.error, root))
  return result.data
}
