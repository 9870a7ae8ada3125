import type { StorybookConfig } from '@storybook/react-vite'
import { linkFramePlugin } from './linkFramePlugin.ts'
import { sandboxLinkPlugin } from './sandboxLinkPlugin.ts'

const config: StorybookConfig = {
  stories: ['../packages/*/src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: async (viteConfig) => {
    viteConfig.plugins = [...(viteConfig.plugins ?? []), linkFramePlugin(), sandboxLinkPlugin()]
    // Workspace packages run from `src` through their `@humanos-link/source` export condition.
    viteConfig.resolve = {
      ...viteConfig.resolve,
      conditions: ['@humanos-link/source', 'module', 'browser', 'development|production'],
    }
    viteConfig.build ??= {}
    viteConfig.build.rollupOptions = {
      ...viteConfig.build.rollupOptions,
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning)
      },
    }
    return viteConfig
  },
}

export default config
