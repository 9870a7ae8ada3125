// Test-only (not exported by the package): fast-check generators of the steps that
// `messageFuzz.ts` materializes and models.
import fc from 'fast-check'
import { EVENT_NAMES, EXIT_REASONS, MAX_RESULT_AGE_MS } from '../protocol/constants.js'
import { BODY_KEYS, ENC_FIELDS, ENVELOPE, FUZZ_SESSION, OTHER_SESSION } from './messageFuzz.js'
import type {
  ControlSpec,
  ControlType,
  Mutation,
  Payload,
  SourceKey,
  Tamper,
} from './messageFuzz.js'

// Event names, error codes and meta keys are short identifiers on the wire (`isLinkMessage`).
const SHORT_NAME = fc.stringMatching(/^\w{1,64}$/)

const notIn = (values: readonly unknown[]) => (value: unknown) => !values.includes(value)
// Every kind of value structured cloning can carry, kept small so generation stays cheap.
const anyValue = fc.anything({
  maxDepth: 1,
  maxKeys: 3,
  size: 'xsmall',
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withNullPrototype: true,
  withBoxedValues: true,
  withSparseArray: true,
})
const idArb = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 40 }))

/** Valid non-result messages; `endWeight` tunes how often one ends the flow. */
export function controlArb(endWeight = 1): fc.Arbitrary<ControlSpec> {
  const spec = <T extends ControlType>(type: T, body: fc.Arbitrary<Record<string, unknown>>) =>
    fc.record({ type: fc.constant(type), id: idArb, body })
  return fc.oneof(
    { weight: 4, arbitrary: spec('ready', fc.constant({})) },
    {
      weight: 4,
      arbitrary: spec(
        'resize',
        fc.record({ height: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
      ),
    },
    {
      weight: 4,
      arbitrary: spec(
        'event',
        fc.record(
          {
            // Names a frame may send: the known ones or any other short identifier.
            name: fc.oneof(fc.constantFrom(...EVENT_NAMES), SHORT_NAME),
            // `meta`: a few scalars under short keys (anything more is malformed, see below).
            meta: fc.dictionary(
              SHORT_NAME,
              fc.oneof(
                fc.constant(null),
                fc.boolean(),
                fc.double({ noNaN: true, noDefaultInfinity: true }),
                fc.string({ maxLength: 300 }),
              ),
              { maxKeys: 3 },
            ),
          },
          { requiredKeys: ['name'] },
        ),
      ),
    },
    { weight: endWeight, arbitrary: spec('complete', fc.record({ count: fc.nat({ max: 4 }) })) },
    {
      weight: endWeight,
      arbitrary: spec('exit', fc.record({ reason: fc.constantFrom(...EXIT_REASONS) })),
    },
    {
      weight: endWeight,
      arbitrary: spec(
        'error',
        fc.record({
          code: fc.oneof(fc.constantFrom('session_expired', 'otp_locked', 'internal'), SHORT_NAME),
          message: fc.string({ maxLength: 60 }),
        }),
      ),
    },
  )
}

// One field made wrong: a bad envelope value, a missing key, an unknown key, or a bad body.
function mutationArb(type: ControlType | 'result'): fc.Arbitrary<Mutation> {
  const required = [...ENVELOPE, ...BODY_KEYS[type].filter((key) => key !== 'meta')]
  const known = [...ENVELOPE, ...BODY_KEYS[type]]
  const set = (key: string, value: fc.Arbitrary<unknown>) =>
    fc.record({ op: fc.constant('set' as const), key: fc.constant(key), value })
  const bodyValue: Record<ControlType | 'result', fc.Arbitrary<Mutation>> = {
    ready: set('ns', fc.string().filter(notIn(['humanos-link']))),
    resize: set(
      'height',
      fc.oneof(
        fc.constantFrom(NaN, Infinity, -Infinity, '12'),
        anyValue.filter((v) => typeof v !== 'number'),
      ),
    ),
    event: fc.oneof(
      set(
        'name',
        anyValue.filter((v) => typeof v !== 'string'),
      ),
      set('name', fc.constantFrom('', 'x'.repeat(65), 'has space')),
      set(
        'meta',
        fc.oneof(
          fc.constant(null),
          fc.array(fc.nat()),
          fc.string(),
          fc.constant({ nested: { a: 1 } }),
          fc.constant({ long: 'x'.repeat(301) }),
          fc.constant(Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, i]))),
        ),
      ),
    ),
    complete: set(
      'count',
      fc.oneof(fc.constantFrom(-1, 1.5, NaN, Infinity, '2'), fc.integer({ max: -1 })),
    ),
    exit: set('reason', fc.string().filter(notIn(EXIT_REASONS))),
    error: fc.oneof(
      set(
        'code',
        anyValue.filter((v) => typeof v !== 'string'),
      ),
      set(
        'message',
        anyValue.filter((v) => typeof v !== 'string'),
      ),
    ),
    result: set(
      'enc',
      fc.oneof(
        anyValue,
        fc.record({
          alg: fc.string(),
          epk: fc.string(),
          salt: fc.string(),
          iv: fc.string(),
          ct: fc.string(),
        }),
      ),
    ),
  }
  return fc.oneof(
    set('ns', fc.oneof(fc.string(), anyValue).filter(notIn(['humanos-link']))),
    set('v', anyValue.filter(notIn([1]))),
    set(
      'type',
      fc
        .oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'results'), fc.string())
        .filter(notIn([type])),
    ),
    set(
      'sessionId',
      fc.oneof(fc.constantFrom(OTHER_SESSION, ''), anyValue).filter(notIn([FUZZ_SESSION])),
    ),
    set(
      'id',
      fc.oneof(
        fc.constant(''),
        anyValue.filter((v) => typeof v !== 'string'),
      ),
    ),
    set(
      'ts',
      fc.oneof(
        fc.constantFrom(NaN, Infinity, -Infinity, '1700000000000'),
        anyValue.filter((v) => typeof v !== 'number'),
      ),
    ),
    fc.record({ op: fc.constant('delete' as const), key: fc.constantFrom(...required) }),
    fc.record({
      op: fc.constant('extra' as const),
      key: fc
        .oneof(fc.constantFrom('__proto__', 'payload', 'decision', 'constructor'), fc.string())
        .filter(notIn(known)),
      value: anyValue,
    }),
    bodyValue[type],
  )
}

const MUTATIONS = Object.fromEntries(
  (Object.keys(BODY_KEYS) as (ControlType | 'result')[]).map((type) => [type, mutationArb(type)]),
) as Record<ControlType | 'result', fc.Arbitrary<Mutation>>

const malformedArb: fc.Arbitrary<Payload> = fc.oneof(
  controlArb().chain((base) =>
    MUTATIONS[base.type].map((mutation) => ({ kind: 'malformed' as const, base, mutation })),
  ),
  fc.nat().chain((index) =>
    MUTATIONS.result.map((mutation) => ({
      kind: 'malformed' as const,
      base: { type: 'result' as const, index },
      mutation,
    })),
  ),
)

// Anywhere in a field, often near its end.
const positionArb = fc.oneof(fc.nat(), fc.integer({ min: -3, max: -1 }))

const tamperArb: fc.Arbitrary<Tamper> = fc.oneof(
  fc.record({
    field: fc.constantFrom(...ENC_FIELDS),
    how: fc.constantFrom('char' as const, 'sextet' as const, 'byte' as const),
    at: positionArb,
    bit: fc.nat({ max: 6 }),
  }),
  fc.record({
    field: fc.constantFrom('id' as const, 'alg' as const),
    how: fc.constant('char' as const),
    at: positionArb,
    bit: fc.nat({ max: 6 }),
  }),
  fc.record({
    field: fc.constant('ts' as const),
    how: fc.constant('shift' as const),
    by: fc.oneof(
      fc.integer({ min: 1, max: 1000 }),
      fc.integer({ min: -1000, max: -1 }),
      fc.constantFrom(MAX_RESULT_AGE_MS * 2, -MAX_RESULT_AGE_MS * 2),
    ),
  }),
)

const payloadArb = (endWeight: number): fc.Arbitrary<Payload> =>
  fc.oneof(
    { weight: 12, arbitrary: anyValue.map((value) => ({ kind: 'noise' as const, value })) },
    { weight: 12, arbitrary: malformedArb },
    {
      weight: 10,
      arbitrary: controlArb(endWeight).map((spec) => ({ kind: 'control' as const, spec })),
    },
    { weight: 8, arbitrary: fc.nat().map((index) => ({ kind: 'genuine' as const, index })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'replay' as const }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('tampered' as const),
        index: fc.nat(),
        tamper: tamperArb,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constantFrom('reject' as const, 'invalid' as const),
        index: fc.nat(),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('foreign' as const), index: fc.nat() }) },
  )

// Cheap origin-like strings (fc.webUrl is slow); exact origins never matter here, only that
// they are not the frame's.
const originArb = fc
  .tuple(
    fc.constantFrom('http', 'https', 'chrome-extension', 'file'),
    fc.string({ unit: fc.constantFrom(...'abchumanos019-.'), minLength: 1, maxLength: 16 }),
    fc.nat({ max: 65_535 }),
  )
  .map(([scheme, host, port]) => `${scheme}://${host}:${port}`)

/** Origins a message may claim to come from, besides the frame's own (`'frame'`). */
export const STRANGE_ORIGINS = [
  'https://evil.example',
  'null',
  '',
  'https://app.humanos.id.evil.example',
  'http://app.humanos.id',
  'http://127.0.0.1:9.evil.example',
]

/** One generated message: who sends it, from which origin, and what. */
export function stepArb(options: { ownOrigins?: string[]; endWeight?: number } = {}) {
  const origins = [...STRANGE_ORIGINS, ...(options.ownOrigins ?? [])]
  return fc.record({
    source: fc.oneof(
      { weight: 6, arbitrary: fc.constant<SourceKey>('frame') },
      { weight: 4, arbitrary: fc.constantFrom<SourceKey>('host', 'popup', 'sibling', 'none') },
    ),
    origin: fc.oneof(
      { weight: 5, arbitrary: fc.constant('frame') },
      {
        weight: 2,
        arbitrary: fc.oneof(fc.constantFrom(...origins), originArb),
      },
    ),
    payload: payloadArb(options.endWeight ?? 1),
  })
}
