// A refused link must leave no trace, not even an iframe added and removed in the same task:
// this records every iframe or dialog added to the document while it watches.

/** What `watchAddedFrames` has seen, and how to stop it. */
export interface AddedFramesWatch {
  /** Every iframe and dialog added since the watch began, in order (pending records included). */
  added: () => Element[]
  /** Disconnects the observer. */
  stop: () => void
}

/** Starts recording every `iframe` and `dialog` added anywhere in `document`, even for an instant. */
export function watchAddedFrames(): AddedFramesWatch {
  const seen: Element[] = []
  const record = (records: MutationRecord[]) => {
    for (const { addedNodes } of records) {
      for (const node of addedNodes) {
        if (!(node instanceof Element)) continue
        if (node.matches('iframe, dialog')) seen.push(node)
        seen.push(...node.querySelectorAll('iframe, dialog'))
      }
    }
  }
  const observer = new MutationObserver(record)
  observer.observe(document.documentElement, { childList: true, subtree: true })
  return {
    added: () => {
      record(observer.takeRecords())
      return seen
    },
    stop: () => observer.disconnect(),
  }
}
