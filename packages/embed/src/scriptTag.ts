// The entry of the script-tag build (dist/humanos-link.js). It exports nothing, so the IIFE
// declares no global of its own: `window.HumanosLink` is set once, by installHumanosLink.
import { installHumanosLink } from './installHumanosLink.js'

if (typeof window !== 'undefined') installHumanosLink()
