# Two commands do everything on a fresh Debian machine:
#   make run    install dependencies, build, start the kiosk with the bundled content
#   make test   install dependencies, build, run every test
BUILD     ?= build
JOBS      ?= $(shell nproc)
# Warnings are errors in CI (CI=true), plain warnings on a developer's machine.
WERROR    ?= $(if $(CI),ON,OFF)
# Development runs in a window; the deployed kiosk (deploy/) runs fullscreen.
# `make run RUN_ARGS=` starts the locked-down fullscreen kiosk.
RUN_ARGS  ?= --windowed

.PHONY: all deps configure build run test test-asan fuzz bench tour format clean package test-deploy

all: build

deps:
	@bash deploy/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DWEGWIJZER_WERROR=$(WERROR) >/dev/null

build: configure
	@cmake --build $(BUILD) -j$(JOBS)

run: build
	$(BUILD)/wegwijzer $(RUN_ARGS)

test: build
	cd $(BUILD) && SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy ctest --output-on-failure -j$(JOBS) --timeout 300

# The Debian package, build/wegwijzer_<version>_<arch>.deb (deploy/package.cmake, deploy/README.md).
package: build
	@bash deploy/install-deps.sh package
	cd $(BUILD) && cpack -G DEB

# The package, its units, the fleet playbook and the watchdog (tests/deploy/run.sh).
# As root in a throwaway machine (CI) it also installs, upgrades and purges the package.
test-deploy: package
	@bash deploy/install-deps.sh deploy
	bash tests/deploy/run.sh $(BUILD)

# The same tests under AddressSanitizer + UndefinedBehaviorSanitizer.
test-asan: deps
	@cmake -S . -B $(BUILD)-asan -DCMAKE_BUILD_TYPE=Debug -DWEGWIJZER_SANITIZE=ON -DWEGWIJZER_WERROR=$(WERROR) >/dev/null
	@cmake --build $(BUILD)-asan -j$(JOBS)
	cd $(BUILD)-asan && SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy ctest --output-on-failure -j$(JOBS) --timeout 600

# libFuzzer targets (clang), each run for FUZZ_SECONDS on its seed corpus.
FUZZ_SECONDS ?= 60
fuzz:
	@bash deploy/install-deps.sh fuzz
	@CXX=clang++ cmake -S . -B $(BUILD)-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWEGWIJZER_FUZZ=ON \
	  -DWEGWIJZER_SANITIZE=ON >/dev/null
	@cmake --build $(BUILD)-fuzz -j$(JOBS) --target fuzz_layout fuzz_content
	mkdir -p $(BUILD)-fuzz/corpus-layout $(BUILD)-fuzz/corpus-content
	$(BUILD)-fuzz/fuzz_layout -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	  $(BUILD)-fuzz/corpus-layout tests/fuzz/corpus/layout
	$(BUILD)-fuzz/fuzz_content -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	  $(BUILD)-fuzz/corpus-content tests/fuzz/corpus/content

bench: build
	$(BUILD)/wegwijzer bench

tour: build
	$(BUILD)/wegwijzer tour --out $(BUILD)/tour

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD) $(BUILD)-asan
