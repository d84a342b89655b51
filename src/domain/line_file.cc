#include "domain/line_file.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "domain/validation.h"

namespace trm::domain {
namespace {

// A "#" at the start or after a space or tab starts a comment; elsewhere (a
// "#" inside a word) it is text.
std::string_view StripComment(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i)
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t'))
      return line.substr(0, i);
  return line;
}

}  // namespace

Status LineError(std::string_view source, int line, std::string_view reason) {
  return Status::InvalidArgument(std::string(source) + ":" + std::to_string(line) + ": " +
                                 std::string(reason));
}

std::string_view TrimSpaces(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::vector<std::string_view> SplitColumns(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t at = s.find(sep, start);
    out.push_back(TrimSpaces(s.substr(start, at == std::string_view::npos ? at : at - start)));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

std::string Quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

Result<int> ForEachStatement(std::string_view text, std::string_view source, size_t max_bytes,
                             const std::function<Status(const Statement&)>& fn) {
  if (text.size() > max_bytes)
    return LineError(source, 1, "larger than " + std::to_string(max_bytes) + " bytes");
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // byte order mark
  int line_no = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!IsValidUtf8(line)) return LineError(source, line_no, "not valid UTF-8 (save the file as UTF-8)");
    line = TrimSpaces(StripComment(line));
    if (line.empty()) continue;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos)
      return LineError(source, line_no, "expected 'keyword: value', found " + Quoted(line));
    RETURN_IF_ERROR(fn(Statement{line_no, TrimSpaces(line.substr(0, colon)),
                                 TrimSpaces(line.substr(colon + 1))}));
  }
  return line_no;
}

Result<std::string> ReadDataFile(const std::filesystem::path& path, std::string_view what) {
  const auto fail = [&] {
    return Status::NotFound("cannot read " + std::string(what) + " " + path.string());
  };
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail();
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return fail();
  return text.str();
}

Result<std::vector<std::filesystem::path>> ListDataFiles(const std::filesystem::path& dir,
                                                         std::string_view what) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  // The error_code overloads throughout: a directory that cannot be read is a
  // NotFound, not an exception.
  std::filesystem::directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec) && it->path().extension() == ".txt") files.push_back(it->path());
  }
  if (ec) return Status::NotFound("cannot read " + std::string(what) + " directory " + dir.string());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace trm::domain
