// Reading the line-based data files that networks edit by hand (indicator
// sets, repatriation flows): UTF-8 text, one
// "keyword: value" statement a line, columns inside a value separated by "|".
// A line whose first non-space character is "#" is a comment, and so is the
// rest of a line from a "#" that follows a space or tab. A UTF-8 byte order
// mark and CRLF line ends are accepted; blank lines are skipped.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace trm::domain {

// One statement: its line number (from 1), keyword and value, both trimmed.
struct Statement {
  int line = 0;
  std::string_view key;
  std::string_view value;
};

// Calls `fn` for each statement of `text` in order and stops at the first
// error it returns. Errors of its own, as InvalidArgument
// "<source>:<line>: <reason>": larger than `max_bytes`, a line that is not
// valid UTF-8, a line without a colon. Returns the number of lines read.
Result<int> ForEachStatement(std::string_view text, std::string_view source, size_t max_bytes,
                             const std::function<Status(const Statement&)>& fn);

// "<source>:<line>: <reason>" as InvalidArgument.
Status LineError(std::string_view source, int line, std::string_view reason);

std::string_view TrimSpaces(std::string_view s);
// The columns of a value split at `sep`, each trimmed.
std::vector<std::string_view> SplitColumns(std::string_view s, char sep);
// "'s'": how errors quote what they found.
std::string Quoted(std::string_view s);

// The whole of the file at `path`; NotFound "cannot read <what> <path>".
Result<std::string> ReadDataFile(const std::filesystem::path& path, std::string_view what);
// The ".txt" files directly in `dir`, sorted by name; NotFound
// "cannot read <what> directory <dir>" when the directory cannot be read.
Result<std::vector<std::filesystem::path>> ListDataFiles(const std::filesystem::path& dir,
                                                         std::string_view what);

}  // namespace trm::domain
