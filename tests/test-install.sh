#!/bin/sh
# Installs weft into a temporary prefix, builds examples/hello-plugin against
# it with pkg-config, and runs a pipeline that uses it.
set -eu
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
meson setup "$tmp/build" "$src" --prefix "$tmp/prefix" -Dbuildtype=plain >"$tmp/setup.log" 2>&1 || { cat "$tmp/setup.log"; exit 1; }
meson install -C "$tmp/build" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; exit 1; }
pc=$(dirname "$(find "$tmp/prefix" -name weft.pc | head -1)")
cp "$src/examples/hello-plugin/hello.c" "$src/examples/hello-plugin/hello.yaml" "$tmp/"
cd "$tmp"
PKG_CONFIG_PATH=$pc cc -shared -fPIC -fvisibility=hidden -o hello.so hello.c $(PKG_CONFIG_PATH=$pc pkg-config --cflags --libs weft)
# only the descriptor is exported
nm -D --defined-only hello.so | grep -c ' [A-Z] ' | grep -qx 1 || { echo "hello.so exports more than its descriptor"; nm -D --defined-only hello.so; exit 1; }
unset WEFT_PLUGIN_PATH WEFT_PIPELINE_PATH
out=$(echo "Hello, world. HELLO again." | "$tmp/prefix/bin/weft" run hello.yaml --plugin-path . -)
expected='{"id":"stdin","source":"-","date":null,"meta":{},"doc":{"hello":{"count":2}},"sentences":[],"greetings":[{"start":0,"end":5,"text":"Hello","word":"Hello","length":5},{"start":14,"end":19,"text":"HELLO","word":"HELLO","length":5}]}'
[ "$out" = "$expected" ] || { echo "got:      $out"; echo "expected: $expected"; exit 1; }
# the installed pipelines and plugins are found by name
"$tmp/prefix/bin/weft" list | grep -q "tokens" || { echo "installed pipelines not listed"; "$tmp/prefix/bin/weft" list; exit 1; }
echo "ok: installed, built hello.so with pkg-config, ran it"
