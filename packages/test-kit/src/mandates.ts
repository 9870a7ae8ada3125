// The mandate the tests share (humanos-mandates.md's example): an action that lets a shopping
// agent pay for groceries within limits, and the limits a person approves. Data only, so the
// sandbox's own tests and the server client's tests against the sandbox publish the same one.

/** The action content: two user parameters, two execution parameters, two rules. */
export const groceriesAction = {
  name: 'Pay for groceries',
  description: 'Lets the shopping agent pay for groceries on your behalf',
  userParams: {
    maxAmount: { type: 'number', description: 'Maximum amount per payment' },
    allowedCategories: { type: 'array<string>', description: 'Allowed categories' },
  },
  executionParams: { amount: { type: 'number' }, category: { type: 'string' } },
  rules: [
    { name: 'within limit', expression: 'executionParams.amount <= userParams.maxAmount' },
    {
      name: 'allowed category',
      expression: 'executionParams.category in userParams.allowedCategories',
    },
  ],
}

/** The user parameters a person approves for {@link groceriesAction}. */
export const groceriesLimits = { maxAmount: 50, allowedCategories: ['groceries'] }
