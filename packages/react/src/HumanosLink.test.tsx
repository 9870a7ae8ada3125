import { renderToString } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import * as core from '@humanos-link/core'
import entrySource from './index.js?raw'
import {
  ErrorCodes,
  HumanosLink,
  HumanosLinkError,
  HumanosLinkProvider,
  useHumanosLink,
  useHumanosLinkStatus,
} from './index.js'

const LINK = 'https://app.humanos.id/link/sess-ssr'

describe('server rendering (Node, no DOM)', () => {
  it('renders the inline container only, with its class and style', () => {
    expect(typeof window).toBe('undefined')
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    const html = renderToString(
      <HumanosLink link={LINK} className="approval" style={{ minHeight: 200 }} />,
    )
    expect(html).toBe(
      '<div class="approval" style="min-height:200px" data-humanos-link-status="idle"></div>',
    )
    expect(consoleError).not.toHaveBeenCalled()
    consoleError.mockRestore()
  })

  it('renders nothing for a modal, whose overlay only exists in the browser', () => {
    expect(renderToString(<HumanosLink link={LINK} mode="modal" />)).toBe('')
  })

  it('gives the hook an idle flow and no-op controls', () => {
    let seen: ReturnType<typeof useHumanosLink> | undefined
    function Checkout() {
      seen = useHumanosLink({ link: LINK })
      seen.open()
      return <p>{seen.status}</p>
    }
    expect(renderToString(<Checkout />)).toBe('<p>idle</p>')
    expect(seen).toMatchObject({ ready: false, error: null, decisions: [], result: null })
  })

  it('lets useHumanosLinkStatus read the provider, with and without a selector', () => {
    function Badge() {
      const status = useHumanosLinkStatus()
      const count = useHumanosLinkStatus((state) => state.decisions.length)
      return <span>{`${status}:${count}`}</span>
    }
    const html = renderToString(
      <HumanosLinkProvider>
        <Badge />
        <HumanosLink link={LINK} />
      </HumanosLinkProvider>,
    )
    expect(html).toContain('<span>idle:0</span>')
  })

  it('explains the missing provider instead of returning stale state', () => {
    function Orphan() {
      return <span>{useHumanosLinkStatus()}</span>
    }
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderToString(<Orphan />)).toThrow(
      new TypeError(
        'Humanos Link: useHumanosLinkStatus must be used inside <HumanosLinkProvider>.',
      ),
    )
    consoleError.mockRestore()
  })
})

describe('package entry', () => {
  it("starts with 'use client', so Next.js app-router pages can import it", () => {
    expect(entrySource.split('\n')[0]).toBe("'use client'")
  })

  it('re-exports the core error API, so one package is enough', () => {
    expect(ErrorCodes).toBe(core.ErrorCodes)
    expect(HumanosLinkError).toBe(core.HumanosLinkError)
    expect(ErrorCodes.SESSION_EXPIRED).toBe('session_expired')
  })
})
