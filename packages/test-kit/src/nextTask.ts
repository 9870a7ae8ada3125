// A fence for "nothing more happened": resolves in the next task, after every microtask queued
// so far and every microtask those queue (custom-element reactions, MutationObserver callbacks,
// the controller's deferred updates). It waits for the event loop's order, not for time.

/** Resolves once the microtask queue has drained (on a MessageChannel task, not a timer). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}
