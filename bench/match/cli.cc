// `trm match` on its own, for benchmarking the batch commands end to end
// without the rest of the server: match_cli dedupe FILE.csv ...
#include <iostream>
#include <string>
#include <vector>

#include "match/batch_cli.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv + 1, argv + argc);
  return trm::match::RunMatchCommand(args, std::cout, std::cerr);
}
