// Dev tools and benchmarks launch Chromium the way the CLI does (posters): one set of flags.
export { CHROMIUM_ARGS, launchChromium } from '@vitrine/cli/node';
