// `pnpm release:dry`: what a release would publish, installed as a stranger would install it.
// 1. Builds the publishable packages (skipped with --no-build, when `npm test` just built them).
// 2. `pnpm pack`s each into a temporary folder, outside the workspace.
// 3. Installs the tarballs into a scratch app there (the SDK's own packages only from the
//    tarballs; everything else from the npm registry through the shared pnpm store, offline
//    when it is warm). better-sqlite3 is linked to the copy the workspace already compiled, so
//    the check does not spend minutes compiling it again.
// 4. Imports every entry from ESM and CommonJS, type-checks them under `module: nodenext` as
//    ESM and as CommonJS, and checks the embed script against its published SRI value.
// 5. Runs the installed `humanos-link-sandbox` bin on a free port, creates a request with the
//    installed server client, opens the Link page and its script, and stops it with SIGTERM.
// Exits non-zero at the first failure, so an install problem fails CI.
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const packages = {
  '@humanos-link/core': 'packages/core',
  '@humanos-link/react': 'packages/react',
  '@humanos-link/embed': 'packages/embed',
  '@humanos-link/server': 'packages/server',
  '@humanos-link/sandbox': 'apps/sandbox',
}
const keep = process.argv.includes('--keep')

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options })
  if (result.status !== 0) {
    throw new Error(`${[command, ...args].join(' ')} failed (exit ${result.status})`)
  }
}

function manifest(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
}

const scratch = mkdtempSync(join(tmpdir(), 'humanos-release-'))
try {
  if (!process.argv.includes('--no-build')) {
    const filters = Object.keys(packages).flatMap((name) => ['--filter', name])
    run('pnpm', [...filters, 'build'], { cwd: root })
  }

  // 2. Pack.
  const tarballs = {}
  for (const [name, dir] of Object.entries(packages)) {
    const { version } = manifest(join(root, dir))
    run('pnpm', ['pack', '--pack-destination', scratch], { cwd: join(root, dir), stdio: 'ignore' })
    tarballs[name] = `file:${join(scratch, `${name.slice(1).replace('/', '-')}-${version}.tgz`)}`
  }

  // 3. A scratch app that depends on the tarballs.
  const rootManifest = manifest(root)
  const dev = rootManifest.devDependencies
  const builtSqlite = realpathSync(join(root, 'apps/sandbox/node_modules/better-sqlite3'))
  const app = join(scratch, 'app')
  run('mkdir', ['-p', app])
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify(
      {
        name: 'humanos-release-check',
        private: true,
        type: 'module',
        dependencies: {
          ...tarballs,
          react: dev.react,
          'react-dom': dev['react-dom'],
          typescript: dev.typescript,
          '@types/node': dev['@types/node'],
          '@types/react': dev['@types/react'],
        },
        pnpm: {
          // A dependency of one tarball on another resolves to its tarball, not the registry.
          overrides: { ...tarballs, 'better-sqlite3': `link:${builtSqlite}` },
        },
      },
      null,
      2,
    ),
  )
  for (const file of ['entries.json', 'esm.mjs', 'cjs.cjs', 'types.mts', 'types.cts']) {
    copyFileSync(join(import.meta.dirname, 'releaseDry', file), join(app, file))
  }
  // One program per consumer kind: a project is either ESM or CommonJS, and the embed's global
  // `<humanos-link>` typing would be declared twice in a program that loads both builds.
  const tsconfig = (file) => ({
    compilerOptions: {
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      lib: ['es2023', 'dom'],
      types: ['node'],
      strict: true,
      noEmit: true,
      jsx: 'react-jsx',
      // Checks the packages' published declarations too, not only this app's use of them.
      skipLibCheck: false,
    },
    files: [file],
  })
  writeFileSync(join(app, 'tsconfig.esm.json'), JSON.stringify(tsconfig('types.mts')))
  writeFileSync(join(app, 'tsconfig.cjs.json'), JSON.stringify(tsconfig('types.cts')))
  run('pnpm', ['install', '--prefer-offline', '--ignore-workspace', '--reporter=append-only'], {
    cwd: app,
  })

  // 4. Imports, types, the embed script's SRI.
  run('node', ['esm.mjs'], { cwd: app })
  run('node', ['cjs.cjs'], { cwd: app })
  run(join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.esm.json'], { cwd: app })
  run(join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.cjs.json'], { cwd: app })
  process.stdout.write('Types (nodenext, ESM and CommonJS): ok\n')
  const embedDist = join(app, 'node_modules/@humanos-link/embed/dist')
  const script = readFileSync(join(embedDist, 'humanos-link.js'))
  const sri = readFileSync(join(embedDist, 'humanos-link.js.sri'), 'utf8').trim()
  const actual = `sha384-${createHash('sha384').update(script).digest('base64')}`
  if (sri !== actual)
    throw new Error(`humanos-link.js.sri says ${sri}, the file hashes to ${actual}`)
  process.stdout.write('Embed SRI: ok\n')

  // 5. The sandbox bin.
  await smokeSandbox(app, actual)
  process.stdout.write(
    `\nrelease:dry: the ${Object.keys(packages).length} packages install and run\n`,
  )
} finally {
  if (keep) process.stdout.write(`Scratch app kept at ${scratch}\n`)
  else rmSync(scratch, { recursive: true, force: true })
}

async function smokeSandbox(app, sri) {
  const bin = join(app, 'node_modules/.bin/humanos-link-sandbox')
  const child = spawn(bin, ['--port', '0', '--data', ':memory:', '--log-requests', 'false'], {
    cwd: app,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)))
  try {
    const url = await new Promise((resolve, reject) => {
      let output = ''
      const timer = setTimeout(
        () => reject(new Error(`the sandbox printed no URL within 30 s:\n${output}`)),
        30_000,
      )
      child.stdout.on('data', (chunk) => {
        output += chunk
        const match = /ready at (http:\/\/\S+)/.exec(output)
        if (match) {
          clearTimeout(timer)
          resolve(match[1])
        }
      })
      exited.then((code) => reject(new Error(`the sandbox exited with ${code}:\n${output}`)))
    })
    const check = async (path, expect) => {
      const res = await fetch(new URL(path, url))
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`)
      const body = await res.text()
      if (expect && !expect(body)) throw new Error(`GET ${path}: unexpected body`)
      return body
    }
    await check('/health')
    await check('/static/humanos-link.js.sri', (body) => body.trim() === sri)
    // The installed server client against the installed sandbox, then the Link page it links to.
    const { createHumanosClient } = await import(
      join(app, 'node_modules/@humanos-link/server/dist/index.js')
    )
    const humanos = createHumanosClient({
      apiKey: 'sandbox-api-key',
      signatureSecret: 'sandbox-signature-secret',
      baseUrl: url,
    })
    const request = await humanos.createRequest({
      contacts: ['release@example.com'],
      credentials: [{ type: 'CONSENT', name: 'Release check' }],
    })
    const page = await check(new URL(request.subjects[0].link).pathname)
    const scripts = [...page.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1])
    if (scripts.length === 0) throw new Error('the Link page has no script')
    for (const src of scripts) await check(src)
    process.stdout.write(`Sandbox bin: ok (${url}, Link page and ${scripts.length} script(s))\n`)
  } catch (error) {
    child.kill('SIGTERM')
    await exited
    throw error
  }
  child.kill('SIGTERM')
  const code = await exited
  if (code !== 0) throw new Error(`the sandbox exited with ${code} on SIGTERM`)
}
