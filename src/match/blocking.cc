#include "match/blocking.h"

#include <algorithm>
#include <string>

#include "match/phonetic.h"

namespace trm::match {
namespace {

uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

// Tags a key with its rule in the top byte.
uint64_t Tag(BlockingRule rule, uint64_t h) {
  return (static_cast<uint64_t>(rule) << 56) | (Mix(h) & 0x00FFFFFFFFFFFFFFull);
}

uint64_t Combine(uint64_t a, uint64_t b) { return Mix(a * 0x9E3779B97F4A7C15ull ^ b); }

uint64_t FullDateKey(const PartialDate& d) {
  return (static_cast<uint64_t>(d.year) << 16) | (static_cast<uint64_t>(d.month) << 8) |
         static_cast<uint64_t>(d.day);
}

bool HasFullDate(const PartialDate& d) { return d.known() && !d.approximate && d.day != 0; }

// Required tokens of a name (optional ones are left out of keys), up to 4.
int RequiredTokens(const PreparedName& n, int* idx) {
  int k = 0;
  for (int i = 0; i < n.count && k < 4; ++i) {
    if (!n.optional(i)) idx[k++] = i;
  }
  return k;
}

}  // namespace

std::string_view RuleName(BlockingRule rule) {
  switch (rule) {
    case BlockingRule::kDocument:
      return "document";
    case BlockingRule::kPhone:
      return "phone";
    case BlockingRule::kTokenYear:
      return "name_token+birth_year";
    case BlockingRule::kTokenPair:
      return "name_token_pair";
    case BlockingRule::kJoinedName:
      return "joined_name";
    case BlockingRule::kBirthDate:
      return "birth_date";
    case BlockingRule::kBirthDatePlace:
      return "birth_date+place";
    case BlockingRule::kNameBag:
      return "name_tokens";
  }
  return "unknown";
}

const std::vector<BlockingRule>& PredictionRules() {
  static const std::vector<BlockingRule> kRules = {
      BlockingRule::kDocument,  BlockingRule::kPhone,      BlockingRule::kTokenPair,
      BlockingRule::kTokenYear, BlockingRule::kJoinedName, BlockingRule::kBirthDatePlace,
  };
  return kRules;
}

void AppendBlockingKeys(BlockingRule rule, const PreparedRecord& r, std::vector<uint64_t>* out) {
  const size_t first = out->size();
  int idx[4];
  switch (rule) {
    case BlockingRule::kDocument:
      if (!r.document.empty()) out->push_back(Tag(rule, Hash64(r.document)));
      break;
    case BlockingRule::kPhone:
      if (!r.phone.empty()) out->push_back(Tag(rule, Hash64(r.phone)));
      break;
    case BlockingRule::kTokenYear: {
      if (!r.birth.known()) break;
      const int n = RequiredTokens(r.name, idx);
      const int spread = r.birth.approximate ? 1 : 0;
      for (int t = 0; t < n; ++t) {
        if (r.name.length[idx[t]] < 2) continue;
        for (int dy = -spread; dy <= spread; ++dy) {
          out->push_back(Tag(rule, Combine(r.name.phonetic_hash[idx[t]], r.birth.year + dy)));
        }
      }
      break;
    }
    case BlockingRule::kTokenPair: {
      const int n = RequiredTokens(r.name, idx);
      for (int x = 0; x < n; ++x) {
        for (int y = x + 1; y < n; ++y) {
          uint32_t p = r.name.phonetic_hash[idx[x]], q = r.name.phonetic_hash[idx[y]];
          if (p > q) std::swap(p, q);
          out->push_back(Tag(rule, Combine(p, q)));
        }
      }
      break;
    }
    case BlockingRule::kJoinedName: {
      const int n = RequiredTokens(r.name, idx);
      if (n == 0) break;
      std::string forward, backward;
      for (int t = 0; t < n; ++t) forward += r.name.token(idx[t]);
      for (int t = n - 1; t >= 0; --t) backward += r.name.token(idx[t]);
      out->push_back(Tag(rule, Hash64(PhoneticKey(forward))));
      if (n == 2) out->push_back(Tag(rule, Hash64(PhoneticKey(backward))));
      break;
    }
    case BlockingRule::kBirthDate:
      if (HasFullDate(r.birth)) out->push_back(Tag(rule, FullDateKey(r.birth)));
      break;
    case BlockingRule::kBirthDatePlace:
      if (HasFullDate(r.birth) && r.place_hash != 0) {
        out->push_back(Tag(rule, Combine(FullDateKey(r.birth), r.place_hash)));
      }
      break;
    case BlockingRule::kNameBag:
      if (r.name.bag_hash != 0) out->push_back(Tag(rule, r.name.bag_hash));
      break;
  }
  std::sort(out->begin() + static_cast<long>(first), out->end());
  out->erase(std::unique(out->begin() + static_cast<long>(first), out->end()), out->end());
}

}  // namespace trm::match
