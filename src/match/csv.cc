#include "match/csv.h"

namespace trm::match {
namespace {

std::string TrimSpaces(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return s.substr(b, e - b);
}

}  // namespace

Result<bool> CsvReader::Next(std::vector<std::string>* fields) {
  fields->clear();
  record_line_ = next_line_;
  std::string field;
  bool quoted = false;       // the current field was quoted
  bool in_quotes = false;    // inside a quoted section
  bool after_quote = false;  // a closing quote was just read
  bool any = false;
  auto skip_line = [&]() {
    int c;
    while ((c = in_->get()) != EOF && c != '\n') {
    }
    if (c == '\n') ++next_line_;
  };
  while (true) {
    const int c = in_->get();
    if (c == EOF) {
      if (in_quotes) {
        return Status::InvalidArgument("line " + std::to_string(record_line_) +
                                       ": unterminated quoted field");
      }
      if (!any) return false;
      fields->push_back(quoted ? field : TrimSpaces(field));
      return true;
    }
    any = true;
    if (in_quotes) {
      if (c == '"') {
        if (in_->peek() == '"') {
          in_->get();
          field.push_back('"');
        } else {
          in_quotes = false;
          after_quote = true;
        }
      } else {
        if (c == '\n') ++next_line_;
        field.push_back(static_cast<char>(c));
      }
      continue;
    }
    if (c == ',' || c == '\n' || c == '\r') {
      if (c == '\r' && in_->peek() == '\n') in_->get();
      fields->push_back(quoted ? field : TrimSpaces(field));
      field.clear();
      quoted = after_quote = false;
      if (c == ',') continue;
      ++next_line_;
      return true;
    }
    if (after_quote) {
      if (c == ' ' || c == '\t') continue;
      const int line = record_line_;
      skip_line();
      return Status::InvalidArgument("line " + std::to_string(line) +
                                     ": text after a closing quote");
    }
    if (c == '"') {
      if (!TrimSpaces(field).empty()) {
        const int line = record_line_;
        skip_line();
        return Status::InvalidArgument("line " + std::to_string(line) +
                                       ": quote inside an unquoted field");
      }
      field.clear();
      quoted = in_quotes = true;
      continue;
    }
    field.push_back(static_cast<char>(c));
  }
}

std::string CsvEscape(const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace trm::match
