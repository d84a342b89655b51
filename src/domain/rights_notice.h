// The rights notice: what help a person can get, their rights, and how their
// information is kept. Texts are data files, one folder per version with one
// file per language (data/rights-notices/<version>/<lang>.md); a case records
// which version, in which language, the person received.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "common/status.h"

namespace trm::domain {

// The seven languages every version must have.
inline constexpr std::string_view kNoticeLanguages[] = {"en", "th", "km", "lo", "my", "vi", "zh"};

struct RightsNotice {
  std::string version;   // "2026-1"
  std::string language;  // ISO 639-1
  std::string title;
  std::string body;  // simple Markdown: "## " headings, paragraphs, "- " lists
};

// version -> language -> notice
using RightsNoticeLibrary = std::map<std::string, std::map<std::string, RightsNotice>>;

// Parses one file: "# title", "version: V", "language: L", a blank line, the
// body. InvalidArgument "<source>:<line>: <reason>" otherwise.
Result<RightsNotice> ParseRightsNotice(std::string_view text, std::string_view source);

// Loads every version folder under `dir`. Each must hold all seven languages,
// and each file's version and language must match its folder and name.
Result<RightsNoticeLibrary> LoadRightsNotices(const std::filesystem::path& dir);

// A version name: letters, digits, '-', '.', 1..32 characters.
bool IsNoticeVersion(std::string_view v);

}  // namespace trm::domain
