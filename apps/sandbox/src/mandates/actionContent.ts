// The content of an action version (humanos-mandates.md section 2.1) and its digest.
import { createHash } from 'node:crypto'
import canonicalize from 'canonicalize'
import { z } from 'zod'

/** The parameter types an action may declare, and the CEL type each one has in its rules. */
export const PARAM_CEL_TYPES = {
  string: 'string',
  number: 'double',
  integer: 'int',
  boolean: 'bool',
  'array<string>': 'list<string>',
  'array<number>': 'list<double>',
} as const

export type ParamType = keyof typeof PARAM_CEL_TYPES

// CEL's reserved words cannot be field names in a rule (`userParams.in` does not parse).
const RESERVED = new Set(
  [
    'true false null in as break const continue else for function if import let loop package',
    'namespace return var void while',
  ]
    .join(' ')
    .split(' '),
)

const paramName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must be an identifier (letters, digits, _; 1-64)')
  .refine((name) => !RESERVED.has(name), 'is a reserved word in CEL')

const paramSchema = z.strictObject({
  type: z.enum(Object.keys(PARAM_CEL_TYPES) as [ParamType, ...ParamType[]], {
    message: `must be one of ${Object.keys(PARAM_CEL_TYPES).join(', ')}`,
  }),
  description: z.string().trim().min(1).max(500).optional(),
})

const paramsSchema = z
  .record(paramName, paramSchema)
  .refine((params) => Object.keys(params).length <= 50, 'must declare at most 50 parameters')

const ruleSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  description: z.string().trim().min(1).max(1000).optional(),
  expression: z.string().trim().min(1, 'must not be empty').max(2000),
})

/** An action version's `content`. Unknown fields are refused, so a typo never goes unnoticed. */
export const actionContentSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    description: z.string().trim().min(1).max(2000).optional(),
    userParams: paramsSchema.default({}),
    executionParams: paramsSchema.default({}),
    rules: z.array(ruleSchema).max(50, 'must list at most 50 rules').default([]),
  })
  .superRefine((content, ctx) => {
    const seen = new Set<string>()
    content.rules.forEach((rule, index) => {
      if (seen.has(rule.name)) {
        ctx.addIssue({ code: 'custom', path: ['rules', index, 'name'], message: 'is repeated' })
      }
      seen.add(rule.name)
    })
  })

export type ActionContent = z.infer<typeof actionContentSchema>
export type ParamDeclarations = ActionContent['userParams']

/** `sha256-` + base64(SHA-256(JCS(content))): what a mandate pins (section 2.1). */
export function actionDigestSRI(content: unknown): string {
  const text = canonicalize(content)
  if (text === undefined) throw new TypeError('The content cannot be canonicalized')
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`
}
