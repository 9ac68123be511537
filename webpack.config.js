/**
 * Builds the task pane (taskpane.html) and the ribbon function file (commands.html) into dist/.
 *
 *   npm run build                                   production build for https://localhost:3000/
 *   npx webpack --mode production --env url=https://addin.kommune.dk/barometer/
 *                                                   production build whose manifest points at that address
 *   npm start                                       dev server on https://localhost:3000 (scripts/start.js)
 *
 * ExcelJS (and everything of the standalone mode) is only ever reached through a dynamic import(),
 * so it lands in its own lazy chunk that Excel itself never downloads; bench/bundle.js checks this.
 */
const fs = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';

/**
 * The page's Content-Security-Policy. Scripts only from the add-in's own origin and Office's own
 * office.js host (office.js loads its host- and locale-specific parts from there too). Styles
 * allow 'unsafe-inline' because Fluent UI v9 (Griffel) inserts its atomic CSS rules at run time.
 * Workers only from the own origin (the standalone worker chunk; no blob: workers).
 * The dev server additionally needs its web socket for live reload.
 */
function contentSecurityPolicy(dev) {
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_JS_ORIGIN}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' wss://localhost:3000 ws://localhost:3000' : ''}`,
    // The standalone mode's Web Worker: only the bundle's own chunk (services/standalone.ts).
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

function normaliseUrl(url) {
  const u = new URL(url); // throws on a malformed --env url
  return u.href.endsWith('/') ? u.href : `${u.href}/`;
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode ?? 'production';
  const dev = mode === 'development';
  const baseUrl = normaliseUrl(env.url ?? DEV_URL);

  return {
    mode,
    devtool: dev ? 'source-map' : false, // no eval(): the CSP forbids it
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].chunk.js' : '[name].[contenthash:8].chunk.js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js', '.mjs'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // ES modules for webpack so Fluent UI and the domain tree-shake; the CLI build stays CommonJS.
              compilerOptions: {
                module: 'esnext',
                moduleResolution: 'bundler',
                jsx: 'react-jsx',
                sourceMap: dev,
              },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: 'async',
        cacheGroups: {
          // ExcelJS only in the lazily loaded standalone chunk, never in an initial chunk.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: 'exceljs',
            chunks: 'async',
            enforce: true,
          },
        },
      },
    },
    performance: {
      hints: false, // the budget is checked by bench/bundle.js (gzipped, initial chunks only)
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
        templateParameters: { csp: contentSecurityPolicy(dev) },
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        // The CSP meta goes right after <meta charset>, before office.js: a meta CSP covers only what follows it.
        templateContent: () =>
          fs
            .readFileSync(path.join(__dirname, 'src/commands/commands.html'), 'utf8')
            .replace(
              /(<meta charset="[^"]*"\s*\/?>)/i,
              `$1\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(dev)}" />`,
            ),
        chunks: ['commands'],
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        filename: 'hjaelp.html',
        template: './src/taskpane/hjaelp.html',
        chunks: [],
        inject: false,
        templateParameters: { csp: contentSecurityPolicy(dev) },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'examples/eksempel.xlsx', to: 'eksempel.xlsx', noErrorOnMissing: true },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform(content) {
              return baseUrl === DEV_URL ? content : content.toString().split(DEV_URL).join(baseUrl);
            },
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      host: 'localhost',
      hot: false,
      liveReload: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      client: { overlay: { errors: true, warnings: false } },
      // server (https with the .cert/ files) is set by scripts/start.js
    },
  };
};
