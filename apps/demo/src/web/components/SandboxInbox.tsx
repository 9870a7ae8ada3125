interface SandboxInboxProps {
  link: string
  contact: string
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/

/**
 * Against the local sandbox, a way to the code the person "received": the sandbox inbox, in a
 * tab of its own. The Link page never shows the code, so a stolen link is not enough to decide;
 * a real Humanos sends it by email or SMS, and this shows nothing.
 */
export function SandboxInbox({ link, contact }: SandboxInboxProps) {
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return null
  }
  if (!LOOPBACK.test(url.hostname)) return null
  const inbox = `${url.origin}/_sandbox/inbox?contact=${encodeURIComponent(contact)}`
  return (
    <p className="sandbox-inbox">
      Sandbox: the one-time code went to {contact}.{' '}
      <a href={inbox} target="_blank" rel="noopener noreferrer">
        Open the sandbox inbox
      </a>{' '}
      to read it.
    </p>
  )
}
