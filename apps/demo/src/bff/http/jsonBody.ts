import type { Context } from 'hono'
import type { z } from 'zod'
import type { FieldIssue } from '../../shared/apiTypes.js'
import { ApiError } from './apiError.js'

/**
 * Depth of the deepest array or object in a JSON text, scanned before parsing so a hostile body
 * cannot make the parser or a later walk recurse deeply.
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

const JSON_TYPE = /^application\/json\s*(;|$)/i
const decoder = new TextDecoder('utf-8', { fatal: true })

/**
 * Reads the body of a JSON request. The size was already capped by the body-limit middleware.
 * @throws ApiError 415 for another content type, 400 for bad UTF-8, bad JSON or nesting deeper
 *   than `maxDepth`.
 */
export async function readJson(c: Context, maxDepth: number): Promise<unknown> {
  if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json')
  }
  let text: string
  try {
    text = decoder.decode(await c.req.arrayBuffer())
  } catch {
    throw ApiError.invalid([{ field: 'body', reason: 'is not valid UTF-8' }])
  }
  if (text.trim() === '') throw ApiError.invalid([{ field: 'body', reason: 'is required' }])
  if (jsonDepth(text) > maxDepth) {
    throw ApiError.invalid([{ field: 'body', reason: `is nested deeper than ${maxDepth} levels` }])
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw ApiError.invalid([{ field: 'body', reason: 'is not valid JSON' }])
  }
}

function fieldName(path: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`
  }
  return out || 'body'
}

/** Each zod issue as the field it is about and the reason, in words. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues
    .flatMap((issue): FieldIssue[] =>
      // Name the unknown field itself rather than the object that holds it.
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({
            field: fieldName([...issue.path, key]),
            reason: 'is not a known field',
          }))
        : [{ field: fieldName(issue.path), reason: issue.message }],
    )
    .slice(0, 10)
}

/**
 * Checks `value` against `schema`.
 * @throws ApiError 400 naming every wrong field and why.
 */
export function validate<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value)
  if (!result.success) throw ApiError.invalid(fieldIssues(result.error))
  return result.data
}
