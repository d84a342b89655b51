// Privacy-preserving record encodings: keyed Bloom filters (cryptographic
// long-term keys, CLKs) of a record's comparable fields, for linking records
// between organisations without exchanging names.
//
// Each field value is cut into bigrams ("_s", "so", "om", ... of the
// romanised name tokens, plus their phonetic keys so that spellings from
// different scripts still overlap); each bigram, tagged with its field, sets
// k bits chosen by HMAC-SHA-256 under the secret key held by the
// participating nodes (libsodium crypto_auth_hmacsha256). Bit positions are
// taken directly from the HMAC output ("random hashing"), not from double
// hashing, which is open to known attacks.
//
// Hardening against frequency attacks (both optional):
//  - salting: the birth year is mixed into every HMAC, so equal names of
//    people born in different years set unrelated bits;
//  - balancing: a 512-bit filter is concatenated with its complement and the
//    1024 positions permuted under the key, so every encoding has exactly
//    512 bits set and bit frequencies give nothing away.
//
// The encoding contains no plaintext. Encodings made under different keys
// or options are not comparable. Thread-safe after Create.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "match/prepared_record.h"

namespace trm::match {

inline constexpr int kEncodingBits = 1024;
inline constexpr int kEncodingWords = kEncodingBits / 64;

struct Encoding {
  alignas(64) std::array<uint64_t, kEncodingWords> words{};
  int Popcount() const;
  bool operator==(const Encoding& o) const { return words == o.words; }
};

struct EncodingOptions {
  int name_hashes = 24;   // bits set per name bigram
  int other_hashes = 12;  // bits set per birth date, sex, place and document bigram
  bool salt_birth_year = false;
  bool balanced = false;
};

class BloomEncoder {
 public:
  // REQUIRES: `key` has at least 32 bytes. Returns InvalidArgument otherwise,
  // or Internal if libsodium cannot start.
  static Result<BloomEncoder> Create(const std::string& key, EncodingOptions options = {});

  Encoding Encode(const PreparedRecord& record) const;

  // A short public fingerprint of the key and options (first 8 bytes of an
  // HMAC), written in encoding files so that mismatched keys are detected.
  std::string Fingerprint() const;
  const EncodingOptions& options() const { return options_; }

 private:
  BloomEncoder() = default;
  void AddElement(const std::string& salt, char field, std::string_view element, int hashes,
                  int bits, Encoding* out) const;

  std::array<uint8_t, 32> key_{};
  EncodingOptions options_;
  std::vector<uint16_t> permutation_;  // balanced only: output position of each bit
};

// Dice similarity 2|a&b| / (|a|+|b|); 0 when both are empty.
double Dice(const Encoding& a, const Encoding& b);

}  // namespace trm::match
