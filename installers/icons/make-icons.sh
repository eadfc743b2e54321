#!/usr/bin/env bash
# Renders hindsight.svg into the icon files the installers and the window use. The results are
# checked in, so building an installer needs none of these tools; run this after changing the SVG.
# Needs: rsvg-convert (librsvg2-bin), ImageMagick's convert, python3.
set -euo pipefail
cd "$(dirname "$0")"
sizes="16 24 32 48 64 128 256 512 1024"
for s in $sizes; do
  rsvg-convert -w "$s" -h "$s" hindsight.svg -o "hindsight-$s.png"
done
# Windows: one .ico with the sizes Explorer and the taskbar ask for
convert hindsight-16.png hindsight-24.png hindsight-32.png hindsight-48.png hindsight-64.png \
  hindsight-128.png hindsight-256.png hindsight.ico
# macOS: an .icns of PNGs (the format is a header and typed chunks; no Apple tools needed)
python3 - <<'PY'
import struct
chunks = [("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256),
          ("ic09", 512), ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512)]
body = b""
for kind, size in chunks:
    data = open("hindsight-%d.png" % size, "rb").read()
    body += kind.encode() + struct.pack(">I", len(data) + 8) + data
open("hindsight.icns", "wb").write(b"icns" + struct.pack(">I", len(body) + 8) + body)
PY
# the window's own icons (title bar, task switcher)
mkdir -p ../../src/main/resources/dev/hindsight/ui/icons
for s in 16 32 48 64 128 256; do
  cp "hindsight-$s.png" "../../src/main/resources/dev/hindsight/ui/icons/hindsight-$s.png"
done
echo "icons written"
