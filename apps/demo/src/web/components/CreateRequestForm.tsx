import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import type { SecurityLevel } from '../../shared/apiTypes.js'
import { BffError } from '../api/bffClient.js'
import { useCreateRequest } from '../hooks/useCreateRequest.js'
import { Spinner } from './Spinner.js'

export const CONTACTS_FIELD_ID = 'contacts'

const LEVELS: Array<{ value: SecurityLevel; label: string }> = [
  { value: 'CONTACT', label: 'One-time code (CONTACT)' },
  { value: 'ORGANIZATION_KYC', label: 'Code + identity check by you (ORGANIZATION_KYC)' },
  { value: 'HUMANOS_KYC', label: 'Code + identity check by Humanos (HUMANOS_KYC)' },
  {
    value: 'HUMANOS_REVALIDATION',
    label: 'Code + re-check of a known identity (HUMANOS_REVALIDATION)',
  },
]

function parseContacts(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((c) => c.trim())
    .filter(Boolean)
}

// `contacts[1]` is reported under the contacts field as "Contact 2: …".
function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof BffError)) return {}
  const out: Record<string, string> = {}
  for (const { field, reason } of error.issues) {
    const match = /^(\w+)(?:\[(\d+)\])?/.exec(field)
    const name = match?.[1] ?? field
    const index = match?.[2]
    const text = index === undefined ? reason : `Contact ${Number(index) + 1}: ${reason}`
    out[name] = out[name] ? `${out[name]} ${text}` : text
  }
  return out
}

/** The integrator's side of a request: who approves, what, and how they prove who they are. */
export function CreateRequestForm() {
  const create = useCreateRequest()
  const [contactsText, setContactsText] = useState('ana@example.com')
  const [chosen, setChosen] = useState('')
  const [credentialName, setCredentialName] = useState('Share my email with Acme')
  const [description, setDescription] = useState('Acme may send you its monthly newsletter.')
  const [securityLevel, setSecurityLevel] = useState<SecurityLevel>('CONTACT')
  const ids = useId()
  const contacts = parseContacts(contactsText)
  const contact = contacts.includes(chosen) ? chosen : contacts[0]
  const errors = fieldErrors(create.error)
  const generalError =
    create.error && Object.keys(errors).length === 0 ? create.error.message : null

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    create.mutate({
      contacts,
      contact,
      credentialName,
      credentialDescription: description,
      securityLevel,
    })
  }

  const describedBy = (name: string, hint?: string) =>
    [hint, errors[name] ? `${ids}-${name}-error` : null].filter(Boolean).join(' ') || undefined
  const fieldError = (name: string) =>
    errors[name] ? (
      <p id={`${ids}-${name}-error`} className="field-error">
        {errors[name]}
      </p>
    ) : null

  return (
    <form className="card form" onSubmit={onSubmit} aria-busy={create.isPending} noValidate>
      <h2>1. Create a request</h2>
      <p className="card-intro">
        Your server (the BFF) asks Humanos for an approval and hands this page only the Link.
      </p>

      <label htmlFor={CONTACTS_FIELD_ID}>Contacts</label>
      <textarea
        id={CONTACTS_FIELD_ID}
        rows={2}
        value={contactsText}
        onChange={(e) => setContactsText(e.target.value)}
        aria-invalid={Boolean(errors.contacts)}
        aria-describedby={describedBy('contacts', `${ids}-contacts-hint`)}
        autoComplete="off"
        spellCheck={false}
      />
      <p id={`${ids}-contacts-hint`} className="hint">
        Emails or phone numbers (+351…), one per line. Each gets their own code.
      </p>
      {fieldError('contacts')}

      {contacts.length > 1 ? (
        <>
          <label htmlFor={`${ids}-contact`}>Approve here as</label>
          <select
            id={`${ids}-contact`}
            value={contact}
            onChange={(e) => setChosen(e.target.value)}
            aria-invalid={Boolean(errors.contact)}
            aria-describedby={describedBy('contact')}
          >
            {contacts.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
          {fieldError('contact')}
        </>
      ) : null}

      <label htmlFor={`${ids}-name`}>What is being approved</label>
      <input
        id={`${ids}-name`}
        value={credentialName}
        onChange={(e) => setCredentialName(e.target.value)}
        aria-invalid={Boolean(errors.credentialName)}
        aria-describedby={describedBy('credentialName')}
        maxLength={200}
      />
      {fieldError('credentialName')}

      <label htmlFor={`${ids}-description`}>Details (optional)</label>
      <textarea
        id={`${ids}-description`}
        rows={2}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        aria-invalid={Boolean(errors.credentialDescription)}
        aria-describedby={describedBy('credentialDescription')}
        maxLength={2000}
      />
      {fieldError('credentialDescription')}

      <label htmlFor={`${ids}-level`}>Security level</label>
      <select
        id={`${ids}-level`}
        value={securityLevel}
        onChange={(e) => {
          const level = LEVELS.find((l) => l.value === e.target.value)
          if (level) setSecurityLevel(level.value)
        }}
        aria-invalid={Boolean(errors.securityLevel)}
        aria-describedby={describedBy('securityLevel')}
      >
        {LEVELS.map((level) => (
          <option key={level.value} value={level.value}>
            {level.label}
          </option>
        ))}
      </select>
      {fieldError('securityLevel')}

      {generalError ? (
        <p className="form-error" role="alert">
          {generalError}
        </p>
      ) : null}
      {Object.keys(errors).length > 0 ? (
        <p className="form-error" role="alert">
          Check the highlighted fields.
        </p>
      ) : null}

      <button type="submit" className="button primary" disabled={create.isPending}>
        {create.isPending ? (
          <>
            <Spinner /> Creating…
          </>
        ) : (
          'Create request'
        )}
      </button>
    </form>
  )
}
