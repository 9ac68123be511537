/**
 * Builds the test-only Excel-mode harness (harness.ts) into test/artifacts/excelmode-dist/, apart
 * from dist/: the production build and the manifest never see it. Same loaders, chunks, worker
 * and Content-Security-Policy as the pane (webpack.config.js), production mode.
 *   npx webpack --config test/browser/excelmode/excelmode.webpack.cjs
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const paneConfig = require('../../../webpack.config.js');

const root = path.resolve(__dirname, '..', '..', '..');

module.exports = (env = {}, argv = {}) => {
  const base = paneConfig(env, { ...argv, mode: 'production' });
  const pane = base.plugins.find(
    (p) => p instanceof HtmlWebpackPlugin && p.userOptions.filename === 'taskpane.html',
  );
  return {
    ...base,
    mode: 'production',
    entry: { harness: path.join(__dirname, 'harness.ts') },
    output: { ...base.output, path: path.join(root, 'test', 'artifacts', 'excelmode-dist') },
    plugins: [
      new HtmlWebpackPlugin({ ...pane.userOptions, filename: 'harness.html', chunks: ['harness'] }),
      new CopyWebpackPlugin({
        patterns: [{ from: path.join(root, 'examples', 'eksempel.xlsx'), to: 'eksempel.xlsx' }],
      }),
    ],
  };
};
