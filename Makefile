# The README's commands. Each installs missing Debian packages first, so they
# work on a fresh machine; CMake + Ninja do the real work.
BUILD      ?= build
ASAN_BUILD ?= build-asan
CMAKE_FLAGS ?=

.PHONY: all deps build demo check check-asan clean

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

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
