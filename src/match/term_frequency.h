// How common each name token, phonetic key and whole name is in a data set,
// for the term-frequency adjustment of name agreement: two records sharing the
// family name "nguyen" are weaker evidence than two sharing "xaysomphou".
//
// Counts are of records holding a value (each record counted once per value).
// Not thread-safe while adding; concurrent reads are safe.
#pragma once

#include <cstdint>
#include <unordered_map>

#include "match/prepared_record.h"

namespace trm::match {

class TermFrequencies {
 public:
  // Counts each distinct token, phonetic key and the whole name once.
  void Add(const PreparedName& name);
  // Undoes Add. REQUIRES: `name` was added and not removed since.
  void Remove(const PreparedName& name);

  uint64_t records() const { return records_; }
  uint32_t TokenCount(uint32_t token_hash) const { return Count(tokens_, token_hash); }
  uint32_t PhoneticCount(uint32_t phonetic_hash) const { return Count(phonetic_, phonetic_hash); }
  uint32_t NameCount(uint64_t bag_hash) const;

 private:
  void Update(const PreparedName& name, int delta);
  static uint32_t Count(const std::unordered_map<uint32_t, uint32_t>& m, uint32_t key) {
    auto it = m.find(key);
    return it == m.end() ? 0 : it->second;
  }

  std::unordered_map<uint32_t, uint32_t> tokens_;
  std::unordered_map<uint32_t, uint32_t> phonetic_;
  std::unordered_map<uint64_t, uint32_t> names_;
  uint64_t records_ = 0;
};

}  // namespace trm::match
