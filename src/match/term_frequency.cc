#include "match/term_frequency.h"

#include <algorithm>

namespace trm::match {

void TermFrequencies::Add(const PreparedName& name) { Update(name, +1); }

void TermFrequencies::Remove(const PreparedName& name) { Update(name, -1); }

void TermFrequencies::Update(const PreparedName& name, int delta) {
  auto bump = [delta](auto& map, auto key) {
    auto& count = map[key];
    count += delta;
    if (count == 0) map.erase(key);
  };
  records_ += delta;
  if (name.empty()) return;
  for (int i = 0; i < name.count; ++i) {
    bool seen_token = false, seen_phonetic = false;
    for (int k = 0; k < i; ++k) {
      seen_token |= name.token_hash[k] == name.token_hash[i];
      seen_phonetic |= name.phonetic_hash[k] == name.phonetic_hash[i];
    }
    if (!seen_token) bump(tokens_, name.token_hash[i]);
    if (!seen_phonetic) bump(phonetic_, name.phonetic_hash[i]);
  }
  if (name.bag_hash != 0) bump(names_, name.bag_hash);
}

uint32_t TermFrequencies::NameCount(uint64_t bag_hash) const {
  auto it = names_.find(bag_hash);
  return it == names_.end() ? 0 : it->second;
}

}  // namespace trm::match
