// Test-only (not exported by the package): what must hold for every flow state, whatever the
// frame (or anyone else) sent.
import { HumanosLinkError, isErrorCode } from '../errors.js'
import { EXIT_REASONS } from '../protocol/constants.js'
import type { LinkState } from '../linkMachine.js'

const STATUSES = new Set(['idle', 'loading', 'ready', 'completed', 'exited', 'failed', 'destroyed'])

/**
 * Problems with `state`, or `[]` when it is valid. `sealed` holds the JSON of every payload
 * that was really sealed for this host and session: a decision outside it is unverified data.
 */
export function stateProblems(state: LinkState, sealed: ReadonlySet<string>): string[] {
  const problems: string[] = []
  const { status } = state
  const had = (before: string) => status === before || status === 'destroyed'
  if (!STATUSES.has(status)) problems.push(`unknown status ${String(status)}`)
  if (typeof state.isOpen !== 'boolean') problems.push('isOpen is not a boolean')
  if (state.isOpen && !['idle', 'loading', 'ready'].includes(status))
    problems.push('open when over')
  const decisions = state.decisions.map((decision) => JSON.stringify(decision))
  if (decisions.some((decision) => !sealed.has(decision))) problems.push('unsealed decision')
  if (new Set(decisions).size !== decisions.length) problems.push('a decision counted twice')
  if (state.result !== null) {
    if (!had('completed')) problems.push(`result set while ${status}`)
    if (JSON.stringify(state.result) !== JSON.stringify(state.decisions)) {
      problems.push('result differs from the decisions')
    }
  } else if (status === 'completed') problems.push('completed without a result')
  if (state.error !== null) {
    if (!had('failed')) problems.push(`error set while ${status}`)
    if (!(state.error instanceof HumanosLinkError) || !isErrorCode(state.error.code)) {
      problems.push('error is not a HumanosLinkError with a known code')
    }
  } else if (status === 'failed') problems.push('failed without an error')
  if (state.exitReason !== null) {
    if (!had('exited')) problems.push(`exit reason set while ${status}`)
    if (!EXIT_REASONS.includes(state.exitReason)) problems.push('unknown exit reason')
  } else if (status === 'exited') problems.push('exited without a reason')
  return problems
}
