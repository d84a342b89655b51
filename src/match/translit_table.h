// Romanisation tables for abugidas (Thai, Lao, Khmer, Burmese), read from
// data files under data/match/translit/.
//
// ICU has no Lao or Khmer transforms and its Thai one is letter-by-letter
// ISO 11940, so these scripts are romanised by our syllable engine
// (syllable_romanizer.h) driven by one table per script. A table lists
// consonants (value at the start and at the end of a syllable, Khmer register
// series), multi-letter initials, medials, vowel patterns around an initial
// slot `C` and a final slot `F`, implicit vowels, and the marks that are
// ignored, silence a letter, or close a syllable.
//
// File format: UTF-8 text; `#` starts a comment line; `[section]` lines open a
// section; other lines are whitespace-separated columns. A value of `-` means
// the empty string; `a|b` gives the values for register series 1 and 2.
//   [consonants]    letter initial [final [series]]
//   [clusters]      letters value            (initial written with 2-3 letters)
//   [medials]       letter value [prefix]    (Burmese medials, Lao semivowel lo)
//   [vowels]        pattern value            (e.g. "เCีย ia", "CัF a")
//   [independent]   letters value            (a whole syllable, e.g. Khmer ឥ)
//   [implicit]      open|closed value        (vowel of a syllable with no vowel sign)
//   [ignore]        letter...                (tone marks)
//   [killer]        letter...                (silences the letter before it)
//   [killer_pairs]  letter...                (silenced by a killer, also silence the
//                                             consonant before: Thai "จันทร์" -> "chan")
//   [syllabic_endings] letters...            (2-letter word endings read as a syllable,
//                                             never as final + silent letter: Thai "พร")
//   [final_marker]  letter...                (may follow a final: Khmer bantoc)
//   [explicit_final] letter...               (must follow a final: Burmese asat, virama)
//   [pre_vowels]    letter...                (vowels written before their consonant)
//   [shifters]      letter series            (Khmer register shifters)
//   [coeng]         letter                   (joins a subscript consonant)
//   [flags]         word...                  strict_finals: no final that leaves one
//                                            lone consonant at the end of the word;
//                                            silent_lone_final: such a lone consonant
//                                            after a closed syllable is silent (Thai);
//                                            silent_final_subscript: a word-final
//                                            subscript with no vowel is silent (Khmer)
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/status.h"

namespace trm::match {

// Values indexed by register series (0 or 1); equal where a script has none.
using SeriesValue = std::array<std::string, 2>;

struct TableConsonant {
  std::string initial;
  std::string final_value;
  bool can_be_final = false;
  int series = 0;
};

struct TableMedial {
  std::string value;
  bool prefix = false;  // Burmese ha-htoe: "မှ" is "hm", not "mh"
};

// Placeholders inside a compiled vowel pattern.
inline constexpr char32_t kInitialSlot = 0xE000;
inline constexpr char32_t kFinalSlot = 0xE001;

struct VowelPattern {
  std::u32string shape;  // literal letters and the two slots
  SeriesValue value;
  int literal_count = 0;
  bool has_final = false;
};

struct TranslitTable {
  std::string name;
  std::unordered_map<char32_t, TableConsonant> consonants;
  std::unordered_map<std::u32string, std::string> clusters;
  std::unordered_map<char32_t, TableMedial> medials;
  std::vector<VowelPattern> patterns;
  std::unordered_map<std::u32string, std::string> independents;
  SeriesValue implicit_open;
  SeriesValue implicit_closed;
  std::unordered_set<char32_t> ignored;
  std::unordered_set<char32_t> killers;
  std::unordered_set<char32_t> killer_pairs;
  std::unordered_set<std::u32string> syllabic_endings;
  std::unordered_set<char32_t> final_markers;
  std::unordered_set<char32_t> explicit_finals;
  std::unordered_set<char32_t> pre_vowels;
  std::unordered_map<char32_t, int> shifters;
  char32_t coeng = 0;
  bool strict_finals = false;
  bool silent_lone_final = false;
  bool silent_final_subscript = false;
  size_t max_cluster_len = 1;
  size_t max_independent_len = 1;

  bool IsConsonant(char32_t cp) const { return consonants.count(cp) != 0; }
};

// Parses a table; `name` is used in error messages.
// Returns InvalidArgument naming the line for unknown sections, wrong column
// counts, patterns without an initial slot, or invalid UTF-8.
Result<TranslitTable> ParseTranslitTable(std::string_view text, std::string_view name);

// Reads and parses the file at `path`; NotFound when it cannot be read.
Result<TranslitTable> LoadTranslitTable(const std::string& path);

}  // namespace trm::match
