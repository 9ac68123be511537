#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS Node script */
/**
 * npm start: the task pane on https://localhost:3000 with live reload.
 * At first start it makes a self-signed certificate for localhost with openssl in .cert/
 * (git-ignored). Office requires https; trust .cert/localhost.crt in the OS (or accept the
 * browser warning once) so Excel and the browser load the pane.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const webpack = require('webpack');
const WebpackDevServer = require('webpack-dev-server');
const makeConfig = require('../webpack.config.js');

const root = path.resolve(__dirname, '..');
const certDir = path.join(root, '.cert');
const key = path.join(certDir, 'localhost.key');
const cert = path.join(certDir, 'localhost.crt');

function ensureCertificate() {
  if (fs.existsSync(key) && fs.existsSync(cert)) return;
  fs.mkdirSync(certDir, { recursive: true });
  console.log('Laver et selvsigneret certifikat til https://localhost i .cert/ …');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-sha256',
        '-days',
        '825',
        '-keyout',
        key,
        '-out',
        cert,
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-addext',
        'extendedKeyUsage=serverAuth',
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  } catch (e) {
    console.error(
      'Kunne ikke lave certifikatet med openssl. Installér openssl (fx apt-get install openssl) og prøv igen.',
    );
    throw e;
  }
}

async function main() {
  ensureCertificate();
  const config = makeConfig({}, { mode: 'development' });
  const compiler = webpack(config);
  const server = new WebpackDevServer(
    {
      ...config.devServer,
      server: { type: 'https', options: { key: fs.readFileSync(key), cert: fs.readFileSync(cert) } },
    },
    compiler,
  );
  await server.start();
  console.log(`
Børnesagsbarometer kører på https://localhost:3000/

  Uden for Excel (standalone):  https://localhost:3000/taskpane.html
  Manifest:                     ${path.join(root, 'manifest.xml')}

Sådan indlæser du tilføjelsesprogrammet i Excel (sideload):
  - Excel på nettet: Indsæt > Tilføjelsesprogrammer > Mine tilføjelsesprogrammer > Upload mit
    tilføjelsesprogram, og vælg manifest.xml.
  - Excel til Windows: læg manifest.xml i en delt mappe, tilføj mappen under Filer > Indstillinger >
    Center for sikkerhed og rettighedsadministration > Kataloger over pålidelige tilføjelsesprogrammer,
    og vælg den under Indsæt > Mine tilføjelsesprogrammer > Delt mappe.
  - Excel til Mac: kopiér manifest.xml til ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
  Certifikatet er ${cert}; stol på det i styresystemet, hvis Excel ikke vil indlæse siden.

Stop med Ctrl+C.`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
