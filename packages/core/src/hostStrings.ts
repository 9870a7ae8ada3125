import type { LinkLanguage } from './protocol/constants.js'

/** The few words the host side shows itself; the frame shows everything else. */
export interface HostStrings {
  frameTitle: string
  loading: string
  close: string
}

const STRINGS: Record<'ENG' | 'PRT', HostStrings> = {
  ENG: {
    frameTitle: 'Humanos approval',
    loading: 'Loading the approval flow…',
    close: 'Close',
  },
  PRT: {
    frameTitle: 'Aprovação Humanos',
    loading: 'A carregar o fluxo de aprovação…',
    close: 'Fechar',
  },
}

export function hostStrings(lang: LinkLanguage | undefined): HostStrings {
  return STRINGS[lang === 'PRT' ? 'PRT' : 'ENG']
}
