// The one Vite env flag the stories read (Storybook and Vitest run them through Vite).
interface ImportMeta {
  readonly env: { readonly DEV: boolean }
}
