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

.PHONY: all deps configure build run test test-asan fuzz monkey soak stress bench tour format clean package \
        test-deploy compare-browser compare-tour

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

# libFuzzer targets (clang), each run for FUZZ_SECONDS on its seed corpus (tests/fuzz/corpus/NAME).
# New inputs go to build-fuzz/corpus-NAME; a crash, or an input that takes over 10 s (work that
# grows too fast with the input), leaves crash-*/timeout-* there and fails the target.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := layout content markdown script pack_file printer config
fuzz:
	@bash deploy/install-deps.sh fuzz
	@CXX=clang++ cmake -S . -B $(BUILD)-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWEGWIJZER_FUZZ=ON \
	  -DWEGWIJZER_SANITIZE=ON >/dev/null
	@cmake --build $(BUILD)-fuzz -j$(JOBS) --target $(addprefix fuzz_,$(FUZZ_TARGETS))
	@for t in $(FUZZ_TARGETS); do \
	  corpus=$$(echo $$t | tr _ -); mkdir -p $(BUILD)-fuzz/corpus-$$corpus; \
	  (cd $(BUILD)-fuzz && ./fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -print_final_stats=1 \
	    corpus-$$corpus $(CURDIR)/tests/fuzz/corpus/$$corpus > fuzz-$$t.log 2>&1); status=$$?; \
	  runs=$$(grep -o 'number_of_executed_units: *[0-9]*' $(BUILD)-fuzz/fuzz-$$t.log | grep -o '[0-9]*$$'); \
	  echo "fuzz: $$t: $${runs:-0} inputs in $(FUZZ_SECONDS) s, exit $$status"; \
	  if [ $$status -ne 0 ]; then tail -40 $(BUILD)-fuzz/fuzz-$$t.log; exit 1; fi; \
	done

# The long stress runs (short versions are in `make test`).
MONKEY_EVENTS ?= 100000
SOAK_HOURS ?= 12
monkey: build
	$(BUILD)/wegwijzer monkey --events $(MONKEY_EVENTS) --seed $${SEED:-1}
soak: build
	$(BUILD)/wegwijzer soak --hours $(SOAK_HOURS) --seed $${SEED:-1}
stress: monkey soak

bench: build
	$(BUILD)/wegwijzer bench

# The kiosk beside an equivalent Home page in headless Chromium (docs/PERFORMANCE.md).
compare-browser: build
	@bash deploy/install-deps.sh browser
	bash bench/compare-browser.sh $(BUILD)

# Every screen of the tour, pixel for pixel, against an earlier commit: `make compare-tour BASE=abc123`.
BASE ?= HEAD
compare-tour: build
	bash bench/compare-tour.sh $(BASE) $(BUILD)

tour: build
	$(BUILD)/wegwijzer tour --out $(BUILD)/tour

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD) $(BUILD)-asan
