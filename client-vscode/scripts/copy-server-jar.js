// Copies the server's runnable jar into the extension (server/citeassist.jar), which vsce packages.
// Usage: node scripts/copy-server-jar.js [JAR]   (default ../server/target/citeassist.jar)
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const jar = path.resolve(root, process.argv[2] || '../server/target/citeassist.jar');
if (!fs.existsSync(jar)) {
  console.error(`copy-server-jar: ${jar} is missing; build the server first (mvn -B -pl server -am package -DskipTests).`);
  process.exit(1);
}
fs.mkdirSync(path.join(root, 'server'), { recursive: true });
fs.copyFileSync(jar, path.join(root, 'server', 'citeassist.jar'));
console.log(`copy-server-jar: ${jar} -> server/citeassist.jar (${fs.statSync(jar).size} bytes)`);
