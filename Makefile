# The README's two commands: `make run` and `make test`. Both first install what a fresh Debian
# machine with only Swift, git and libncurses-dev lacks.

# Debian packages the build, the data and the end-to-end tests need, and a file each one installs.
DEPS := libopenblas-dev:/usr/include/x86_64-linux-gnu/openblas-pthread/cblas.h \
        zlib1g-dev:/usr/include/zlib.h \
        libpng-dev:/usr/include/png.h \
        libjpeg-dev:/usr/include/jpeglib.h \
        libncurses-dev:/usr/include/ncursesw/curses.h \
        pkg-config:/usr/bin/pkg-config \
        dataset-fashion-mnist:/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz \
        tmux:/usr/bin/tmux
MISSING = $(foreach d,$(DEPS),$(if $(wildcard $(word 2,$(subst :, ,$(d)))),,$(word 1,$(subst :, ,$(d)))))

# OpenBLAS 0.3.21 mis-detects AVX-512 Xeons and picks slow kernels; the program re-executes itself with
# OPENBLAS_CORETYPE=SkylakeX there (Sources/alexnet/Support/StartupEnvironment.swift). `swift test` runs the
# engine in its own process and gets no such setting: on such a CPU, export it before `make test` for speed.
SWIFT ?= swift
RELEASE_FLAGS := -c release

.PHONY: run test build deps bench bench-peer fuzz clean mini-weights mini-seeds install uninstall

run: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product alexnet
	$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/alexnet $(ARGS)

test: deps
	$(SWIFT) build --product alexnet
	$(SWIFT) test

build: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product alexnet

bench: build
	$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/alexnet bench $(ARGS)

# Ours against the PyTorch peer (../shared/bench/torch_alexnet.py beside the repository, which needs
# `pip install torch`), alternated three times, with the medians of the ratios ours/peer and both peak RSS.
# Default: mini at batch 1 64 and alexnet-1tower at batch 1 16; ARGS e.g. `--preset mini --batch 1 64 --steps 2`.
# The peer is checked before the release build, so a machine without it says so at once.
PYTHON ?= python3
bench-peer: deps
	@$(PYTHON) scripts/bench_peer.py --check-only $(ARGS)
	$(SWIFT) build $(RELEASE_FLAGS) --product alexnet
	$(PYTHON) scripts/bench_peer.py --binary $$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/alexnet $(ARGS)

# Generated inputs (configs, lessons, checkpoints, images, IDX files, the progress file, option values) fed to
# the release binary two at a time; fails on a crash, hang, silent failure, backtrace, multi-line error,
# unnamed file or changed input (docs/fuzzing.md). FUZZ_ARGS: e.g. `--seed 7`, `--only image`, `--case 12`.
fuzz: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product alexnet
	$(SWIFT) build $(RELEASE_FLAGS) --product alexnet-fuzz
	bin=$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path); $$bin/alexnet-fuzz --self-test && \
	  $$bin/alexnet-fuzz --binary $$bin/alexnet --lessons lessons $(FUZZ_ARGS)

deps:
	@missing="$(strip $(MISSING))"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
	    echo "installing with sudo: $$missing"; \
	    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "missing system packages; install them with:"; \
	    echo "  sudo apt-get install -y $$missing"; \
	    exit 1; \
	  fi; \
	fi

# Regenerates the shipped trained mini (weights/mini.safetensors, recorded in its metadata and docs/predict.md) as it was
# made: one uninterrupted 3-epoch run in release with mini's defaults (lr 0.02, step schedule: ÷10 for epoch 3),
# seed 1. A run interrupted and continued with --save/--resume ends bit for bit the same (the checkpoint keeps the
# random streams), but the result still depends on the build and on OpenBLAS's kernels.
ALEXNET_RELEASE = $$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/alexnet
mini-weights: build
	$(ALEXNET_RELEASE) train --preset mini --epochs 3 --seed 1 --save-weights weights/mini.safetensors

# docs/training.md's table of mini's test accuracy per epoch for seeds 1, 2 and 3 (one run at a time, 2 threads; logs in
# .build/mini-seeds/). SEEDS="…" and THREADS=N change them.
mini-seeds: build
	scripts/mini_seeds.sh $(ALEXNET_RELEASE) .build/mini-seeds

# `make install PREFIX=…` (default /usr/local; DESTDIR too, for packagers): the release binary in bin/, the lessons,
# weights and data in share/alexnet/ (where the program looks, ../share/alexnet from its bin/), and bash, zsh and fish
# completions from the argument parser in their conventional directories. Every file written is listed in
# share/alexnet/install-manifest.txt, and `make uninstall` removes exactly those. BIN=path installs that binary
# instead of building the release one (the end-to-end test installs the debug build).
PREFIX ?= /usr/local
install: $(if $(BIN),,build)
	scripts/install.sh install "$(or $(BIN),$(ALEXNET_RELEASE))" "$(DESTDIR)$(PREFIX)"

uninstall:
	scripts/install.sh uninstall "$(DESTDIR)$(PREFIX)"

clean:
	rm -rf .build
