# The two commands: `make run` and `make test`. Everything else is a helper.
.PHONY: run test build bench clean

run:
	scripts/run.sh

test:
	scripts/test.sh

build:
	scripts/install-deps.sh
	cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build build -j$$(nproc)

bench:
	scripts/bench.sh

clean:
	rm -rf build build-asan web/dist
