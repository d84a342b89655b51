// String similarity for romanised names and identifiers.
//
// Pure functions on byte strings (romanised names are ASCII); thread-safe.
#pragma once

#include <string_view>

namespace trm::match {

// Jaro similarity in [0, 1]; 1 for two equal strings, 0 when either is empty.
double Jaro(std::string_view a, std::string_view b);

// Jaro-Winkler with prefix scale 0.1 and a common prefix of at most 4.
double JaroWinkler(std::string_view a, std::string_view b);

// Optimal string alignment distance (Damerau-Levenshtein without repeated
// edits of one substring), stopping early: returns `limit` + 1 as soon as the
// distance is known to exceed `limit`.
int BoundedEditDistance(std::string_view a, std::string_view b, int limit);

}  // namespace trm::match
