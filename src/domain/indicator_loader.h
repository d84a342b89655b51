// Reading indicator set files (data/indicators/*.txt).
//
// The format is plain UTF-8 text that a network secretariat can edit in any text
// editor. One statement a line, "keyword: value"; columns inside a value are
// separated by "|". A line whose first non-space character is "#" is a comment,
// and so is the rest of a line from a "#" that follows a space.
//
//   set: ilo-ec-adults-labour            # id: a-z, 0-9 and "-"
//   kind: dimensions                     # or: list
//   title: ILO/EC operational indicators, adults, labour exploitation
//   source: ILO and European Commission, 2009 (revised September 2009)
//   note: ...                            # optional, repeatable: caveats for users
//   languages: en th                     # optional: labels every item must have
//
//   dimension: deceptive-recruitment | Deceptive recruitment
//   positive: 2 strong                   # the dimension rule, one clause a line
//   positive: 1 strong + 1 medium-or-weak
//   requires: adult | recruitment | deceptive-recruitment or coercive-recruitment
//   requires: child | exploitation | exploitation
//   indicator: dr-job | deceptive-recruitment | strong | Deceived about the job
//     th: ถูกหลอกเรื่องลักษณะงาน   # a translation of the line above
//
// Header fields (set, kind, title, source, note, languages) come first; set,
// kind and title are required. In a "dimensions" set an indicator line has four
// columns (id | dimension | grade | English label); in a "list" set two (id |
// English label), and there are no dimension, positive or requires lines.
// A clause term is "<count> <grades>": strong, medium, weak, two or three joined
// by "-or-" (medium-or-weak), or any. A requires line names a group (adult,
// child), what the line stands for, and dimensions joined by "or": at least one
// must be positive. Translations (th, km, lo, my, vi, zh) follow the title,
// dimension or indicator line they translate. Dimensions may be declared after
// the lines that name them.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/indicator_set.h"

namespace trm::domain {

// Parses and validates one set. `source_name` names the text in errors.
// Returns the set, or InvalidArgument("<source_name>:<line>: <reason>") for the
// first problem found: not UTF-8, a line that is not "keyword: value", an
// unknown keyword, kind, grade, group or language, a malformed id, a missing or
// repeated header field, a header field after the body, a wrong number of
// columns, a duplicate dimension or indicator id, an indicator or requirement
// naming an unknown dimension, a malformed clause, a translation with nothing
// above it to translate, a missing label in a required language, a dimension
// with no indicators, a "dimensions" set without a positive rule or victim
// rule, rules in a "list" set, or no indicators at all. A UTF-8 byte order mark
// and CRLF line ends are accepted.
Result<IndicatorSet> ParseIndicatorSet(std::string_view text, std::string_view source_name);

// Reads and parses the file at `path`; errors name the file by its file name.
// NotFound when the file cannot be read; otherwise as ParseIndicatorSet.
Result<IndicatorSet> LoadIndicatorSetFile(const std::filesystem::path& path);

// Loads every "*.txt" file directly inside `dir`, ordered by file name: how a
// network adds its own set without a code change. NotFound when `dir` is not a
// readable directory; InvalidArgument for the first malformed file, or when two
// files define the same set id (naming both files).
Result<std::vector<IndicatorSet>> LoadIndicatorSets(const std::filesystem::path& dir);

}  // namespace trm::domain
