#include "match/phonetic.h"

namespace trm::match {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Consonant classes written as one letter in the key.
char FoldConsonant(char c) {
  switch (c) {
    case 'c':
      return 'k';
    case 'g':
      return 'k';
    case 'q':
      return 'c';  // pinyin q ~ ch
    case 'j':
      return 'c';
    case 'x':
      return 's';  // Lao x, pinyin x
    case 'z':
      return 's';
    case 'v':
      return 'w';
    case 'r':
      return 'l';
    default:
      return c;
  }
}

// y and w after a vowel, before a consonant or at the end, are glides
// ("chay", "kaew"); y after a consonant other than n, before a consonant or at
// the end, is a vowel ("ly", "bounmy").
bool VowelGlide(std::string_view t, size_t i) {
  const char c = t[i];
  if (c != 'y' && c != 'w') return false;
  const bool coda = i + 1 >= t.size() || !IsVowel(t[i + 1]);
  if (!coda || i == 0) return false;
  if (IsVowel(t[i - 1])) return true;
  return c == 'y' && t[i - 1] != 'n';
}

// A run of vowels (glides included) as one of four classes: 'a' (a, aa, ea),
// 'e' (e, ae, ai, ay, ei, ey), 'i' (i, ee, ie, y) and 'o' (o, u, ou, oo, au,
// aw, ao, ue, eu, ew, ua). Romanisations of one vowel stay in one class;
// Burmese "thein", "than" and "htun" do not.
char VowelClass(std::string_view run) {
  auto norm = [](char c) { return c == 'y' ? 'i' : c == 'w' ? 'o' : c; };
  const char c0 = norm(run[0]);
  const char c1 = run.size() > 1 ? norm(run[1]) : '\0';
  switch (c0) {
    case 'a':
      if (c1 == 'o' || c1 == 'u') return 'o';
      if (c1 == 'i' || c1 == 'e') return 'e';
      return 'a';
    case 'e':
      if (c1 == 'e' || (c1 == 'i' && run.size() == 1)) return 'i';
      if (c1 == 'u' || c1 == 'o') return 'o';  // eu, ew
      if (c1 == 'a') return 'a';
      return 'e';
    case 'i':
      return 'i';
    default:  // o, u
      return 'o';
  }
}

}  // namespace

std::string PhoneticKey(std::string_view t) {
  std::string out;
  out.reserve(t.size());
  const size_t n = t.size();
  auto at = [&](size_t i) -> char { return i < n ? t[i] : '\0'; };
  auto emit = [&](char c) {
    if (!out.empty() && out.back() == c) return;  // doubled letters and vowel runs
    out.push_back(c);
  };
  // True when position i starts a consonant or ends the word (for codas).
  auto coda_follows = [&](size_t i) { return i >= n || !IsVowel(at(i)); };

  size_t i = 0;
  while (i < n) {
    const char c = t[i];
    const char d = at(i + 1);
    if (c < 'a' || c > 'z') {  // digits and anything else are not sounds
      ++i;
      continue;
    }
    if (IsVowel(c) || VowelGlide(t, i)) {
      // A silent French final e after a consonant: "phone", "done".
      if (c == 'e' && i + 1 == n && i >= 2 && !IsVowel(at(i - 1)) && at(i - 1) != 'y') {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < n && (IsVowel(t[j]) || VowelGlide(t, j))) ++j;
      emit(VowelClass(t.substr(i, j - i)));
      i = j;
      continue;
    }
    // Post-vocalic r before a consonant or the end is silent ("porn", "korn").
    if (c == 'r' && i > 0 && IsVowel(at(i - 1)) && coda_follows(i + 1)) {
      ++i;
      continue;
    }
    // Three-letter and two-letter spellings.
    if (c == 't' && d == 'c' && at(i + 2) == 'h') {
      emit('c');
      i += 3;
      continue;
    }
    if (c == 'n' && d == 'g') {
      emit('N');
      i += 2;
      continue;
    }
    if ((c == 'n' && (d == 'y' || d == 'h')) || (c == 'g' && d == 'n')) {
      emit('n');
      i += 2;
      continue;
    }
    if (d == 'h') {
      char folded = 0;
      switch (c) {
        case 'c':
          folded = 'c';
          break;
        case 's':
          folded = 's';
          break;
        case 'z':
          folded = 'c';
          break;
        case 'p':
          folded = 'p';
          break;
        case 't':
          folded = 't';
          break;
        case 'k':
          folded = 'k';
          break;
        case 'g':
          folded = 'k';
          break;
        case 'b':
          folded = 'b';
          break;
        case 'd':
          folded = 'd';
          break;
        default:
          break;
      }
      if (folded) {
        emit(folded);
        i += 2;
        continue;
      }
    }
    if (c == 'h') {
      // Burmese pre-aspiration (hs, ht, hp, hl, hm, hn, hw) and a silent h
      // after a vowel; an initial h before a vowel is kept.
      if (i == 0 && IsVowel(d)) emit('h');
      ++i;
      continue;
    }
    if (c == 'c' && d == 'k') {
      emit('k');
      i += 2;
      continue;
    }
    if (c == 't' && (d == 's' || d == 'z')) {
      emit('c');
      i += 2;
      continue;
    }
    char folded = FoldConsonant(c);
    // Final voicing is not distinctive in these languages' romanisations.
    if (coda_follows(i + 1) && i > 0) {
      if (folded == 'd') folded = 't';
      if (folded == 'b') folded = 'p';
    }
    emit(folded);
    ++i;
  }
  return out;
}

uint32_t Hash32(std::string_view s) {
  uint32_t h = 2166136261u;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

uint64_t Hash64(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  // Final avalanche so that the low bits are usable as bucket indexes.
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

}  // namespace trm::match
