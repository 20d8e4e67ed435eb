#!/bin/sh
# Cài những gì kiểm thử cần rồi chạy toàn bộ kiểm thử.
# Installs what the tests need (Debian packages, then Python packages) and runs every test
# (two pytest-xdist workers: see addopts in pyproject.toml; `-m "not slow"` is the fast loop).
# Run it inside the project's virtual environment; extra arguments go to pytest.
set -eu
cd "$(dirname "$0")/.."

packages="chromium chromium-driver nginx-light fonts-noto-core libpango-1.0-0 libpangoft2-1.0-0 rsync openssh-server gettext-base"
missing=""
for package in $packages; do
  dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
if [ -n "$missing" ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Cài gói Debian / installing Debian packages:$missing"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
fi

echo "Cài gói Python / installing Python packages (requirements-test.txt)"
# --no-compile: Python compiles what the tests import when they first import it (8 s less).
pip install --progress-bar off --no-compile -r requirements-test.txt

echo "Kiểm tra mã / linting (ruff)"
ruff check scripts tests

echo "Chạy kiểm thử / running the tests (pytest)"
python -m pytest "$@"
