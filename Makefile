# The README's commands. Each installs missing Debian packages first, so they
# work on a fresh machine; CMake + Ninja do the real work.
BUILD      ?= build
ASAN_BUILD ?= build-asan
CMAKE_FLAGS ?=

.PHONY: all deps build demo check check-asan bench clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	@cmake -G Ninja -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD)

demo: build
	@scripts/demo.sh $(BUILD)

check: build
	@scripts/check.sh $(BUILD)

# The whole suite again with AddressSanitizer + UndefinedBehaviorSanitizer.
check-asan: deps
	@cmake -G Ninja -S . -B $(ASAN_BUILD) -DMLOPT_SANITIZE=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(ASAN_BUILD)
	@scripts/check.sh $(ASAN_BUILD)

# mlopt against OpenBLAS, oneDNN, PyTorch, upstream MLIR and naive C, at 1
# and 2 threads: bench/results/latest.md + .png (bench/README.md). Installs
# only the bench packages; build and check never need them.
bench: build
	@scripts/install-deps.sh --bench
	@/usr/bin/python3 bench/run.py --build-dir $(BUILD) $(BENCH_ARGS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
