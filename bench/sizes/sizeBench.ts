// Bundle sizes: ours as a host imports them, and the packages integrators compare us with,
// bundled by one function (scripts/sizeBundle.mjs: size-limit's esbuild and options) in the
// same run, so the ratios compare like with like.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  bundleEntry,
  compressedSizes,
  esbuildVersion,
  repositoryRoot,
} from '../../scripts/sizeBundle.mjs'
import { ratio } from '../lib/report.js'
import type { Row, Section } from '../lib/report.js'

interface Sizes {
  min: number
  gzip: number
  brotli: number
}

interface Peer {
  name: string
  /** What its host code imports (as a host would write it). */
  imports: string
  from: string
  also?: { from: string; imports: string }[]
  /** Which of our entries it is compared with. */
  versus: 'core' | 'react'
  /** Fetched at run time on top of the bundle, so the bundle alone undercounts it. */
  loadsRemoteScript: boolean
}

// The closest counterpart of each: vanilla SDKs against the core, React bindings against what
// a React host of ours ships (binding + core). Imports are what each one's docs start with.
const PEERS: Peer[] = [
  {
    name: 'penpal',
    from: 'penpal',
    imports: '{ connect, WindowMessenger }',
    versus: 'core',
    loadsRemoteScript: false,
  },
  {
    name: 'persona',
    from: 'persona',
    imports: '{ Client }',
    versus: 'core',
    loadsRemoteScript: false,
  },
  {
    name: 'react-plaid-link',
    from: 'react-plaid-link',
    imports: '{ usePlaidLink }',
    versus: 'react',
    loadsRemoteScript: true,
  },
  {
    name: '@stripe/react-stripe-js + @stripe/stripe-js',
    from: '@stripe/react-stripe-js',
    imports: '{ Elements, PaymentElement }',
    also: [{ from: '@stripe/stripe-js', imports: '{ loadStripe }' }],
    versus: 'react',
    loadsRemoteScript: true,
  },
  {
    name: '@sumsub/websdk-react',
    from: '@sumsub/websdk-react',
    imports: 'SumsubWebSdk',
    versus: 'react',
    loadsRemoteScript: false,
  },
]

const REACT_EXTERNAL = ['react', 'react-dom']
const benchDir = join(repositoryRoot, 'bench')

async function versionOf(name: string): Promise<string> {
  const file = join(benchDir, 'node_modules', name, 'package.json')
  return (JSON.parse(await readFile(file, 'utf8')) as { version: string }).version
}

async function measure(entry: Parameters<typeof bundleEntry>[0]): Promise<Sizes> {
  return compressedSizes(await bundleEntry(entry))
}

const both = (s: Sizes) => `${s.gzip} / ${s.brotli} B`
const KB = 1000

// size-limit subtracts what an empty esbuild project weighs from an `import` check (see
// scripts/sizeBundle.mjs); the budget is checked on that figure, as npm test checks it.
const EMPTY_IMPORT_GZIP = 46

function budgetRow(
  figure: string,
  sizes: Sizes,
  limitBytes: number,
  data = {},
  checked = sizes.gzip,
): Row {
  return {
    figure,
    ours: both(sizes),
    reference: '—',
    ratio: null,
    target: `≤ ${limitBytes} B gz`,
    met: checked <= limitBytes,
    data: { ...sizes, checkedGzip: checked, limitGzip: limitBytes, ...data },
  }
}

export async function runSizeBench(): Promise<Section> {
  const core = await measure({
    from: join(repositoryRoot, 'packages/core/dist/index.js'),
    imports: '{ createHumanosLink }',
  })
  const withReact = await measure({
    from: join(repositoryRoot, 'packages/react/dist/index.js'),
    imports: '{ HumanosLink }',
    external: REACT_EXTERNAL,
  })
  // The script tag downloads the file as built; size-limit re-bundles it (a few bytes apart).
  const embedFile = await readFile(join(repositoryRoot, 'packages/embed/dist/humanos-link.js'))
  const embed = compressedSizes(embedFile)
  // What the React binding adds on top of the core: compressed together minus the core alone,
  // which credits the code they share (zustand) and the compression they share.
  const binding: Sizes = {
    min: withReact.min - core.min,
    gzip: withReact.gzip - core.gzip,
    brotli: withReact.brotli - core.brotli,
  }

  const rows: Row[] = [
    // The hard budgets of issue 14 (the same as .size-limit.json, which npm test enforces).
    budgetRow(
      'core: createHumanosLink',
      core,
      6 * KB,
      { bundledMin: core.min },
      core.gzip - EMPTY_IMPORT_GZIP,
    ),
    budgetRow('react: HumanosLink on top of the core', binding, 1.5 * KB),
    budgetRow(
      'react + core: what a React host ships',
      withReact,
      7.5 * KB,
      {},
      withReact.gzip - EMPTY_IMPORT_GZIP,
    ),
    budgetRow('embed: humanos-link.js as shipped', embed, 7.5 * KB),
  ]
  for (const peer of PEERS) {
    const sizes = await measure({
      from: peer.from,
      imports: peer.imports,
      also: peer.also,
      external: REACT_EXTERNAL,
      resolveDir: benchDir,
    })
    const ours = peer.versus === 'core' ? core : withReact
    const versions = await Promise.all(
      [peer.from, ...(peer.also ?? []).map((a) => a.from)].map(versionOf),
    )
    rows.push({
      figure: `${peer.versus === 'core' ? 'core' : 'react + core'} vs ${peer.name}${peer.loadsRemoteScript ? ' *' : ''}`,
      ours: both(ours),
      reference: both(sizes),
      ratio: ratio(ours.gzip, sizes.gzip),
      target: '—',
      met: null,
      data: {
        ours,
        peer: sizes,
        peerVersions: versions,
        peerImports: [peer.imports, ...(peer.also ?? []).map((a) => a.imports)],
        brotliRatio: ratio(ours.brotli, sizes.brotli),
        loadsRemoteScript: peer.loadsRemoteScript,
      },
    })
  }
  return {
    title: `Size, min+gzip / brotli (esbuild ${esbuildVersion}, as size-limit bundles; react external; ratio on gzip)`,
    rows,
    notes: [
      '* loads its vendor script from the network at run time, not counted here; ours is self-contained',
      `peers: ${PEERS.map((p) => `${p.name} ${p.imports}${p.also ? ` + ${p.also.map((a) => a.imports).join(' + ')}` : ''}`).join('; ')}`,
    ],
  }
}
