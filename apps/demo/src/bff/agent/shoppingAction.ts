// The demo's agent action: a "shopping agent" that may pay up to a maximum amount in the
// categories the person allows. The BFF seeds it into the sandbox the first time it is needed
// (Humanos authors actions in its dashboard; the sandbox through `/_sandbox/actions`).
import type { ActionVersion } from '@humanos-link/server'
import type { BffContext } from '../context.js'

export const SHOPPING_ACTION_NAME = 'Shopping agent'

/** The categories the demo offers; the person approves some of them. */
export const SHOPPING_CATEGORIES = ['groceries', 'books', 'electronics', 'toys'] as const

/** The DID the demo's agent presents to (the shop that executes the purchase). */
export const DEMO_VERIFIER = 'did:web:shop.demo.example'

export const shoppingContent = {
  name: SHOPPING_ACTION_NAME,
  description: 'Lets the demo shopping agent pay for purchases on your behalf, within limits.',
  userParams: {
    maxAmount: { type: 'number', description: 'Maximum amount per payment' },
    allowedCategories: { type: 'array<string>', description: 'Allowed categories' },
  },
  executionParams: {
    amount: { type: 'number', description: 'Amount of this payment' },
    category: { type: 'string', description: 'Category of this purchase' },
  },
  rules: [
    {
      name: 'within limit',
      description: 'The payment is at most the maximum amount',
      expression: 'executionParams.amount <= userParams.maxAmount',
    },
    {
      name: 'allowed category',
      description: 'The purchase is in an allowed category',
      expression: 'executionParams.category in userParams.allowedCategories',
    },
  ],
}

const seeded = new WeakMap<BffContext, Promise<ActionVersion>>()

async function findPublished(ctx: BffContext): Promise<ActionVersion | null> {
  const { data } = await ctx.humanos.listActions({ search: SHOPPING_ACTION_NAME, pageSize: 100 })
  for (const action of data) {
    if (action.name !== SHOPPING_ACTION_NAME) continue
    const versions = await ctx.humanos.listActionVersions(action.id, { active: true })
    const latest = versions.data[0]
    if (latest && JSON.stringify(latest.content) === JSON.stringify(shoppingContent)) return latest
  }
  return null
}

async function seed(ctx: BffContext): Promise<ActionVersion> {
  const existing = await findPublished(ctx)
  if (existing) return existing
  const response = await fetch(`${ctx.config.humanosBaseUrl}/_sandbox/actions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ctx.config.apiKey}` },
    body: JSON.stringify({ content: shoppingContent, publish: true }),
  })
  if (!response.ok) {
    throw new Error(`The sandbox refused the shopping action (${response.status})`)
  }
  const created = await findPublished(ctx)
  if (!created) throw new Error('The shopping action was created but is not listed')
  return created
}

/**
 * The published shopping action, seeded into the sandbox once per BFF. A failed seed is not
 * kept, so the next call tries again (the sandbox may have started after the BFF).
 */
export function shoppingAction(ctx: BffContext): Promise<ActionVersion> {
  let pending = seeded.get(ctx)
  if (!pending) {
    pending = seed(ctx)
    seeded.set(ctx, pending)
    pending.catch(() => seeded.delete(ctx))
  }
  return pending
}
