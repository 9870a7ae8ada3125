import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { BffError, messageOf } from '../api/bffClient.js'
import { useAgentAction, useCreateMandate } from '../hooks/useAgent.js'
import { ErrorState } from './ErrorState.js'
import { SkeletonList } from './SkeletonList.js'
import { Spinner } from './Spinner.js'

/** Step 1: the integrator picks the limits the person is asked to approve for the agent. */
export function MandateForm() {
  const action = useAgentAction()
  const create = useCreateMandate()
  const [contact, setContact] = useState('ana@example.com')
  const [maxAmount, setMaxAmount] = useState('50')
  const [categories, setCategories] = useState<string[]>(['groceries', 'books'])
  const ids = useId()
  const issues = create.error instanceof BffError ? create.error.issues : []
  const issueOf = (field: string) => issues.find((i) => i.field.startsWith(field))?.reason

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    create.mutate({ contact, maxAmount: Number(maxAmount), allowedCategories: categories })
  }

  const toggle = (category: string) =>
    setCategories((list) =>
      list.includes(category) ? list.filter((c) => c !== category) : [...list, category],
    )

  return (
    <form className="card form" onSubmit={onSubmit} aria-busy={create.isPending} noValidate>
      <h2>1. Set the agent&apos;s limits</h2>
      {action.isPending ? (
        <SkeletonList label="Loading the shopping agent's action" rows={2} />
      ) : action.isError ? (
        <ErrorState
          title="The shopping agent's action could not be loaded"
          error={action.error}
          onRetry={() => void action.refetch()}
          retrying={action.isFetching}
        />
      ) : (
        <>
          <p className="card-intro">
            <strong>{action.data.name}</strong>: {action.data.description} Humanos checks its rules
            every time the agent acts.
          </p>
          <div className="field">
            <label htmlFor={`${ids}-contact`}>Person who approves</label>
            <input
              id={`${ids}-contact`}
              type="email"
              value={contact}
              onChange={(e) => setContact(e.target.value)}
              aria-invalid={issueOf('contact') ? true : undefined}
            />
            {issueOf('contact') ? <p className="field-error">{issueOf('contact')}</p> : null}
          </div>
          <div className="field">
            <label htmlFor={`${ids}-max`}>Maximum amount per payment</label>
            <input
              id={`${ids}-max`}
              type="number"
              min="1"
              step="any"
              inputMode="decimal"
              value={maxAmount}
              onChange={(e) => setMaxAmount(e.target.value)}
              aria-invalid={issueOf('maxAmount') ? true : undefined}
            />
            {issueOf('maxAmount') ? <p className="field-error">{issueOf('maxAmount')}</p> : null}
          </div>
          <fieldset className="field">
            <legend>Allowed categories</legend>
            <div className="chips">
              {action.data.categories.map((category) => (
                <label key={category} className="chip">
                  <input
                    type="checkbox"
                    checked={categories.includes(category)}
                    onChange={() => toggle(category)}
                  />{' '}
                  {category}
                </label>
              ))}
            </div>
            {issueOf('allowedCategories') ? (
              <p className="field-error">{issueOf('allowedCategories')}</p>
            ) : null}
          </fieldset>
          {create.error && issues.length === 0 ? (
            <p className="field-error" role="alert">
              {messageOf(create.error)}
            </p>
          ) : null}
          <button type="submit" className="button primary" disabled={create.isPending}>
            {create.isPending ? <Spinner /> : null}
            Ask for the mandate
          </button>
        </>
      )}
    </form>
  )
}
