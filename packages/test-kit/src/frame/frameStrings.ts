// The fake frame page's few words in Portuguese, so tests can see that `lang` reached the frame.
const PRT: Record<string, string> = {
  'Test approval': 'Aprovação de teste',
  Accept: 'Aceitar',
  Reject: 'Rejeitar',
  Cancel: 'Cancelar',
  Waiting: 'A aguardar',
  Ready: 'Pronto',
  Accepted: 'Aceite',
  Rejected: 'Rejeitado',
  Exited: 'Saiu',
  Error: 'Erro',
}

/** The page's translator for the `lang` the host asked for (English unless `PRT`). */
export function translate(lang: string | null): (text: string) => string {
  return lang === 'PRT' ? (text) => PRT[text] ?? text : (text) => text
}
