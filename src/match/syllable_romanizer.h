// Table-driven romanisation of abugida scripts (Thai, Lao, Khmer, Burmese).
//
// Each word is cut into orthographic syllables: an optional pre-posed vowel,
// an initial consonant or cluster (with medials, subscripts and register
// shifters), vowel signs, and an optional final consonant. Among the table's
// vowel patterns the longest that matches wins (then the one with more
// literal letters, then the earlier in the file). A syllable's value is
// initial + vowel + final, so "สมชาย" reads as ส+implicit o+ม, ช+า+ย ->
// "som" "chai".
//
// Implicit vowels are guessed by rules, not a dictionary: a consonant closes
// the syllable only when no vowel sign or tone mark follows it, an implicit
// closed syllable is not taken when it would leave exactly one consonant at
// the end of the word, and such a lone final consonant after a closed
// syllable is silent. The result is a comparable form, not a dictionary
// transcription; phonetic keys absorb the remaining differences.
//
// Thread-safe: Romanize is const and keeps no state between calls.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "match/translit_table.h"

namespace trm::match {

class SyllableRomanizer {
 public:
  // `table` must outlive this object.
  explicit SyllableRomanizer(const TranslitTable* table) : table_(table) {}

  // Romanises `text` (one script, already normalised; words separated by
  // spaces). Returns lower-case ASCII words separated by single spaces. With
  // `space_syllables`, every syllable becomes its own word (Burmese names are
  // written as syllables: "အောင်ဆန်း" -> "aung san").
  std::string Romanize(std::u32string_view text, bool space_syllables) const;

 private:
  struct Syllable {
    std::string value;
    bool closed = false;
  };
  struct Initial {
    size_t end;
    std::string value;
    int series;
    bool cluster;
  };
  struct Candidate {
    size_t end = 0;
    std::string value;
    bool closed = false;
    int literals = -1;
    int order = 0;
  };

  std::u32string RemoveSilenced(std::u32string_view word) const;
  std::vector<Syllable> Syllabify(const std::u32string& word) const;
  std::vector<Initial> MatchInitials(const std::u32string& w, size_t pos) const;
  // Length of a final consonant at `pos` (with its markers), or 0 if none.
  size_t MatchFinal(const std::u32string& w, size_t pos, std::string* value) const;
  void MatchPattern(const std::u32string& w, size_t start, int order, Candidate* best) const;
  void MatchFrom(const std::u32string& w, const VowelPattern& p, size_t elem, size_t pos,
                 const Initial* init, const std::string& final_value, int order,
                 Candidate* best) const;
  size_t SkipIgnored(const std::u32string& w, size_t pos) const;
  bool IsLoneFinalConsonant(const std::u32string& w, size_t pos) const;
  // True when w[pos..pos+2) is a table syllabic ending closing the word.
  bool StartsSyllabicEnding(const std::u32string& w, size_t pos) const;

  const TranslitTable* table_;
};

}  // namespace trm::match
