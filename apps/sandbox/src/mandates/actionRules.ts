// An action version's CEL rules, compiled once per version with @marcbachmann/cel-js (the
// sandbox README says why this implementation). Each version gets its own typed environment:
// `userParams` and `executionParams` are declared with the action's parameters, so a rule that
// names an undeclared parameter, mixes types or does not yield a bool fails when it is authored,
// not when an agent acts.
import { Environment } from '@marcbachmann/cel-js'
import type { ActionContent, ParamDeclarations } from './actionContent.js'
import { PARAM_CEL_TYPES } from './actionContent.js'

/** One rule's outcome, as `POST /credential/verify` reports it (section 5). */
export interface RuleEvaluation {
  name: string
  expression: string
  result: boolean
  error?: string
}

/** A version's rules, ready to run. */
export interface CompiledRules {
  /** Evaluates every rule in the action's order; an error makes that rule `false`. */
  evaluate(
    userParams: Record<string, unknown>,
    executionParams: Record<string, unknown>,
  ): RuleEvaluation[]
}

/** A rule that does not compile: the index and name of the rule, and why. */
export class RuleCompileError extends Error {
  constructor(
    readonly index: number,
    readonly ruleName: string,
    reason: string,
  ) {
    super(`rules[${index}] "${ruleName}": ${reason}`)
    this.name = 'RuleCompileError'
  }
}

function schemaOf(declared: ParamDeclarations): Record<string, string> {
  return Object.fromEntries(
    Object.entries(declared).map(([name, { type }]) => [name, PARAM_CEL_TYPES[type]]),
  )
}

/** CEL has distinct int and double: integer parameters travel as CEL ints (bigint). */
function celValues(declared: ParamDeclarations, values: Record<string, unknown>) {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(values)) {
    out[name] =
      declared[name]?.type === 'integer' && typeof value === 'number' ? BigInt(value) : value
  }
  return out
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0]!.slice(0, 300)
}

/**
 * Compiles every rule of an action version: parse, type-check against the declared
 * parameters, and require a `bool` result.
 * @throws RuleCompileError naming the first rule that does not compile
 */
export function compileRules(content: ActionContent): CompiledRules {
  const env = new Environment({
    limits: { maxAstNodes: 2000, maxDepth: 32, maxListElements: 200, maxMapEntries: 200 },
  })
    .registerVariable({ name: 'userParams', schema: schemaOf(content.userParams) })
    .registerVariable({ name: 'executionParams', schema: schemaOf(content.executionParams) })
  const programs = content.rules.map((rule, index) => {
    let program: ReturnType<Environment['parse']>
    try {
      program = env.parse(rule.expression)
    } catch (error) {
      throw new RuleCompileError(index, rule.name, firstLine(error))
    }
    const checked = program.check()
    if (!checked.valid) throw new RuleCompileError(index, rule.name, firstLine(checked.error))
    if (checked.type !== 'bool') {
      throw new RuleCompileError(index, rule.name, `must yield a bool, not ${checked.type}`)
    }
    return { rule, program }
  })
  return {
    evaluate(userParams, executionParams) {
      const context = {
        userParams: celValues(content.userParams, userParams),
        executionParams: celValues(content.executionParams, executionParams),
      }
      return programs.map(({ rule, program }) => {
        const base = { name: rule.name, expression: rule.expression }
        try {
          const value: unknown = program(context)
          if (typeof value === 'boolean') return { ...base, result: value }
          return { ...base, result: false, error: 'the rule did not yield a bool' }
        } catch (error) {
          return { ...base, result: false, error: firstLine(error) }
        }
      })
    },
  }
}
