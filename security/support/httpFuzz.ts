// fast-check generators of hostile HTTP requests (paths, query strings, headers, bodies) and
// the checks every answer must pass: never a 5xx, never a stack trace or a file path.
import fc from 'fast-check'

/** A generated request, before signing. */
export interface FuzzRequest {
  method: string
  path: string
  /** Raw query string (without `?`), possibly with malformed escapes. */
  query: string
  headers: Record<string, string>
  /** `undefined`: no body. Strings are sent as UTF-8; bytes as they are. */
  body: string | Uint8Array | undefined
}

const printable = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c))
/** Text that can travel in a header value. */
export const headerText = fc.string({ unit: printable, maxLength: 80 })

const nasty = fc.constantFrom(
  '',
  '%',
  '%E0%A4%A',
  '%00',
  '..',
  '%2e%2e%2f',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'null',
  '0',
  '-1',
  '1e309',
  'x'.repeat(3000),
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '{"a":1}',
  'urn:via:credential:00000000-0000-0000-0000-000000000000',
)

/** One path segment: random text (escaped) or raw nasty text, or one of `known`. */
export function segmentArb(known: () => string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }).map((s) => encodeURIComponent(s) || 'x') },
    { weight: 2, arbitrary: nasty.map((s) => s || 'x') },
    { weight: 3, arbitrary: fc.nat().map((i) => known()[i % Math.max(1, known().length)] ?? 'x') },
  )
}

/** A raw query string from known and unknown keys, values possibly malformed. */
export function queryArb(keys: string[]): fc.Arbitrary<string> {
  const key = fc.oneof(
    fc.constantFrom(...keys),
    fc.string({ maxLength: 12 }).map(encodeURIComponent),
  )
  const value = fc.oneof(
    fc.string({ maxLength: 30 }).map(encodeURIComponent),
    nasty,
    fc.nat({ max: 1_000_000 }).map(String),
  )
  return fc
    .array(fc.tuple(key, value), { maxLength: 4 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'))
}

/** A JSON text nested `depth` levels deep. */
export const deepJson = fc
  .tuple(fc.integer({ min: 10, max: 200 }), fc.boolean())
  .map(([depth, objects]) =>
    objects
      ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
      : '['.repeat(depth) + ']'.repeat(depth),
  )

/** Bodies of every kind: none, JSON of any shape, text, raw bytes, deep nesting, near-valid. */
export function bodyArb(
  nearValid: fc.Arbitrary<unknown>[],
): fc.Arbitrary<string | Uint8Array | undefined> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: fc.string({ maxLength: 200, unit: 'binary' }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
    { weight: 1, arbitrary: deepJson },
    {
      weight: 1,
      arbitrary: fc.constantFrom('{', '[1,', '{"a":}', 'null', '{}', '[]', '""', '\u0000'),
    },
    ...nearValid.map((arb) => ({ weight: 4, arbitrary: arb.map((v) => JSON.stringify(v)) })),
  )
}

// Values that break naive code: lone surrogates, NUL, huge text, extreme numbers, unicode.
const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3, noUnicodeString: false }),
  fc.constantFrom('\ud800', 'a\udfffb', '\u0000', '💥'.repeat(300), 'x'.repeat(20_000), 1e308, -0),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -1, 0.5, true, null, [], {}),
)

/** Takes a valid body and breaks (or keeps) one field. */
export function mutated(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid)
  return fc.oneof(
    fc.constant(valid),
    fc
      .record({ key: fc.constantFrom(...keys), value: oddValue })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.constantFrom(...keys).map((key) => {
      const copy: Record<string, unknown> = { ...valid }
      delete copy[key]
      return copy
    }),
    fc
      .record({ key: fc.string({ maxLength: 10 }), value: fc.jsonValue({ maxDepth: 2 }) })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
  )
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/jsonx',
  '',
]

/** Headers: content types right and wrong, plus arbitrary extra ones. */
export function headersArb(known: Record<string, fc.Arbitrary<string>>) {
  const knownArbs = Object.fromEntries(
    Object.entries(known).map(([name, arb]) => [name, fc.option(arb, { nil: undefined })]),
  )
  return fc
    .record({
      // Mostly JSON, so most bodies get past the content-type check to the parser.
      'content-type': fc.option(
        fc.oneof(
          { weight: 6, arbitrary: fc.constant('application/json') },
          { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
          { weight: 1, arbitrary: headerText },
        ),
        { nil: undefined, freq: 8 },
      ),
      ...knownArbs,
      extra: fc.dictionary(
        fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/).map((name) => `x-fuzz-${name}`),
        headerText,
        { maxKeys: 2 },
      ),
    })
    .map(({ extra, ...rest }) => {
      const headers: Record<string, string> = { ...extra }
      for (const [name, value] of Object.entries(rest)) {
        if (typeof value === 'string') headers[name] = value
      }
      return headers
    })
}

// A stack frame ("at fn (file.ts:1:2)"), a source path, or an error class name in an answer.
const LEAK =
  /\bat [\w$.<>]+ \(|\(?\/[\w./-]+\.[cm]?[jt]s:\d+|node_modules|\/work\/|TypeError|SyntaxError|RangeError|SqliteError/

export interface FuzzAnswer {
  status: number
  contentType: string
  /** `X-Content-Type-Options`, which every answer must carry. */
  nosniff: boolean
  text: string
}

/** Sends one request to `base` and reads the whole answer. */
export async function send(base: string, request: FuzzRequest): Promise<FuzzAnswer> {
  const url = `${base}${request.path}${request.query ? `?${request.query}` : ''}`
  const response = await fetch(url, {
    method: request.method,
    headers: request.headers,
    // A copy on a plain ArrayBuffer, the type fetch's body accepts.
    body: typeof request.body === 'string' ? request.body : request.body?.slice(),
  })
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    nosniff: response.headers.get('x-content-type-options') === 'nosniff',
    text: await response.text(),
  }
}

/**
 * What is wrong with an answer (empty when nothing is): a 5xx, a leaked stack or path, or no
 * `X-Content-Type-Options: nosniff`.
 */
export function answerProblems(answer: FuzzAnswer): string[] {
  const problems: string[] = []
  if (answer.status >= 500) problems.push(`status ${answer.status}`)
  if (!answer.nosniff) problems.push('no X-Content-Type-Options: nosniff')
  if (LEAK.test(answer.text)) problems.push(`leaks internals: ${answer.text.slice(0, 300)}`)
  return problems
}

/** Parses a JSON answer, or `undefined`. */
export function jsonOf(answer: FuzzAnswer): unknown {
  try {
    return JSON.parse(answer.text)
  } catch {
    return undefined
  }
}
