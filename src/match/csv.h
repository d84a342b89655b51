// A strict CSV reader (RFC 4180: comma-separated, fields optionally quoted
// with "", "" inside quotes for a quote, CRLF or LF line ends, newlines
// allowed inside quotes) that reports malformed input instead of guessing.
//
// Spaces around unquoted fields are trimmed. Not thread-safe.
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "common/status.h"

namespace trm::match {

class CsvReader {
 public:
  // `in` must outlive the reader.
  explicit CsvReader(std::istream* in) : in_(in) {}

  // Reads the next record into `fields`. Returns true when a record was read,
  // false at the end of input, or InvalidArgument (with the line number) for
  // an unterminated quote or text after a closing quote; after an error the
  // reader continues at the next line.
  Result<bool> Next(std::vector<std::string>* fields);

  // The line on which the last record (or error) began, counting from 1.
  int line() const { return record_line_; }

 private:
  std::istream* in_;
  int next_line_ = 1;
  int record_line_ = 0;
};

// Quotes a field for output when it contains a comma, quote or line break.
std::string CsvEscape(const std::string& field);

}  // namespace trm::match
