#!/usr/bin/env bash
# Builds Hindsight's installers for the system it runs on, with its own Java runtime:
#   Linux:   an app-image, a .deb, and an .rpm where rpmbuild is present
#   macOS:   an app-image (Hindsight.app) and a .dmg
#   Windows: an app-image and an .msi (WiX 3 on the PATH; run from Git Bash)
# Output: target/installer/. Options: --app-image-only (skip the packages), --no-build (reuse
# target/hindsight.jar). Needs a JDK 17+ with jlink, jpackage and jmods (Temurin and Debian's
# openjdk-17-jdk have them); on Linux also dpkg-deb and fakeroot for the .deb.
# Every jlink and jpackage option lives in the argument files beside this script.
set -euo pipefail
cd "$(dirname "$0")/.."

app_image_only=false
build=true
for a in "$@"; do
  case "$a" in
    --app-image-only) app_image_only=true ;;
    --no-build) build=false ;;
    *) echo "build.sh: unknown option $a (takes --app-image-only, --no-build)" >&2; exit 2 ;;
  esac
done

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=macos ;;
  MINGW*|MSYS*|CYGWIN*) os=windows ;;
  *) echo "build.sh: unknown system $(uname -s)" >&2; exit 2 ;;
esac

for tool in jlink jpackage; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool not found: install a full JDK 17+" >&2; exit 2; }
done

if $build; then
  ./mvnw -q -B -DskipTests package
fi
[ -f target/hindsight.jar ] || { echo "build.sh: target/hindsight.jar is missing (run without --no-build)" >&2; exit 2; }

# jpackage wants a plain version: 0.1.0-SNAPSHOT becomes 0.1.0
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
version=${version%%-*}

out=target/installer
rm -rf "$out"
mkdir -p "$out/input"
# the jar without other systems' SQLite libraries, its entries stored so the package compresses it
java installers/SlimJar.java target/hindsight.jar "$out/input/hindsight.jar"

# the runtime is left uncompressed (--compress=0 in jlink.args) for the same reason: a .deb's xz
# packs raw class files to less than half of what it makes of jlink's zip
echo "jlink: the runtime"
jlink @installers/jlink.args --output "$out/runtime"

echo "jpackage: the app-image"
jpackage --type app-image @installers/package.args @installers/jpackage.args \
  @installers/$os/jpackage.args --app-version "$version" \
  --input "$out/input" --runtime-image "$out/runtime" --dest "$out"

if $app_image_only; then
  echo "built $out (app-image)"
  exit 0
fi

case "$os" in
  linux) image="$out/Hindsight" ;;
  macos) image="$out/Hindsight.app" ;;
  windows) image="$out/Hindsight" ;;
esac

package() { # type, args file
  echo "jpackage: the .$1"
  jpackage --type "$1" @installers/package.args @installers/$os/$2 --app-version "$version" \
    --app-image "$image" --dest "$out"
}

case "$os" in
  linux)
    package deb deb.args
    if command -v rpmbuild >/dev/null; then
      package rpm rpm.args
    else
      echo "jpackage: no rpmbuild here, so no .rpm"
    fi
    ;;
  macos) package dmg dmg.args ;;
  windows) package msi msi.args ;;
esac
ls -l "$out"
