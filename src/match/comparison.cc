#include "match/comparison.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "match/similarity.h"

namespace trm::match {
namespace {

constexpr double kCloseJw = 0.96;
constexpr double kSimilarJw = 0.88;
constexpr double kPairFloorJw = 0.70;

// How well two tokens agree, weakest first.
enum class TokenMatch : uint8_t {
  kNone,
  kWeak,      // Jaro-Winkler >= 0.70: paired, but not evidence of agreement
  kSimilar,   // Jaro-Winkler >= 0.88
  kPhonetic,  // equal phonetic keys
  kClose,     // one edit (two from 10 letters) or Jaro-Winkler >= 0.96: a typo
  kExact,
};

struct TokenPair {
  uint32_t a_bits, b_bits;  // the tokens of each side in this pair
  TokenMatch kind;
};

// Classifies two tokens; `jw` receives their Jaro-Winkler similarity.
TokenMatch ClassifyTokens(const PreparedName& a, int i, const PreparedName& b, int j, double* jw) {
  const std::string_view x = a.token(i), y = b.token(j);
  *jw = JaroWinkler(x, y);
  const size_t shorter = std::min(x.size(), y.size());
  if (shorter >= 4) {
    if (*jw >= kCloseJw) return TokenMatch::kClose;
    // One edit in a word of 4 or more letters leaves Jaro-Winkler above 0.8,
    // so the edit distance is only worth computing above that.
    const int allowed = shorter >= 10 ? 2 : 1;
    if (*jw >= 0.8 && BoundedEditDistance(x, y, allowed) <= allowed) return TokenMatch::kClose;
  }
  if (a.phonetic_hash[i] == b.phonetic_hash[j]) return TokenMatch::kPhonetic;
  if (*jw >= kSimilarJw) return TokenMatch::kSimilar;
  if (*jw >= kPairFloorJw) return TokenMatch::kWeak;
  return TokenMatch::kNone;
}

// True when token `t` equals (or nearly equals) `u` + `v` written together.
bool MatchesJoined(std::string_view t, std::string_view u, std::string_view v) {
  const size_t len = u.size() + v.size();
  if (len > 64 || len + 2 < t.size() || t.size() + 2 < len) return false;
  char buf[64];
  std::memcpy(buf, u.data(), u.size());
  std::memcpy(buf + u.size(), v.data(), v.size());
  const std::string_view joined(buf, len);
  return joined == t || JaroWinkler(joined, t) >= kCloseJw;
}

// Tries to match unmatched token i of `x` to two unmatched tokens of `y`;
// returns the bits of those two tokens, or 0.
uint32_t TryMerge(const PreparedName& x, int i, const PreparedName& y, uint32_t y_used) {
  for (int j = 0; j < y.count; ++j) {
    if (y_used >> j & 1u) continue;
    for (int k = 0; k < y.count; ++k) {
      if (k == j || (y_used >> k & 1u)) continue;
      if (MatchesJoined(x.token(i), y.token(j), y.token(k))) return (1u << j) | (1u << k);
    }
  }
  return 0;
}

// True when the dates written as YYYYMMDD (month and day 0 when unknown)
// differ in one digit or by two adjacent digits swapped.
bool OneDigitApart(const PartialDate& a, const PartialDate& b) {
  int x = a.year * 10000 + a.month * 100 + a.day;
  int y = b.year * 10000 + b.month * 100 + b.day;
  int xd[8], yd[8];
  for (int k = 7; k >= 0; --k, x /= 10, y /= 10) {
    xd[k] = x % 10;
    yd[k] = y % 10;
  }
  int first = -1, count = 0;
  for (int k = 0; k < 8; ++k) {
    if (xd[k] == yd[k]) continue;
    if (++count == 1) first = k;
  }
  if (count == 1) return true;
  return count == 2 && first < 7 && xd[first] == yd[first + 1] && xd[first + 1] == yd[first];
}

uint8_t YearLevel(int dy) {
  if (dy == 0) return date_level::kSameYear;
  if (dy <= 1) return date_level::kWithin1;
  if (dy <= 3) return date_level::kWithin3;
  if (dy <= 5) return date_level::kWithin5;
  return date_level::kDifferent;
}

}  // namespace

NameComparison CompareNames(const PreparedName& a, const PreparedName& b) {
  NameComparison out;
  if (a.empty() || b.empty()) return out;
  const uint32_t all_a = (1u << a.count) - 1;
  if (a.original_hash == b.original_hash) {
    out.level = name_level::kExact;
    out.exact_a = all_a;
    out.exact_b = (1u << b.count) - 1;
    return out;
  }
  if (a.bag_hash != 0 && a.bag_hash == b.bag_hash) {
    out.level = name_level::kRomanized;
    out.exact_a = all_a & ~a.optional_mask;
    out.exact_b = ((1u << b.count) - 1) & ~b.optional_mask;
    return out;
  }

  uint32_t used_a = 0, used_b = 0;
  TokenPair pairs[PreparedName::kMaxTokens];
  int npairs = 0;
  // 1. Equal tokens.
  for (int i = 0; i < a.count; ++i) {
    for (int j = 0; j < b.count; ++j) {
      if ((used_b >> j & 1u) || a.token_hash[i] != b.token_hash[j]) continue;
      if (a.token(i) != b.token(j)) continue;
      used_a |= 1u << i;
      used_b |= 1u << j;
      pairs[npairs++] = {1u << i, 1u << j, TokenMatch::kExact};
      break;
    }
  }
  // 2. One token written as two ("xiaoming" / "xiao ming"), either side.
  if (a.count != b.count) {
    for (int i = 0; i < a.count; ++i) {
      if (used_a >> i & 1u) continue;
      if (const uint32_t bits = TryMerge(a, i, b, used_b)) {
        used_a |= 1u << i;
        used_b |= bits;
        pairs[npairs++] = {1u << i, bits, TokenMatch::kExact};
      }
    }
    for (int j = 0; j < b.count; ++j) {
      if (used_b >> j & 1u) continue;
      if (const uint32_t bits = TryMerge(b, j, a, used_a)) {
        used_a |= bits;
        used_b |= 1u << j;
        pairs[npairs++] = {bits, 1u << j, TokenMatch::kExact};
      }
    }
  }
  // 3. Remaining tokens paired greedily, strongest first, from a table of
  // every unmatched pair computed once.
  double strength[PreparedName::kMaxTokens][PreparedName::kMaxTokens];
  TokenMatch kinds[PreparedName::kMaxTokens][PreparedName::kMaxTokens];
  int candidates = 0;
  for (int i = 0; i < a.count; ++i) {
    if (used_a >> i & 1u) continue;
    for (int j = 0; j < b.count; ++j) {
      if (used_b >> j & 1u) continue;
      double jw;
      kinds[i][j] = ClassifyTokens(a, i, b, j, &jw);
      strength[i][j] = static_cast<double>(kinds[i][j]) + jw;
      if (kinds[i][j] != TokenMatch::kNone) ++candidates;
    }
  }
  while (candidates > 0 && npairs < PreparedName::kMaxTokens) {
    int best_i = -1, best_j = -1;
    double best_strength = 0.0;
    for (int i = 0; i < a.count; ++i) {
      if (used_a >> i & 1u) continue;
      for (int j = 0; j < b.count; ++j) {
        if ((used_b >> j & 1u) || kinds[i][j] == TokenMatch::kNone) continue;
        if (strength[i][j] > best_strength) {
          best_strength = strength[i][j];
          best_i = i, best_j = j;
        }
      }
    }
    if (best_i < 0) break;
    used_a |= 1u << best_i;
    used_b |= 1u << best_j;
    pairs[npairs++] = {1u << best_i, 1u << best_j, kinds[best_i][best_j]};
  }
  if (npairs == 0) {
    out.level = name_level::kDifferent;
    return out;
  }

  const uint32_t all_b = (1u << b.count) - 1;
  const uint32_t unmatched_a = all_a & ~used_a & ~a.optional_mask;
  const uint32_t unmatched_b = all_b & ~used_b & ~b.optional_mask;
  TokenMatch weakest = TokenMatch::kExact;
  bool any_strong = false;
  for (int p = 0; p < npairs; ++p) {
    const TokenPair& tp = pairs[p];
    weakest = std::min(weakest, tp.kind);
    const int first_a = __builtin_ctz(tp.a_bits);
    if (tp.kind >= TokenMatch::kPhonetic && a.length[first_a] >= 2) any_strong = true;
    if (tp.kind == TokenMatch::kExact) {
      out.exact_a |= tp.a_bits;
      out.exact_b |= tp.b_bits;
    } else if (tp.kind >= TokenMatch::kSimilar) {
      out.fuzzy_a |= tp.a_bits;
      out.fuzzy_b |= tp.b_bits;
    }
  }
  if (unmatched_a == 0 && unmatched_b == 0) {
    switch (weakest) {
      case TokenMatch::kExact:
        out.level = name_level::kRomanized;
        break;
      case TokenMatch::kClose:
        out.level = name_level::kClose;
        break;
      case TokenMatch::kPhonetic:
        out.level = name_level::kPhonetic;
        break;
      case TokenMatch::kSimilar:
        out.level = name_level::kSimilar;
        break;
      default:
        out.level = any_strong ? name_level::kPartial : name_level::kDifferent;
    }
    return out;
  }
  if ((unmatched_a == 0 || unmatched_b == 0) && weakest >= TokenMatch::kPhonetic) {
    out.level = name_level::kSubset;
  } else {
    out.level = any_strong ? name_level::kPartial : name_level::kDifferent;
  }
  return out;
}

NameVerdict VerdictOf(uint8_t level) {
  switch (level) {
    case name_level::kExact:
    case name_level::kRomanized:
    case name_level::kClose:
    case name_level::kPhonetic:
      return NameVerdict::kSame;
    case name_level::kSimilar:
    case name_level::kSubset:
      return NameVerdict::kReview;
    default:
      return NameVerdict::kDifferent;
  }
}

const char* NameVerdictName(NameVerdict v) {
  switch (v) {
    case NameVerdict::kSame:
      return "same";
    case NameVerdict::kReview:
      return "review";
    case NameVerdict::kDifferent:
      return "different";
  }
  return "different";
}

uint8_t CompareDates(const PartialDate& a, const PartialDate& b) {
  if (!a.known() || !b.known()) return date_level::kNull;
  const int dy = std::abs(a.year - b.year);
  if (a.approximate || b.approximate) {
    return dy <= 1 ? static_cast<uint8_t>(date_level::kWithin1) : YearLevel(dy);
  }
  if (a.day && b.day) {
    if (dy == 0 && a.month == b.month && a.day == b.day) return date_level::kExact;
    if (dy == 0 && a.month == b.day && a.day == b.month) return date_level::kTypo;
    if (OneDigitApart(a, b)) return date_level::kTypo;
    return YearLevel(dy);
  }
  if (a.month && b.month) {
    if (dy == 0 && a.month == b.month) return date_level::kConsistent;
    if (dy == 0) return date_level::kSameYear;
    PartialDate x = a, y = b;
    x.day = y.day = 0;
    if (OneDigitApart(x, y)) return date_level::kTypo;
    return YearLevel(dy);
  }
  return YearLevel(dy);
}

uint8_t CompareSex(Sex a, Sex b) {
  if (a == Sex::kUnknown || b == Sex::kUnknown) return simple_level::kNull;
  return a == b ? simple_level::kSame : simple_level::kDifferent;
}

uint8_t CompareCodes(uint32_t a, uint32_t b) {
  if (a == 0 || b == 0) return simple_level::kNull;
  return a == b ? simple_level::kSame : simple_level::kDifferent;
}

uint8_t ComparePlaces(const PreparedRecord& a, const PreparedRecord& b) {
  if (a.place_hash == 0 || b.place_hash == 0) return place_level::kNull;
  if (a.place_hash == b.place_hash && a.place == b.place) return place_level::kExact;
  if (JaroWinkler(a.place, b.place) >= 0.88) return place_level::kSimilar;
  return place_level::kDifferent;
}

uint8_t ComparePhones(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return id_level::kNull;
  const size_t n = std::min(a.size(), b.size());
  const std::string_view x = std::string_view(a).substr(a.size() - n);
  const std::string_view y = std::string_view(b).substr(b.size() - n);
  if (x == y) return id_level::kExact;
  return BoundedEditDistance(x, y, 1) <= 1 ? id_level::kOneEdit : id_level::kDifferent;
}

uint8_t CompareDocuments(const PreparedRecord& a, const PreparedRecord& b) {
  if (a.document_hash == 0 || b.document_hash == 0) return id_level::kNull;
  if (a.document_hash == b.document_hash && a.document == b.document) return id_level::kExact;
  return BoundedEditDistance(a.document, b.document, 1) <= 1 ? id_level::kOneEdit
                                                             : id_level::kDifferent;
}

ComparisonVector Compare(const PreparedRecord& a, const PreparedRecord& b) {
  ComparisonVector v;
  const NameComparison name = CompareNames(a.name, b.name);
  v.level[static_cast<int>(Field::kName)] = name.level;
  v.name_exact_a = name.exact_a;
  v.name_fuzzy_a = name.fuzzy_a;
  v.name_exact_b = name.exact_b;
  v.name_fuzzy_b = name.fuzzy_b;
  v.level[static_cast<int>(Field::kBirthDate)] = CompareDates(a.birth, b.birth);
  v.level[static_cast<int>(Field::kSex)] = CompareSex(a.sex, b.sex);
  v.level[static_cast<int>(Field::kCitizenship)] = CompareCodes(a.citizenship, b.citizenship);
  v.level[static_cast<int>(Field::kPlace)] = ComparePlaces(a, b);
  v.level[static_cast<int>(Field::kPhone)] = ComparePhones(a.phone, b.phone);
  v.level[static_cast<int>(Field::kDocument)] = CompareDocuments(a, b);
  return v;
}

}  // namespace trm::match
