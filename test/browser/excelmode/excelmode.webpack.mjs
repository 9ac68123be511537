/**
 * Builds the test-only Excel-mode harness (harness.ts) into test/artifacts/excelmode-dist/, apart
 * from dist/: the production build and the manifest never see it. Same loaders, chunks, worker
 * and Content-Security-Policy as the pane (webpack.config.js), production mode.
 *   npx webpack --config test/browser/excelmode/excelmode.webpack.mjs
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import paneConfig from '../../../webpack.config.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');

export default (env = {}, argv = {}) => {
  const base = paneConfig(env, { ...argv, mode: 'production' });
  const pane = base.plugins.find(
    (p) => p instanceof HtmlWebpackPlugin && p.userOptions.filename === 'taskpane.html',
  );
  return {
    ...base,
    mode: 'production',
    entry: { harness: path.join(here, 'harness.ts') },
    output: { ...base.output, path: path.join(root, 'test', 'artifacts', 'excelmode-dist') },
    // Test-only: not minified (Terser was most of its 47 s build; CI has a 15-minute budget). The
    // pane's own bundle in dist/ stays minified and is what bench/bundle.js measures.
    optimization: { ...base.optimization, minimize: false },
    plugins: [
      new HtmlWebpackPlugin({ ...pane.userOptions, filename: 'harness.html', chunks: ['harness'] }),
      new CopyWebpackPlugin({
        patterns: [{ from: path.join(root, 'examples', 'eksempel.xlsx'), to: 'eksempel.xlsx' }],
      }),
    ],
  };
};
