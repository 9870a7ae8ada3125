// TypeDoc plugin: names each entry point's module after the import specifier users write
// (`@humanos-link/core/protocol`, from the package's `exports`), not after its folder, and gives
// a module with no `@module` comment its package's `description`. One mechanism for every entry,
// so no source file needs a doc comment before React's `'use client'` directive.
import { readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { Comment, Converter, ReflectionKind } from 'typedoc'

function findPackage(file) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      return { dir, json: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }
    } catch {
      // No package.json here: keep walking up.
    }
  }
  return null
}

function specifierFor(file) {
  const pkg = findPackage(file)
  if (!pkg) return null
  const path = `./${relative(pkg.dir, file)}`
  for (const [subpath, target] of Object.entries(pkg.json.exports ?? {})) {
    if (typeof target === 'object' && target['@humanos-link/source'] === path) {
      // The package's description fits its main entry only.
      const description = subpath === '.' ? pkg.json.description : undefined
      return { name: join(pkg.json.name, subpath), description }
    }
  }
  return null
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Module)) return

    const file = context.getSymbolFromReflection(reflection)?.declarations?.[0]?.getSourceFile()
    const entry = file && specifierFor(file.fileName)
    if (!entry) {
      app.logger.warn(
        `No package export names the entry point ${file?.fileName ?? reflection.name}`,
      )
      return
    }
    reflection.name = entry.name
    if (!reflection.comment && entry.description) {
      reflection.comment = new Comment([{ kind: 'text', text: entry.description }])
    }
  })
}
