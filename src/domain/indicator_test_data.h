// Test helper: where the source tree's indicator data lives. The domain layer's
// tests get no compile definition for the source directory, so it is derived
// from this header's own path (src/domain/ under the repository root), with
// TRM_SOURCE_DIR taking precedence when a build defines it.
#pragma once

#include <filesystem>

namespace trm::domain::testing {

inline std::filesystem::path SourceDir() {
#ifdef TRM_SOURCE_DIR
  return TRM_SOURCE_DIR;
#else
  return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path();
#endif
}

inline std::filesystem::path IndicatorDataDir() { return SourceDir() / "data" / "indicators"; }
inline std::filesystem::path IndicatorCaseDir() { return SourceDir() / "tests" / "indicators"; }

}  // namespace trm::domain::testing
