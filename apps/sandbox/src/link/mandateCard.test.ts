import { describe, expect, it } from 'vitest'
import { mandateRequest, publishedAction, sandboxCall } from '../testing/mandateFixtures.js'
import { groceriesAction } from '@humanos-link/test-kit'
import { useLinkPageSandbox } from '../testing/linkPageClient.js'

const { ctx, createRequest, open } = useLinkPageSandbox()

async function mandateLink(content: unknown = groceriesAction, userParams?: unknown) {
  const action = await publishedAction(ctx.t, content)
  const { credentials } = mandateRequest(action.id, userParams)
  return createRequest({ credentials })
}

describe('the review step of a mandate', () => {
  it('shows the action and each limit with its description and value, lists as lists', async () => {
    const { link } = await mandateLink(groceriesAction, {
      maxAmount: 1250.5,
      allowedCategories: ['groceries', 'books'],
    })
    const { html } = await open(link)
    const card = html.slice(html.indexOf('data-testid="mandate"'))
    expect(card).toContain('What the agent may do for you')
    expect(card).toContain('<h3 class="mandate-name">Pay for groceries</h3>')
    expect(card).toContain(groceriesAction.description)
    expect(card).toContain('The limits you approve')
    expect(card).toMatch(
      /data-param="maxAmount">\s*<dt>Maximum amount per payment<\/dt>\s*<dd>1,250.5<\/dd>/,
    )
    expect(card).toMatch(
      /data-param="allowedCategories">\s*<dt>Allowed categories<\/dt>\s*<dd><ul class="data-list">\s*<li>groceries<\/li>\s*<li>books<\/li>/,
    )
  })

  it('speaks Portuguese, names an undescribed limit from its key, and escapes everything', async () => {
    const evil = '<img src=x onerror=alert(1)>'
    const { link } = await mandateLink(
      {
        name: evil,
        description: evil,
        userParams: { maxItems: { type: 'integer' }, giftWrap: { type: 'boolean' } },
        rules: [],
      },
      { maxItems: 3, giftWrap: true },
    )
    const { html } = await open(link, { ...defaultParams(), lang: 'PRT' })
    expect(html).toContain('O que o agente pode fazer por si')
    expect(html).toMatch(/<dt>Max items<\/dt>\s*<dd>3<\/dd>/)
    expect(html).toMatch(/<dt>Gift wrap<\/dt>\s*<dd>Sim<\/dd>/)
    expect(html).not.toContain('<img')
  })

  it('sends the mandate unchanged in the credential webhook', async () => {
    const action = await publishedAction(ctx.t)
    const { sessionId, json } = await createRequest({
      credentials: mandateRequest(action.id).credentials,
    })
    const decided = await sandboxCall(ctx.t, 'POST', `/_sandbox/sessions/${sessionId}/decide`, {
      action: 'accept',
    })
    expect(decided.status).toBe(200)
    const stored = await ctx.t.api('GET', `/credential/${json.credentials[0].id}`)
    const hooks = await sandboxCall(ctx.t, 'GET', '/_sandbox/webhooks')
    const event = hooks.json.data.find(
      (d: { event: { credential?: { id: string } } }) =>
        d.event.credential?.id === json.credentials[0].id,
    ).event
    expect(event.credential.w3cCredential).toEqual(stored.json.w3cCredential)
    expect(event.credential.w3cCredential.credentialSubject.mandate).toMatchObject({
      action: { id: action.id, version: 1, digestSRI: action.digestSRI },
      userParams: { maxAmount: 50, allowedCategories: ['groceries'] },
    })
  })
})

function defaultParams() {
  return { pubKey: ctx.keys.publicKey, postMessageOrigin: 'http://localhost:5173' }
}
