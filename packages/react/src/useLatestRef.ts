import { useEffect, useLayoutEffect, useRef } from 'react'

// useLayoutEffect warns during server rendering on React 18; nothing runs there anyway.
const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect

/**
 * A ref that always holds the latest render's value, so long-lived listeners (the core
 * instance's callbacks) call the newest props without the instance being rebuilt.
 */
export function useLatestRef<T>(value: T): { readonly current: T } {
  const ref = useRef(value)
  useIsomorphicLayoutEffect(() => {
    ref.current = value
  })
  return ref
}
