// Files of privacy-preserving encodings, exchanged between nodes instead of
// records. Only ids and encodings are written: no names, dates or other
// plaintext. Record ids must themselves be free of personal data.
//
// Format: a header line
//   trm-clk v1 bits=1024 fingerprint=<16 hex> name_hashes=N other_hashes=N salted=0|1 balanced=0|1
// then one line per record: id,<base64 of the 128 bytes>.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "common/status.h"
#include "match/bloom_encoding.h"
#include "match/dice_kernel.h"

namespace trm::match {

struct EncodingFile {
  std::string fingerprint;
  EncodingOptions options;
  std::vector<std::string> ids;
  EncodingStore store;
};

// REQUIRES: ids.size() == encodings.size(). Returns InvalidArgument for an id
// containing a comma or line break, Unavailable when the stream fails.
Status WriteEncodings(std::ostream* out, const BloomEncoder& encoder,
                      const std::vector<std::string>& ids, const std::vector<Encoding>& encodings);

// Returns InvalidArgument naming the line for a bad header or row.
Result<EncodingFile> ReadEncodings(std::istream* in);

}  // namespace trm::match
