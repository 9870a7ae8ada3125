import { useEffect, useState } from 'react'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, screen, userEvent, waitFor } from 'storybook/test'
import type { HumanosLinkOptions } from '@humanos-link/core'
import { useHumanosLink } from './useHumanosLink.js'
import { clickInFrame, storyLink } from './stories/storyFrame.js'

type Callbacks = Pick<HumanosLinkOptions, 'onReady' | 'onSuccess' | 'onExit' | 'onError'>

interface CheckoutProps extends Callbacks {
  /** How long the app's server takes to hand out the link. */
  fetchDelayMs: number
}

/**
 * An app screen that drives a modal flow from the hook: the link is still being fetched when the
 * person clicks, and `open()` waits for it instead of doing nothing.
 */
function ModalCheckout({ fetchDelayMs, ...callbacks }: CheckoutProps) {
  const [link, setLink] = useState<string | null>(null)
  useEffect(() => {
    const timer = setTimeout(() => setLink(storyLink('sess-hook')), fetchDelayMs)
    return () => clearTimeout(timer)
  }, [fetchDelayMs])
  const flow = useHumanosLink({ link, ...callbacks })
  return (
    <div style={{ font: '14px system-ui, sans-serif', padding: 16 }}>
      <p>A mandate for Ana to approve.</p>
      <button type="button" onClick={flow.open} disabled={flow.status === 'completed'}>
        Approve the mandate
      </button>
      <p data-testid="status">
        {link ? 'Link ready' : 'Fetching the link…'} · status: {flow.status}
        {flow.ready && ' (ready)'}
        {flow.result && ` · ${flow.result.length} decision(s) received`}
      </p>
    </div>
  )
}

const meta = {
  title: 'React/useHumanosLink',
  component: ModalCheckout,
  args: {
    fetchDelayMs: 400,
    onReady: fn(),
    onSuccess: fn(),
    onExit: fn(),
    onError: fn(),
  },
} satisfies Meta<typeof ModalCheckout>

export default meta
type Story = StoryObj<typeof meta>

const slow = { timeout: 20_000 }

/** `open()` before the link (and the frame) is ready: the overlay opens as soon as it can. */
export const OpenBeforeReady: Story = {
  play: async ({ args, canvas }) => {
    await expect(canvas.getByTestId('status')).toHaveTextContent('Fetching the link…')
    await userEvent.click(canvas.getByRole('button', { name: 'Approve the mandate' }))
    const dialog = await screen.findByRole('dialog', {}, slow)
    await expect(dialog).toBeVisible()
    await waitFor(() => expect(args.onReady).toHaveBeenCalledOnce(), slow)
    clickInFrame('accept')
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce(), slow)
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    await expect(canvas.getByTestId('status')).toHaveTextContent('1 decision(s) received')
  },
}

/** The overlay's close button ends the flow as `user_closed`. */
export const ClosedByThePerson: Story = {
  args: { fetchDelayMs: 0 },
  play: async ({ args, canvas }) => {
    await waitFor(() => expect(args.onReady).toHaveBeenCalledOnce(), slow)
    await userEvent.click(canvas.getByRole('button', { name: 'Approve the mandate' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Close' }))
    await waitFor(() => expect(args.onExit).toHaveBeenCalledWith('user_closed'), slow)
    await expect(screen.queryByRole('dialog')).toBeNull()
    await expect(canvas.getByTestId('status')).toHaveTextContent('status: exited')
  },
}
