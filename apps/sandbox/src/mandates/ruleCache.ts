import type { ActionContent } from './actionContent.js'
import { compileRules } from './actionRules.js'
import type { CompiledRules } from './actionRules.js'

// Published versions are immutable and named by their digest, so compiled rules can be shared by
// digest for the life of the process. Bounded, oldest out first.
const MAX_ENTRIES = 500
const cache = new Map<string, CompiledRules>()

/** The compiled rules of a published version (compiled on first use). */
export function rulesFor(digestSRI: string, content: ActionContent): CompiledRules {
  let rules = cache.get(digestSRI)
  if (!rules) {
    rules = compileRules(content)
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!)
    cache.set(digestSRI, rules)
  }
  return rules
}
