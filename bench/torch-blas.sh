# Sourced by the benchmarks that run PyTorch beside mtc. Debian's python3-torch multiplies through
# whatever libblas.so.3 the system provides, and installing python3-torch alone brings the
# reference BLAS: PyTorch's seed-model epoch then takes 10 s instead of 0.6-0.8 s (measured here on
# 12-06), and every ratio against it would be flattering and false. So a benchmark stops then.
require_fast_torch_blas() {
  local blas
  blas=$(/usr/bin/python3 -c 'import re, torch; print(*set(re.findall(r"/\S*/libblas\.so\S*", open("/proc/self/maps").read())))' 2>/dev/null || true)
  case "$blas" in
    */blas/libblas.so*)
      echo "$0: PyTorch would multiply with the reference BLAS ($blas), about 10x slower than" \
        "OpenBLAS; install it first: apt-get install libopenblas0-pthread" >&2
      exit 2 ;;
  esac
}
