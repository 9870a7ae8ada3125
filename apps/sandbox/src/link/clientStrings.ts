import type { PageStrings } from './strings.js'

/** The texts the page script needs at run time (the rest is rendered on the server). */
export type ClientStrings = ReturnType<typeof clientStrings>

/** {@link ClientStrings} of a language's page strings. */
export function clientStrings(t: PageStrings) {
  return {
    resendIn: t.resendIn,
    resendReady: t.resendReady,
    codeSent: t.codeSent,
    codeInvalid: t.codeInvalid,
    codeEmpty: t.codeEmpty,
    cameraDenied: t.cameraDenied,
    cameraUnavailable: t.cameraUnavailable,
    identityChecking: t.identityChecking,
    working: t.working,
    doneAcceptedTitle: t.doneAcceptedTitle,
    doneAccepted: t.doneAccepted,
    doneRejectedTitle: t.doneRejectedTitle,
    doneRejected: t.doneRejected,
    doneIdentityTitle: t.doneIdentityTitle,
    doneIdentity: t.doneIdentity,
    identityFailedTitle: t.identityFailedTitle,
    identityFailed: t.identityFailed,
    closedTitle: t.closedTitle,
    closed: t.closed,
    errorTitle: t.errorTitle,
    genericError: t.genericError,
    errors: t.errors,
  }
}
