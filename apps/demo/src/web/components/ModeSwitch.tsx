import type { FlowMode } from '../state/useUiStore.js'
import { useUiStore } from '../state/useUiStore.js'

const MODES: Array<{ value: FlowMode; label: string }> = [
  { value: 'inline', label: 'Inline' },
  { value: 'modal', label: 'Modal' },
]

/** Inline in the page, or in an overlay: the same `<HumanosLink>` with another `mode`. */
export function ModeSwitch() {
  const mode = useUiStore((state) => state.mode)
  const setMode = useUiStore((state) => state.setMode)
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">Show the approval flow</legend>
      {MODES.map((option) => (
        <label key={option.value} className={option.value === mode ? 'selected' : undefined}>
          <input
            type="radio"
            name="flow-mode"
            value={option.value}
            checked={option.value === mode}
            onChange={() => setMode(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  )
}
