import type { CredentialType } from '../db/rows.js'

/** Every text of the Link page, in one language. `{n}`-style slots are filled by the page. */
export interface PageStrings {
  htmlLang: string
  title: string
  brand: string
  close: string
  sandboxBanner: string
  sandboxCode: string
  sandboxUndeliverable: string
  reviewTitle: string
  reviewIntro: string
  reviewIdentity: string
  reviewEmpty: string
  /** Heading over a mandate's action, on a POLICY credential that names one. */
  mandateAction: string
  /** Heading over the limits the person approves. */
  mandateLimits: string
  yes: string
  no: string
  continue: string
  cancel: string
  verifyTitle: string
  verifyIntro: string
  codeLabel: string
  codeHint: string
  verify: string
  resend: string
  resendIn: string
  resendReady: string
  codeSent: string
  codeInvalid: string
  codeEmpty: string
  identityTitle: string
  identityIntro: string
  cameraStart: string
  cameraCapture: string
  cameraPreview: string
  cameraDenied: string
  cameraUnavailable: string
  identityChecking: string
  decideTitle: string
  decideIntro: string
  accept: string
  reject: string
  working: string
  doneAcceptedTitle: string
  doneAccepted: string
  doneRejectedTitle: string
  doneRejected: string
  doneIdentityTitle: string
  doneIdentity: string
  identityFailedTitle: string
  identityFailed: string
  redirect: string
  closedTitle: string
  closed: string
  errorTitle: string
  genericError: string
  types: Record<CredentialType, string>
  errors: Record<string, string>
}

const ENG: PageStrings = {
  htmlLang: 'en',
  title: 'Humanos approval',
  brand: 'Humanos',
  close: 'Close',
  sandboxBanner: 'Sandbox: nothing was really sent.',
  sandboxCode: 'Your code is in the sandbox inbox, on the machine that runs the sandbox.',
  sandboxUndeliverable: 'This contact is undeliverable on purpose: no code can arrive.',
  reviewTitle: 'Review the request',
  reviewIntro: 'You are asked to approve the following:',
  reviewIdentity: 'You will also verify your identity with your camera.',
  reviewEmpty: 'This request asks you to verify your identity.',
  mandateAction: 'What the agent may do for you',
  mandateLimits: 'The limits you approve',
  yes: 'Yes',
  no: 'No',
  continue: 'Continue',
  cancel: 'Cancel',
  verifyTitle: 'Enter your code',
  verifyIntro: 'We sent a 6-digit code to {contact}.',
  codeLabel: 'One-time code',
  codeHint: '6 digits',
  verify: 'Verify',
  resend: 'Send the code again',
  resendIn: 'You can ask for the code again in {s} s.',
  resendReady: 'You can ask for the code again now.',
  codeSent: 'Sent. Use the most recent code you received.',
  codeInvalid: 'That code is wrong. Attempts left: {n}.',
  codeEmpty: 'Enter the 6-digit code.',
  identityTitle: 'Verify your identity',
  identityIntro: 'Turn on your camera, look at it, and take a photo.',
  cameraStart: 'Turn on camera',
  cameraCapture: 'Take photo and verify',
  cameraPreview: 'Camera preview',
  cameraDenied: 'The camera is blocked. Allow camera access and try again.',
  cameraUnavailable: 'No camera is available on this device.',
  identityChecking: 'Checking your identity…',
  decideTitle: 'Your decision',
  decideIntro: 'Accept or reject everything listed:',
  accept: 'Accept',
  reject: 'Reject',
  working: 'Please wait…',
  doneAcceptedTitle: 'All set',
  doneAccepted: 'Your approval was recorded.',
  doneRejectedTitle: 'Request declined',
  doneRejected: 'Your rejection was recorded.',
  doneIdentityTitle: 'Identity verified',
  doneIdentity: 'Your identity check was recorded.',
  identityFailedTitle: 'Identity not verified',
  identityFailed: 'We could not verify your identity.',
  redirect: 'Continue',
  closedTitle: 'Flow closed',
  closed: 'You closed this flow.',
  errorTitle: 'This link cannot be used',
  genericError: 'Something went wrong. Try again.',
  types: {
    DOCUMENT: 'Document',
    CONSENT: 'Consent',
    FORM: 'Form',
    JSON: 'Data',
    POLICY: 'Policy',
  },
  errors: {
    session_not_found: 'This link does not exist.',
    session_expired: 'This link has expired.',
    session_finished: 'This request has already been answered.',
    session_canceled: 'This request was canceled.',
    origin_not_allowed: 'The website that opened this page is not allowed to use it.',
    invalid_pub_key: 'This page was opened with an invalid key.',
    pub_key_mismatch: 'This page was opened with a key other than the one registered.',
    otp_locked: 'Too many wrong codes: this link is locked.',
    rate_limited: 'This link was opened too often. Wait a minute, then open it again.',
    internal: 'Something went wrong on our side.',
  },
}

const PRT: PageStrings = {
  htmlLang: 'pt',
  title: 'Aprovação Humanos',
  brand: 'Humanos',
  close: 'Fechar',
  sandboxBanner: 'Sandbox: nada foi realmente enviado.',
  sandboxCode: 'O seu código está na caixa de entrada do sandbox, na máquina que o executa.',
  sandboxUndeliverable: 'Este contacto é propositadamente impossível de alcançar.',
  reviewTitle: 'Reveja o pedido',
  reviewIntro: 'É-lhe pedido que aprove o seguinte:',
  reviewIdentity: 'Também vai verificar a sua identidade com a câmara.',
  reviewEmpty: 'Este pedido pede-lhe que verifique a sua identidade.',
  mandateAction: 'O que o agente pode fazer por si',
  mandateLimits: 'Os limites que aprova',
  yes: 'Sim',
  no: 'Não',
  continue: 'Continuar',
  cancel: 'Cancelar',
  verifyTitle: 'Introduza o seu código',
  verifyIntro: 'Enviámos um código de 6 dígitos para {contact}.',
  codeLabel: 'Código de uso único',
  codeHint: '6 dígitos',
  verify: 'Verificar',
  resend: 'Enviar o código de novo',
  resendIn: 'Pode pedir o código de novo dentro de {s} s.',
  resendReady: 'Já pode pedir o código de novo.',
  codeSent: 'Enviado. Use o código mais recente que recebeu.',
  codeInvalid: 'Código errado. Tentativas restantes: {n}.',
  codeEmpty: 'Introduza o código de 6 dígitos.',
  identityTitle: 'Verifique a sua identidade',
  identityIntro: 'Ligue a câmara, olhe para ela e tire uma fotografia.',
  cameraStart: 'Ligar a câmara',
  cameraCapture: 'Tirar fotografia e verificar',
  cameraPreview: 'Pré-visualização da câmara',
  cameraDenied: 'A câmara está bloqueada. Permita o acesso e tente de novo.',
  cameraUnavailable: 'Não há nenhuma câmara disponível neste dispositivo.',
  identityChecking: 'A verificar a sua identidade…',
  decideTitle: 'A sua decisão',
  decideIntro: 'Aceite ou rejeite tudo o que está na lista:',
  accept: 'Aceitar',
  reject: 'Rejeitar',
  working: 'Aguarde…',
  doneAcceptedTitle: 'Concluído',
  doneAccepted: 'A sua aprovação foi registada.',
  doneRejectedTitle: 'Pedido recusado',
  doneRejected: 'A sua rejeição foi registada.',
  doneIdentityTitle: 'Identidade verificada',
  doneIdentity: 'A sua verificação de identidade foi registada.',
  identityFailedTitle: 'Identidade não verificada',
  identityFailed: 'Não foi possível verificar a sua identidade.',
  redirect: 'Continuar',
  closedTitle: 'Fluxo fechado',
  closed: 'Fechou este fluxo.',
  errorTitle: 'Esta ligação não pode ser usada',
  genericError: 'Algo correu mal. Tente de novo.',
  types: {
    DOCUMENT: 'Documento',
    CONSENT: 'Consentimento',
    FORM: 'Formulário',
    JSON: 'Dados',
    POLICY: 'Política',
  },
  errors: {
    session_not_found: 'Esta ligação não existe.',
    session_expired: 'Esta ligação expirou.',
    session_finished: 'Este pedido já foi respondido.',
    session_canceled: 'Este pedido foi cancelado.',
    origin_not_allowed: 'O site que abriu esta página não tem permissão para a usar.',
    invalid_pub_key: 'Esta página foi aberta com uma chave inválida.',
    pub_key_mismatch: 'Esta página foi aberta com uma chave diferente da registada.',
    otp_locked: 'Demasiados códigos errados: esta ligação está bloqueada.',
    rate_limited: 'Esta ligação foi aberta demasiadas vezes. Aguarde um minuto e abra-a de novo.',
    internal: 'Algo correu mal do nosso lado.',
  },
}

const LANGUAGES: Record<string, PageStrings> = { ENG, PRT }

/**
 * The page's language: the `lang` query parameter, else the request's `language`, else
 * English. Languages the page does not speak fall back to English.
 */
export function pageStrings(...preferences: Array<string | null | undefined>): PageStrings {
  for (const code of preferences) {
    const strings = code ? LANGUAGES[code.toUpperCase()] : undefined
    if (strings) return strings
  }
  return ENG
}

/** The English text of a frame-side error code, for the `error` message's `message`. */
export function englishError(code: string): string {
  return ENG.errors[code] ?? ENG.genericError
}
