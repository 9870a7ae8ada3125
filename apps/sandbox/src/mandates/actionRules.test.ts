import { describe, expect, it } from 'vitest'
import vectors from '../testing/specVectors.json'
import { actionContentSchema } from './actionContent.js'
import { RuleCompileError, compileRules } from './actionRules.js'

const groceries = actionContentSchema.parse(vectors.actionDigest.content)
const limits = { maxAmount: 50, allowedCategories: ['groceries', 'books'] }

function content(rules: Array<{ name: string; expression: string }>, extra = {}) {
  return actionContentSchema.parse({ ...vectors.actionDigest.content, rules, ...extra })
}

describe('compiling rules', () => {
  it('names the rule that does not parse, type-check or yield a bool', () => {
    const failing = (expression: string) => () =>
      compileRules(
        content([
          { name: 'ok', expression: 'true' },
          { name: 'bad one', expression },
        ]),
      )
    expect(failing('executionParams.amount <=')).toThrow(/^rules\[1\] "bad one": /)
    expect(failing('userParams.nope > 1')).toThrow(RuleCompileError)
    expect(failing('userParams.nope > 1')).toThrow(/nope/)
    expect(failing('executionParams.amount + "x" == "y"')).toThrow(/overload/)
    expect(failing('executionParams.amount')).toThrow(/must yield a bool, not double/)
    expect(failing('other.amount > 1')).toThrow(/Unknown variable: other/)
  })
})

describe('evaluating rules', () => {
  const rules = compileRules(groceries)

  it('allows within the limits, one evaluation per rule in order', () => {
    const evaluations = rules.evaluate(limits, { amount: 30, category: 'groceries' })
    expect(evaluations).toEqual([
      { name: 'within limit', expression: groceries.rules[0]!.expression, result: true },
      { name: 'allowed category', expression: groceries.rules[1]!.expression, result: true },
    ])
  })

  it('fails the rule that does not hold, and only it', () => {
    const over = rules.evaluate(limits, { amount: 50.01, category: 'groceries' })
    expect(over.map((e) => e.result)).toEqual([false, true])
    const wrong = rules.evaluate(limits, { amount: 10, category: 'toys' })
    expect(wrong.map((e) => e.result)).toEqual([true, false])
    expect(rules.evaluate(limits, { amount: 50, category: 'books' })[0]!.result).toBe(true)
  })

  it('keeps integers as CEL ints and compares them with doubles', () => {
    const typed = compileRules(
      actionContentSchema.parse({
        name: 'x',
        userParams: { maxQty: { type: 'integer' }, price: { type: 'number' } },
        executionParams: { qty: { type: 'integer' } },
        rules: [
          { name: 'qty', expression: 'executionParams.qty <= userParams.maxQty' },
          { name: 'int division', expression: 'executionParams.qty / 2 == 1' },
          { name: 'mixed', expression: 'executionParams.qty < userParams.price' },
        ],
      }),
    )
    expect(typed.evaluate({ maxQty: 3, price: 2.5 }, { qty: 2 }).map((e) => e.result)).toEqual([
      true,
      true,
      true,
    ])
    expect(typed.evaluate({ maxQty: 3, price: 2.5 }, { qty: 3 }).map((e) => e.result)).toEqual([
      true,
      true,
      false,
    ])
  })

  it('counts a rule whose evaluation errors as false, with the error', () => {
    const erroring = compileRules(
      content([{ name: 'divide', expression: '1 / (size(executionParams.category) - 4) == 0' }]),
    )
    const [evaluation] = erroring.evaluate(limits, { amount: 1, category: 'food' })
    expect(evaluation).toMatchObject({ name: 'divide', result: false, error: 'division by zero' })
  })
})
