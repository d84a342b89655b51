// Test helpers shared by the tests of the line-file loaders (indicator sets,
// repatriation flows): break one line of a valid file, and expect the
// "<source>:<line>: <reason>" error that names it.
#pragma once

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "common/status.h"

namespace trm::domain::testing {

// `text` with the first `from` replaced by `to`; a test bug if there is none.
inline std::string Replace(std::string_view text, std::string_view from, std::string_view to) {
  std::string s(text);
  const size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << "test bug: " << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

// Expects `status` to reject a file as "<source>:<line>: ..." with `reason` in it.
inline void ExpectLineError(const Status& status, std::string_view source, int line,
                            std::string_view reason) {
  ASSERT_FALSE(status.ok()) << "accepted; expected line " << line << ": " << reason;
  EXPECT_EQ(status.code(), Code::kInvalidArgument);
  const std::string prefix = std::string(source) + ":" + std::to_string(line) + ": ";
  EXPECT_EQ(status.message().rfind(prefix, 0), 0u) << status.message();
  EXPECT_NE(status.message().find(reason), std::string::npos) << status.message();
}

}  // namespace trm::domain::testing
