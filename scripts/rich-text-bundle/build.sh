#!/bin/sh
# Builds static/vendor/prosemirror-<view>-markdown-<markdown>.min.js, the rich-text editor's
# one vendored file, and the licence texts of every package inside it. Run it once after
# changing package.json here; the output is committed, so the site has no build step. Needs
# Node and npm; the exact versions come from package-lock.json here. It lives outside
# static/ so that neither it nor the lock file is served or shipped in the wheel.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
vendor=$(cd "$here/../../static/vendor" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp "$here/package.json" "$here/package-lock.json" "$here/entry.js" "$work/"
cd "$work"
npm ci --ignore-scripts --no-audit --no-fund --silent
# esbuild's platform binary comes from an install script that --ignore-scripts skipped.
node node_modules/esbuild/install.js

version() { node -p "require('./node_modules/$1/package.json').version"; }
name="prosemirror-$(version prosemirror-view)-markdown-$(version prosemirror-markdown)"

./node_modules/.bin/esbuild entry.js --bundle --minify --format=iife \
  --global-name=ProseMirrorBundle --target=es2019 --legal-comments=none \
  --metafile=meta.json --outfile="$name.min.js" --log-level=warning

# The licence of every package that contributed code, read from esbuild's own list of inputs.
node -e '
const fs = require("fs"), path = require("path");
const inputs = Object.keys(JSON.parse(fs.readFileSync("meta.json")).inputs);
const names = [...new Set(inputs.filter(i => i.startsWith("node_modules/"))
  .map(i => i.split("/").slice(1, i.split("/")[1].startsWith("@") ? 3 : 2).join("/")))].sort();
let out = "Licences of the packages bundled in " + process.argv[1] + ".min.js\n";
for (const name of names) {
  const dir = path.join("node_modules", name);
  const meta = JSON.parse(fs.readFileSync(path.join(dir, "package.json")));
  const file = fs.readdirSync(dir).find(f => /^(licen[cs]e|copying)/i.test(f));
  if (!file) throw new Error("no licence file in " + name);
  out += "\n" + "=".repeat(72) + "\n" + name + " " + meta.version + " (" + meta.license + ")\n" +
    "=".repeat(72) + "\n\n" + fs.readFileSync(path.join(dir, file), "utf8").trim() + "\n";
}
fs.writeFileSync(process.argv[1] + ".LICENSES.txt", out);
' "$name"

rm -f "$vendor"/prosemirror-*.min.js "$vendor"/prosemirror-*.LICENSES.txt
cp "$name.min.js" "$name.LICENSES.txt" "$vendor/"
echo "$vendor/$name.min.js: $(wc -c < "$name.min.js") bytes, $(gzip -9 < "$name.min.js" | wc -c) gzipped"
