import { cleanup, configure, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeLinkFrame, linkUrl } from '@humanos-link/test-kit'
import { ErrorCodes, HumanosLinkError } from '@humanos-link/core'
import type { LinkMode } from '@humanos-link/core'
import { useHumanosLink } from './useHumanosLink.js'
import type { UseHumanosLinkOptions } from './useHumanosLink.js'
import { callbacks, flushed } from './testing/callbacks.js'

// Generous waits: a shared CI machine can be slow to generate keys and load frames.
configure({ asyncUtilTimeout: 5_000 })

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

/** An app screen driven by the hook: a button, a status line, and (inline) the frame's box. */
function Checkout(props: UseHumanosLinkOptions) {
  const flow = useHumanosLink(props)
  return (
    <section>
      <button type="button" onClick={flow.open}>
        Approve
      </button>
      <button type="button" onClick={flow.close}>
        Later
      </button>
      <output
        data-open={flow.isOpen}
      >{`${flow.status}|${flow.ready}|${flow.error?.code ?? ''}|${flow.decisions.length}|${flow.result?.length ?? ''}`}</output>
      {props.mode === 'inline' && <div data-testid="box" ref={flow.containerRef} />}
    </section>
  )
}

const shown = () => document.querySelector('dialog [role="status"]')?.textContent
const line = () => document.querySelector('output')?.textContent
async function findFrame(sessionId: string) {
  const iframe = await waitFor(() => {
    const found = document.querySelector('iframe')
    if (!found?.src.includes(sessionId)) throw new Error(`no frame for ${sessionId} yet`)
    return found
  })
  return fakeLinkFrame(iframe)
}

describe('useHumanosLink', () => {
  it('stays idle with nothing mounted while the link is null, then starts', async () => {
    const generateKey = vi.spyOn(crypto.subtle, 'generateKey')
    const { rerender } = render(<Checkout link={null} mode="inline" />)
    await flushed()
    expect(line()).toBe('idle|false||0|')
    expect(document.querySelector('iframe')).toBeNull()
    expect(generateKey).not.toHaveBeenCalled()

    rerender(<Checkout link={linkUrl('sess-later')} mode="inline" />)
    const frame = await findFrame('sess-later')
    expect(line()).toBe('loading|false||0|')
    expect(screen.getByTestId('box').contains(frame.iframe)).toBe(true)
    frame.post('ready', {})
    await waitFor(() => expect(line()).toBe('ready|true||0|'))
    await frame.approve(2)
    await waitFor(() => expect(line()).toBe('completed|false||2|2'))
  })

  it('reports session_expired with its code, and a fresh link recovers', async () => {
    const { spies } = callbacks()
    const { rerender } = render(<Checkout link={linkUrl('sess-old')} mode="inline" {...spies} />)
    const expired = await findFrame('sess-old')
    expired.post('error', { code: 'session_expired', message: 'This link has expired.' })
    await waitFor(() => expect(line()).toBe('failed|false|session_expired|0|'))
    expect(spies.onError).toHaveBeenCalledTimes(1)
    const error = spies.onError.mock.calls[0]?.[0]
    expect(error).toBeInstanceOf(HumanosLinkError)
    expect(error?.code).toBe(ErrorCodes.SESSION_EXPIRED)
    expect(error?.message).toBe('This link has expired.')

    // What an app does: fetch a new link from its server and pass it.
    rerender(<Checkout link={linkUrl('sess-new')} mode="inline" {...spies} />)
    const fresh = await findFrame('sess-new')
    expect(expired.iframe.isConnected).toBe(false)
    expect(line()).toBe('loading|false||0|')
    fresh.post('ready', {})
    await fresh.approve()
    await waitFor(() => expect(line()).toBe('completed|false||1|1'))
    expect(spies.onSuccess).toHaveBeenCalledTimes(1)
    expect(spies.onError).toHaveBeenCalledTimes(1)
  })

  it.each([
    ['not https', 'http://app.example.com/link/sess-1'],
    ['not a URL', 'link-from-a-bad-response'],
    ['without a session id', 'https://app.humanos.id/'],
  ])('turns a link that is %s into an invalid_link error, not a crash', async (_why, link) => {
    const { spies } = callbacks()
    const { rerender } = render(<Checkout link={link} mode="inline" {...spies} />)
    await waitFor(() => expect(line()).toBe('failed|false|invalid_link|0|'))
    expect(spies.onError).toHaveBeenCalledTimes(1)
    expect(spies.onError.mock.calls[0]?.[0]).toMatchObject({
      name: 'HumanosLinkError',
      code: 'invalid_link',
    })
    expect(document.querySelector('iframe')).toBeNull()

    rerender(<Checkout link={linkUrl('sess-valid')} mode="inline" {...spies} />)
    await findFrame('sess-valid')
    expect(line()).toBe('loading|false||0|')
  })

  it('modal: open() before the link arrives waits, then shows the loading flow', async () => {
    const { rerender } = render(<Checkout link={null} />)
    screen.getByRole('button', { name: 'Approve' }).click()
    await flushed()
    expect(screen.queryByRole('dialog')).toBeNull()

    rerender(<Checkout link={linkUrl('sess-intent')} />)
    const dialog = await screen.findByRole('dialog')
    expect(dialog.checkVisibility()).toBe(true)
    expect(shown()).toBe('Loading the approval flow…')
    const frame = await findFrame('sess-intent')
    frame.post('ready', {})
    await waitFor(() => expect(line()).toBe('ready|true||0|'))
    expect(screen.getByRole('dialog').checkVisibility()).toBe(true)

    await frame.approve()
    await waitFor(() => expect(line()).toBe('completed|false||1|1'))
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('modal: close() hides without ending, and open() shows the same flow again', async () => {
    const { spies } = callbacks()
    render(<Checkout link={linkUrl('sess-hide')} {...spies} />)
    const frame = await findFrame('sess-hide')
    frame.post('ready', {})
    await waitFor(() => expect(line()).toBe('ready|true||0|'))
    expect(screen.queryByRole('dialog')).toBeNull()

    screen.getByRole('button', { name: 'Approve' }).click()
    await waitFor(() => expect(screen.getByRole('dialog').checkVisibility()).toBe(true))
    screen.getByRole('button', { name: 'Close' }).focus()
    // The page behind is inert while the dialog shows; close() is the app's own way out.
    const later = screen.getByRole('button', { name: 'Later', hidden: true })
    later.click()
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(line()).toBe('ready|true||0|')
    expect(spies.onExit).not.toHaveBeenCalled()

    screen.getByRole('button', { name: 'Approve' }).click()
    await waitFor(() => expect(screen.getByRole('dialog').checkVisibility()).toBe(true))
    expect(document.querySelectorAll('iframe')).toHaveLength(1)
    expect(document.querySelector('iframe')).toBe(frame.iframe)
  })

  it('modal: the close button ends the flow as user_closed', async () => {
    const { spies } = callbacks()
    render(<Checkout link={linkUrl('sess-x')} {...spies} />)
    screen.getByRole('button', { name: 'Approve' }).click()
    const frame = await findFrame('sess-x')
    frame.post('ready', {})
    await waitFor(() => expect(line()).toBe('ready|true||0|'))
    screen.getByRole('button', { name: 'Close' }).click()
    await waitFor(() => expect(line()).toBe('exited|false||0|'))
    expect(spies.onExit).toHaveBeenCalledWith('user_closed')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it.each(['inline', 'modal'] as LinkMode[])(
    'open() leaves the overlay closed where it cannot show (%s, or a flow that ended)',
    async (mode) => {
      render(<Checkout link={linkUrl('sess-ended')} mode={mode} />)
      const frame = await findFrame('sess-ended')
      if (mode === 'inline') {
        screen.getByRole('button', { name: 'Approve' }).click()
        await flushed()
        expect(document.querySelector('output')?.dataset.open).toBe('false')
      }
      frame.post('exit', { reason: 'user_closed' })
      await waitFor(() => expect(line()).toBe('exited|false||0|'))
      screen.getByRole('button', { name: 'Approve' }).click()
      await flushed()
      expect(screen.queryByRole('dialog')).toBeNull()
      expect(line()).toBe('exited|false||0|')
      expect(document.querySelector('output')?.dataset.open).toBe('false')
    },
  )
})
