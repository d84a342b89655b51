// Test helpers: where the source tree's data lives, and one shared Preparer
// (loading tables and ICU transforms once per test program).
#pragma once

#include <string>

#include "match/preparer.h"

namespace trm::match::testing {

inline std::string SourceDir() { return TRM_SOURCE_DIR; }
inline std::string DataDir() { return SourceDir() + "/data/match"; }

// REQUIRES: the data directory is readable (the test aborts otherwise).
const Preparer& SharedPreparer();

}  // namespace trm::match::testing
