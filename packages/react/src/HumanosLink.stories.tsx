import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, screen, userEvent, waitFor } from 'storybook/test'
import { HumanosLink } from './HumanosLink.js'
import { FlowDemo } from './stories/FlowDemo.js'
import { SandboxDemo } from './stories/SandboxDemo.js'
import type { FlowDemoProps } from './stories/FlowDemo.js'
import { clickInFrame, findLinkFrame, sessionOf, storyLink } from './stories/storyFrame.js'
import type { FrameScenario } from './stories/storyFrame.js'

// Every story runs the real SDK against a real Link frame on another origin (the e2e test
// frame, served by this Storybook at /link/<id> on the other loopback name): real key pair,
// real encryption, real postMessage. The frame's scenario comes from the link's query.

interface StoryArgs extends Omit<FlowDemoProps, 'link'> {
  /** The session id in the Link URL. */
  session: string
  /** What the test frame does (see e2e/fixtures/frame.ts). */
  scenario: FrameScenario
}

/** `<HumanosLink>` in a small host page (see FlowDemo), its link pointing at the test frame. */
function HumanosLinkStory({ session, scenario, ...props }: StoryArgs) {
  return <FlowDemo {...props} link={storyLink(session, scenario)} />
}

const meta = {
  title: 'React/HumanosLink',
  component: HumanosLinkStory,
  subcomponents: { HumanosLink },
  args: {
    session: 'sess-story',
    scenario: {},
    mode: 'inline',
    onReady: fn(),
    onDecision: fn(),
    onSuccess: fn(),
    onExit: fn(),
    onError: fn(),
    onEvent: fn(),
  },
  argTypes: {
    mode: { control: 'inline-radio', options: ['inline', 'modal'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    lang: { control: 'inline-radio', options: ['ENG', 'PRT'] },
    session: { control: false },
    scenario: { control: false },
  },
} satisfies Meta<typeof HumanosLinkStory>

export default meta
type Story = StoryObj<typeof meta>

// The first story on a cold dev server waits for the frame's modules to be compiled.
const slow = { timeout: 20_000 }

async function frameIsReady(args: StoryArgs) {
  await waitFor(() => expect(args.onReady).toHaveBeenCalledOnce(), slow)
}

async function failsWith(args: StoryArgs, code: string) {
  await waitFor(() => expect(args.onError).toHaveBeenCalledOnce(), slow)
  await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code }))
  await expect(args.onSuccess).not.toHaveBeenCalled()
}

/** The frame is on its way: the host shows its loading state. The frame never answers here. */
export const Loading: Story = {
  args: { session: 'sess-loading', scenario: { silent: '1' }, loadTimeoutMs: 600_000 },
  play: async ({ args, canvas }) => {
    await waitFor(() => expect(findLinkFrame()).not.toBeNull(), slow)
    await expect(await canvas.findByText('Loading the approval flow…')).toBeVisible()
    await expect(canvas.getByTestId('status')).toHaveTextContent('Status: loading')
    await expect(args.onReady).not.toHaveBeenCalled()
  },
}

/** Inline: the flow renders in the page and follows its own height. */
export const ReadyInline: Story = {
  args: { session: 'sess-inline' },
  play: async ({ args, canvas }) => {
    await frameIsReady(args)
    const iframe = findLinkFrame()!
    // A real second origin: the story cannot look inside the frame.
    await expect(new URL(iframe.src).origin).not.toBe(location.origin)
    await expect(iframe.contentDocument).toBeNull()
    await expect(canvas.getByTestId('status')).toHaveTextContent('Status: ready')
    await waitFor(() => expect(iframe.getBoundingClientRect().height).toBeLessThan(560), slow)
  },
}

/** Modal: the overlay opens over the page while the component is mounted. */
export const ReadyModal: Story = {
  args: { session: 'sess-modal', mode: 'modal' },
  play: async ({ args }) => {
    const dialog = await screen.findByRole('dialog', {}, slow)
    await expect(dialog).toBeVisible()
    await frameIsReady(args)
    await expect(dialog).toContainElement(findLinkFrame())
  },
}

/** The person approves; two decisions arrive, decrypted, then `onSuccess` with both. */
export const CompletedWithDecisions: Story = {
  args: { session: 'sess-complete', scenario: { results: '2' } },
  play: async ({ args, canvas }) => {
    await frameIsReady(args)
    clickInFrame('accept')
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce(), slow)
    await expect(args.onDecision).toHaveBeenCalledTimes(2)
    const requestId = `req-${sessionOf(findLinkFrame()!.src)}`
    const decision = (name: string) =>
      expect.objectContaining({
        eventType: 'credential',
        requestId,
        credential: expect.objectContaining({ name }),
        decision: expect.objectContaining({ action: 'accept' }),
      })
    await expect(args.onSuccess).toHaveBeenCalledWith([
      decision('Test credential 1'),
      decision('Test credential 2'),
    ])
    await expect(canvas.getByTestId('status')).toHaveTextContent('Status: completed')
    await expect(canvas.getByTestId('decision-count')).toHaveTextContent('Decisions: 2')
    await expect(args.onError).not.toHaveBeenCalled()
  },
}

/** The person leaves without deciding. */
export const Exited: Story = {
  args: { session: 'sess-exit' },
  play: async ({ args, canvas }) => {
    await frameIsReady(args)
    clickInFrame('cancel')
    await waitFor(() => expect(args.onExit).toHaveBeenCalledWith('canceled'), slow)
    await expect(canvas.getByTestId('status')).toHaveTextContent('Status: exited')
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/** The link expired: `onError` says so, and passing a fresh link recovers. */
export const ErrorExpired: Story = {
  args: {
    session: 'sess-expired',
    scenario: { error: 'session_expired' },
    freshLink: () => storyLink('sess-fresh'),
  },
  play: async ({ args, canvas }) => {
    await failsWith(args, 'session_expired')
    await expect(canvas.getByTestId('status')).toHaveTextContent('Status: failed (session_expired)')
    await userEvent.click(canvas.getByRole('button', { name: 'Get a fresh link' }))
    await frameIsReady(args)
    clickInFrame('accept')
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce(), slow)
  },
}

/** The request was canceled by the organization. */
export const ErrorCanceled: Story = {
  args: { session: 'sess-canceled', scenario: { error: 'session_canceled' } },
  play: async ({ args }) => failsWith(args, 'session_canceled'),
}

/** This page's origin is not on the organization's allowlist. */
export const ErrorOriginNotAllowed: Story = {
  args: { session: 'sess-origin', scenario: { error: 'origin_not_allowed' } },
  play: async ({ args }) => failsWith(args, 'origin_not_allowed'),
}

/** The frame never said it was ready. */
export const ErrorLoadTimeout: Story = {
  args: { session: 'sess-timeout', scenario: { silent: '1' }, loadTimeoutMs: 1500 },
  play: async ({ args, canvas }) => {
    await failsWith(args, 'load_timeout')
    await expect(canvas.getByRole('alert')).toHaveTextContent('did not load in time')
  },
}

/** A result was altered on its way: the host refuses it and fails closed. */
export const ErrorDecryptionFailed: Story = {
  args: { session: 'sess-tamper', scenario: { tamper: '1' } },
  play: async ({ args }) => {
    await frameIsReady(args)
    clickInFrame('accept')
    await failsWith(args, 'decryption_failed')
    await expect(args.onDecision).not.toHaveBeenCalled()
  },
}

/** `theme="dark"` reaches the frame, which draws itself dark. */
export const DarkTheme: Story = {
  args: { session: 'sess-dark', theme: 'dark', dark: true },
  play: async ({ args }) => {
    await frameIsReady(args)
    await expect(new URL(findLinkFrame()!.src).searchParams.get('theme')).toBe('dark')
  },
}

/** `lang="PRT"`: the frame and the host's own words are in Portuguese. */
export const Portuguese: Story = {
  args: { session: 'sess-prt', lang: 'PRT' },
  play: async ({ args }) => {
    await frameIsReady(args)
    const iframe = findLinkFrame()!
    await expect(iframe).toHaveAttribute('title', 'Aprovação Humanos')
    await expect(new URL(iframe.src).searchParams.get('lang')).toBe('PRT')
    clickInFrame('accept')
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce(), slow)
  },
}

/**
 * The real local sandbox (`pnpm sandbox`) instead of the test frame: a request created through
 * its signed API (by the Storybook dev server, as a backend would), its own Link page in the
 * frame. Left out of the test run: it needs a running sandbox and creates requests on it.
 */
export const Sandbox: Story = {
  tags: ['!test'],
  render: (args) => <SandboxDemo {...args} />,
}
