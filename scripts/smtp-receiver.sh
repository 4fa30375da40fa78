#!/usr/bin/env bash
# Installs aiosmtpd (from PyPI) into a cached virtualenv for the API tests' real SMTP
# receiver (scripts/smtp_receiver.py), and prints the venv's python.
#
# Usage: scripts/smtp-receiver.sh            install if needed, print the python path
#
# Environment (optional):
#   AIOSMTPD_PACKAGE   pip requirement (default "aiosmtpd~=1.4")
#   XDG_CACHE_HOME     the venv lives in ${XDG_CACHE_HOME:-$HOME/.cache}/kinerja360/smtp-venv
#
# Exits non-zero with a message when the install fails (the tests then fail, never skip).
set -euo pipefail

cache="${XDG_CACHE_HOME:-$HOME/.cache}/kinerja360"
venv="$cache/smtp-venv"
package="${AIOSMTPD_PACKAGE:-aiosmtpd~=1.4}"
mkdir -p "$cache"

ok() { "$venv/bin/python" -c 'import aiosmtpd' 2>/dev/null; }

if ! ok; then
    exec 9>"$cache/smtp-venv.lock"
    flock 9
    if ! ok; then
        echo "[smtp-receiver] installing '$package' into $venv" >&2
        rm -rf "$venv"
        if ! python3 -m venv "$venv" >&2; then
            if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
                rm -rf "$venv"
                DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq python3-venv >/dev/null
                python3 -m venv "$venv" >&2
            else
                echo "smtp-receiver.sh: python3 -m venv failed (install python3-venv)" >&2
                exit 1
            fi
        fi
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$package" >&2
    fi
    flock -u 9
    exec 9>&-
fi
echo "$venv/bin/python"
