import { useState } from 'react'
import { HumanosLink, HumanosLinkProvider } from '@humanos-link/react'
import type { LinkResultPayload } from '@humanos-link/react'
import { useSubmitAttestation } from '../hooks/useSubmitAttestation.js'
import type { ActiveFlow, FlowMode } from '../state/useUiStore.js'
import { AttestationStatus } from './AttestationStatus.js'
import { FlowStatus } from './FlowStatus.js'
import { ResendCode } from './ResendCode.js'
import { SandboxInbox } from './SandboxInbox.js'

interface ApprovalFlowProps {
  flow: ActiveFlow
  mode: FlowMode
}

/**
 * One request's approval: `<HumanosLink>` inline or as a modal, and each decrypted decision's
 * attestation handed to the BFF as it arrives. The page never acts on the decision itself.
 */
export function ApprovalFlow({ flow, mode }: ApprovalFlowProps) {
  const submit = useSubmitAttestation()
  // A new attempt remounts the component: a fresh key pair and frame for the same link.
  const [attempt, setAttempt] = useState(0)
  const [open, setOpen] = useState(true)

  const onDecision = (payload: LinkResultPayload) => submit.mutate(payload.attestation)
  const restart = () => {
    setAttempt((n) => n + 1)
    setOpen(true)
  }

  return (
    <HumanosLinkProvider key={attempt}>
      <FlowStatus
        mode={mode}
        contact={flow.contact}
        onRestart={restart}
        onOpen={() => setOpen(true)}
      />
      <SandboxInbox link={flow.link} contact={flow.contact} />
      <ResendCode requestId={flow.requestId} contact={flow.contact} />
      <HumanosLink
        link={flow.link}
        mode={mode}
        open={open}
        className="link-frame"
        title={`Approve: ${flow.credentialName}`}
        allowCamera={flow.securityLevel !== 'CONTACT'}
        onDecision={onDecision}
        onSuccess={() => setOpen(false)}
        onExit={() => setOpen(false)}
      />
      <AttestationStatus submit={submit} />
    </HumanosLinkProvider>
  )
}
