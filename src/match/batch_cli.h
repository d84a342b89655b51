// The `trm match` command: batch deduplication and linkage of CSV files.
//
//   trm match dedupe FILE.csv            writes id,cluster_id
//   trm match link A.csv B.csv           writes a_id,b_id,score,decision
//   trm match encode FILE.csv --key-file KEY [--salt-birth-year] [--balanced]
//                                        writes privacy-preserving encodings
//                                        (encoding_file.h): ids and bits only
//   trm match link-encoded A.clk B.clk [--threshold D] [--all-pairs]
//                                        writes a_id,b_id,dice for encodings
//                                        with Dice >= D (default 0.7), blocked
//                                        by Hamming LSH unless --all-pairs
//
// Input columns are described in record_csv.h. Options:
//   --data-dir DIR         romanisation tables etc. (default data/match)
//   --threads N            worker threads (default 2)
//   --model FILE           use this saved model instead of training on the input
//   --save-model FILE      write the model used (trained or given)
//   --decisions FILE       human decisions (a_id,b_id,decision) to respect
//   --threshold-same P     match probability for "same" (default: the model's)
//   --threshold-review P   match probability for "review" (default: the model's)
//   --one-to-one           link: at most one link per record on each side
//   --reference-year Y     year in which stated ages were given (default: now)
//   --max-block N          skip blocks of more records than this (default 300)
//   --report               training and blocking report on the error stream
//
// Malformed rows are reported on the error stream as FILE:LINE: reason and
// skipped. Exit status: 0 done; 3 done, but rows were skipped; 1 a file could
// not be read or has no usable header; 2 usage error.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace trm::match {

// `args` are the words after "match" ("dedupe", "FILE.csv", options...).
// Opens the files itself; writes results to `out`, messages to `err`.
int RunMatchCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace trm::match
