import type { StorybookConfig } from '@storybook/react-vite'
import { linkFramePlugin } from '@humanos-link/test-kit/vite'
import { sandboxLinkPlugin } from './sandboxLinkPlugin.ts'

const config: StorybookConfig = {
  stories: ['../packages/*/src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: async (viteConfig) => {
    viteConfig.plugins = [
      ...(viteConfig.plugins ?? []),
      // The stories' Link frame: the test kit's fake frame; a static build emits it as
      // `link/story/` (packages/react/src/stories/storyFrame.ts).
      linkFramePlugin({ staticPath: 'link/story/' }),
      sandboxLinkPlugin(),
    ]
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
