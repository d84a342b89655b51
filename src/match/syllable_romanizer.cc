#include "match/syllable_romanizer.h"

namespace trm::match {

size_t SyllableRomanizer::SkipIgnored(const std::u32string& w, size_t pos) const {
  while (pos < w.size() && table_->ignored.count(w[pos])) ++pos;
  return pos;
}

// A killer silences the consonant before it, together with a vowel sign
// written on that consonant (Thai "ศักดิ์" -> "ศัก").
std::u32string SyllableRomanizer::RemoveSilenced(std::u32string_view word) const {
  std::u32string out;
  out.reserve(word.size());
  for (char32_t cp : word) {
    if (!table_->killers.count(cp)) {
      out.push_back(cp);
      continue;
    }
    while (!out.empty() && table_->ignored.count(out.back())) out.pop_back();
    if (out.size() >= 2 && !table_->IsConsonant(out.back()) &&
        table_->IsConsonant(out[out.size() - 2])) {
      out.pop_back();
    }
    if (!out.empty() && table_->IsConsonant(out.back())) {
      const char32_t silenced = out.back();
      out.pop_back();
      if (table_->killer_pairs.count(silenced) && out.size() >= 2 &&
          table_->IsConsonant(out.back()) && table_->IsConsonant(out[out.size() - 2])) {
        out.pop_back();
      }
    }
  }
  return out;
}

std::vector<SyllableRomanizer::Initial> SyllableRomanizer::MatchInitials(const std::u32string& w,
                                                                         size_t pos) const {
  std::vector<Initial> out;
  size_t p = pos;
  // A subscript may open a syllable after a final (Khmer "ចន្ទ").
  if (table_->coeng && p < w.size() && w[p] == table_->coeng) ++p;
  if (p >= w.size() || !table_->IsConsonant(w[p])) return out;

  std::vector<Initial> bases;
  for (size_t len = std::min(table_->max_cluster_len, w.size() - p); len >= 2; --len) {
    auto it = table_->clusters.find(w.substr(p, len));
    if (it != table_->clusters.end()) {
      bases.push_back({p + len, it->second, table_->consonants.at(w[p]).series, true});
    }
  }
  const TableConsonant& first = table_->consonants.at(w[p]);
  bases.push_back({p + 1, first.initial, first.series, false});

  for (const Initial& base : bases) {
    Initial cur = base;
    out.push_back(cur);
    // Extend with shifters, medials and subscripts; every prefix is a candidate.
    while (cur.end < w.size()) {
      const char32_t c = w[cur.end];
      if (auto s = table_->shifters.find(c); s != table_->shifters.end()) {
        cur.series = s->second;
        ++cur.end;
      } else if (auto m = table_->medials.find(c); m != table_->medials.end()) {
        cur.value = m->second.prefix ? m->second.value + cur.value : cur.value + m->second.value;
        ++cur.end;
      } else if (table_->coeng && c == table_->coeng && cur.end + 1 < w.size() &&
                 table_->IsConsonant(w[cur.end + 1])) {
        cur.value += table_->consonants.at(w[cur.end + 1]).initial;
        cur.end += 2;
      } else {
        break;
      }
      out.push_back(cur);
    }
  }
  return out;
}

size_t SyllableRomanizer::MatchFinal(const std::u32string& w, size_t pos,
                                     std::string* value) const {
  if (pos >= w.size()) return 0;
  auto it = table_->consonants.find(w[pos]);
  if (it == table_->consonants.end() || !it->second.can_be_final) return 0;
  size_t end = pos + 1;
  if (!table_->explicit_finals.empty()) {
    const size_t q = SkipIgnored(w, end);
    if (q >= w.size() || !table_->explicit_finals.count(w[q])) return 0;
    end = SkipIgnored(w, q + 1);
  } else {
    if (end < w.size() && table_->final_markers.count(w[end])) {
      end = SkipIgnored(w, end + 1);
    } else if (end < w.size()) {
      const char32_t next = w[end];
      const bool opens_next = table_->IsConsonant(next) || table_->pre_vowels.count(next) ||
                              (table_->coeng && next == table_->coeng);
      if (!opens_next) return 0;  // a vowel sign or tone mark: `pos` is an initial
    }
  }
  *value = it->second.final_value;
  return end - pos;
}

bool SyllableRomanizer::StartsSyllabicEnding(const std::u32string& w, size_t pos) const {
  if (table_->syllabic_endings.empty() || pos + 2 > w.size()) return false;
  if (SkipIgnored(w, pos + 2) != w.size()) return false;
  return table_->syllabic_endings.count(w.substr(pos, 2)) != 0;
}

bool SyllableRomanizer::IsLoneFinalConsonant(const std::u32string& w, size_t pos) const {
  if (pos >= w.size() || !table_->IsConsonant(w[pos])) return false;
  return SkipIgnored(w, pos + 1) == w.size();
}

void SyllableRomanizer::MatchFrom(const std::u32string& w, const VowelPattern& p, size_t elem,
                                  size_t pos, const Initial* init, const std::string& final_value,
                                  int order, Candidate* best) const {
  if (elem == p.shape.size()) {
    if (init == nullptr) return;
    const size_t end = SkipIgnored(w, pos);
    if (p.literal_count == 0 && !p.has_final && init->cluster) return;  // bare cluster
    if (p.has_final && (p.literal_count == 0 || table_->strict_finals) &&
        table_->explicit_finals.empty() && IsLoneFinalConsonant(w, end)) {
      return;  // "นคร" is na-khon, not nok-ra
    }
    const bool better =
        end > best->end ||
        (end == best->end && (p.literal_count > best->literals ||
                              (p.literal_count == best->literals && order < best->order)));
    if (!better) return;
    best->end = end;
    best->literals = p.literal_count;
    best->order = order;
    best->closed = p.has_final;
    best->value = init->value + p.value[init->series] + final_value;
    return;
  }
  const char32_t want = p.shape[elem];
  if (want == kInitialSlot) {
    for (const Initial& cand : MatchInitials(w, pos)) {
      MatchFrom(w, p, elem + 1, cand.end, &cand, final_value, order, best);
    }
  } else if (want == kFinalSlot) {
    std::string value;
    const size_t q = SkipIgnored(w, pos);
    const size_t len = MatchFinal(w, q, &value);
    if (len > 0 && !StartsSyllabicEnding(w, q)) {
      MatchFrom(w, p, elem + 1, q + len, init, value, order, best);
    }
  } else {
    // A tone mark may itself be a literal of the pattern (Burmese "င့်").
    const size_t q = (pos < w.size() && w[pos] == want) ? pos : SkipIgnored(w, pos);
    if (q < w.size() && w[q] == want) {
      MatchFrom(w, p, elem + 1, q + 1, init, final_value, order, best);
    }
  }
}

void SyllableRomanizer::MatchPattern(const std::u32string& w, size_t start, int order,
                                     Candidate* best) const {
  MatchFrom(w, table_->patterns[order], 0, start, nullptr, std::string(), order, best);
}

std::vector<SyllableRomanizer::Syllable> SyllableRomanizer::Syllabify(
    const std::u32string& w) const {
  std::vector<Syllable> out;
  size_t pos = 0;
  while (pos < w.size()) {
    pos = SkipIgnored(w, pos);
    if (pos >= w.size()) break;
    if (table_->silent_lone_final && !out.empty() && out.back().closed &&
        IsLoneFinalConsonant(w, pos)) {
      break;  // silent last letter: "จันท(ร์)" -> "chan"
    }
    if (table_->silent_final_subscript && !out.empty() && w[pos] == table_->coeng &&
        IsLoneFinalConsonant(w, pos + 1)) {
      break;  // Khmer "ចន្ទ" -> "chan"
    }
    Candidate best;
    for (int i = 0; i < static_cast<int>(table_->patterns.size()); ++i) {
      MatchPattern(w, pos, i, &best);
    }
    for (size_t len = std::min(table_->max_independent_len, w.size() - pos); len >= 1; --len) {
      auto it = table_->independents.find(w.substr(pos, len));
      if (it != table_->independents.end() && pos + len >= best.end) {
        best.end = SkipIgnored(w, pos + len);
        best.value = it->second;
        best.closed = false;
        break;
      }
    }
    if (best.end > pos) {
      out.push_back({std::move(best.value), best.closed});
      pos = best.end;
      continue;
    }
    const char32_t c = w[pos];
    if (c < 0x80) {
      out.push_back({std::string(1, static_cast<char>(c)), false});
    } else if (table_->IsConsonant(c)) {
      const TableConsonant& k = table_->consonants.at(c);
      out.push_back({k.initial + table_->implicit_open[k.series], false});
    }
    ++pos;  // an orphan sign is dropped
  }
  return out;
}

std::string SyllableRomanizer::Romanize(std::u32string_view text, bool space_syllables) const {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == U' ') ++i;
    size_t j = i;
    while (j < text.size() && text[j] != U' ') ++j;
    if (j == i) break;
    const std::u32string word = RemoveSilenced(text.substr(i, j - i));
    bool word_open = false;
    for (const Syllable& s : Syllabify(word)) {
      if (s.value.empty()) continue;
      if (!out.empty() && (space_syllables || !word_open) && out.back() != ' ') out.push_back(' ');
      out += s.value;
      word_open = true;
    }
    i = j;
  }
  return out;
}

}  // namespace trm::match
