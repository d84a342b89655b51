#include "domain/rights_notice.h"

#include <cctype>
#include <fstream>
#include <sstream>
#include <vector>

#include "domain/validation.h"

namespace trm::domain {
namespace {

Status Bad(std::string_view source, int line, const std::string& why) {
  return Status::InvalidArgument(std::string(source) + ":" + std::to_string(line) + ": " + why);
}

bool HasPrefix(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

bool IsNoticeVersion(std::string_view v) {
  if (v.empty() || v.size() > 32) return false;
  for (char c : v)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.')) return false;
  return true;
}

Result<RightsNotice> ParseRightsNotice(std::string_view text, std::string_view source) {
  if (!IsValidUtf8(text)) return Bad(source, 1, "not valid UTF-8");
  std::vector<std::string> lines;
  std::string line;
  std::istringstream in{std::string(text)};
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  if (lines.size() < 5) return Bad(source, static_cast<int>(lines.size()), "too short");
  RightsNotice n;
  if (!HasPrefix(lines[0], "# ") || lines[0].size() < 3) return Bad(source, 1, "must start with '# ' and the title");
  n.title = lines[0].substr(2);
  if (!HasPrefix(lines[1], "version: ")) return Bad(source, 2, "expected 'version: <version>'");
  n.version = lines[1].substr(9);
  if (!IsNoticeVersion(n.version)) return Bad(source, 2, "bad version name");
  if (!HasPrefix(lines[2], "language: ")) return Bad(source, 3, "expected 'language: <code>'");
  n.language = lines[2].substr(10);
  if (!lines[3].empty()) return Bad(source, 4, "expected a blank line before the body");
  for (size_t i = 4; i < lines.size(); ++i) {
    if (HasPrefix(lines[i], "<") || lines[i].find("](") != std::string::npos)
      return Bad(source, static_cast<int>(i + 1), "links and HTML are not allowed");
    n.body += lines[i];
    n.body += '\n';
  }
  while (!n.body.empty() && n.body.back() == '\n') n.body.pop_back();
  if (IsBlank(n.body)) return Bad(source, 5, "the body is empty");
  return n;
}

Result<RightsNoticeLibrary> LoadRightsNotices(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  RightsNoticeLibrary lib;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_directory()) continue;
    const std::string version = entry.path().filename().string();
    if (!IsNoticeVersion(version))
      return Status::InvalidArgument(entry.path().string() + ": bad version folder name");
    for (std::string_view lang : kNoticeLanguages) {
      const fs::path file = entry.path() / (std::string(lang) + ".md");
      std::ifstream f(file, std::ios::binary);
      if (!f) return Status::InvalidArgument(file.string() + ": missing (every version needs all seven languages)");
      std::ostringstream ss;
      ss << f.rdbuf();
      ASSIGN_OR_RETURN(RightsNotice n, ParseRightsNotice(ss.str(), file.string()));
      if (n.version != version)
        return Status::InvalidArgument(file.string() + ": version line says " + n.version);
      if (n.language != lang)
        return Status::InvalidArgument(file.string() + ": language line says " + n.language);
      lib[version][std::string(lang)] = std::move(n);
    }
  }
  if (ec) return Status::InvalidArgument(dir.string() + ": " + ec.message());
  return lib;
}

}  // namespace trm::domain
