import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { embedScriptRoutes } from './embedScript.js'

const built = mkdtempSync(path.join(tmpdir(), 'embed-dist-'))
writeFileSync(path.join(built, 'humanos-link.js'), '(function(){})();\n')
writeFileSync(path.join(built, 'humanos-link.js.map'), '{"version":3}')
const empty = mkdtempSync(path.join(tmpdir(), 'embed-empty-'))

afterAll(() => {
  rmSync(built, { recursive: true, force: true })
  rmSync(empty, { recursive: true, force: true })
})

describe('GET /static/humanos-link.js', () => {
  it('serves the built script to any origin, briefly cached', async () => {
    const res = await embedScriptRoutes(built).request('/static/humanos-link.js')
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('(function(){})();\n')
    expect(res.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin')
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(res.headers.get('Cache-Control')).toMatch(/max-age=\d{1,3}\b/)
  })

  it('serves the source map as JSON', async () => {
    const res = await embedScriptRoutes(built).request('/static/humanos-link.js.map')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
    expect(await res.json()).toEqual({ version: 3 })
  })

  it('answers 404 with the build command while the file has not been built', async () => {
    const res = await embedScriptRoutes(empty).request('/static/humanos-link.js')
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('pnpm --filter @humanos-link/embed build')
    expect(res.headers.get('Cache-Control')).toBe('no-store')
  })

  it('serves nothing else from the build folder', async () => {
    const res = await embedScriptRoutes(built).request('/static/index.js')
    expect(res.status).toBe(404)
  })
})
