// webpack through its Node API (no webpack-cli), then the page beside the bundle.
import { copyFile } from 'node:fs/promises';
import webpack from 'webpack';
import config from './webpack.config.js';

const stats = await new Promise((resolve, reject) => webpack(config, (error, s) => (error ? reject(error) : resolve(s))));
if (stats.hasErrors() || stats.hasWarnings()) {
  console.error(stats.toString('errors-warnings'));
  if (stats.hasErrors()) process.exit(1);
}
await copyFile(new URL('index.html', import.meta.url), new URL('index.html', new URL(`file://${config.output.path}/`)));
