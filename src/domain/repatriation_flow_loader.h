// Reading repatriation flow files (data/repatriation/*.txt).
//
// Plain UTF-8 text a network secretariat edits in any text editor, with the
// conventions of the indicator sets (domain/line_file.h): "keyword: value" a
// line, columns separated by "|", "#" comments.
//
//   flow: th-kh                       # id: a-z, 0-9 and "-"
//   destination: TH                   # where the person is now (ISO 3166-1)
//   origin: KH                        # the person's country of origin
//   title: Thailand to Cambodia
//     km: ពីប្រទេសថៃទៅកម្ពុជា             # a translation of the line above
//   source: MOU between ... (optional)
//   note: ...                         # optional, repeatable
//   languages: en th km               # optional: labels every title must have
//
//   step: identification | destination | 14 | Identification in the destination country
//     th: ...
//   document: screening-record | Screening and identification record
//     th: ...
//   step: family-assessment | origin | 30 | Family tracing and family assessment
//   after: consent-to-return          # optional: the steps it waits for
//   step: handover | both | 2 | Handover at the border or airport
//   records: handover                 # this step records who handed over to whom
//
// Header fields come first; flow, destination, origin and title are required.
// A step line has four columns: code | side (destination, origin or both) |
// expected days (1 to 365) | English title. The lines after a step belong to
// it: "document: <id> | <English label>" (repeatable), "after: <code>, <code>"
// naming earlier steps, or "none" (default: the step just before; none for the
// first), and "records: handover". Translations (th, km, lo, my, vi, zh) follow
// the title, step or document line they translate. Exactly one step records
// the handover.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/repatriation_flow.h"

namespace trm::domain {

// Parses and validates one flow. `source_name` names the text in errors.
// Returns the flow, or InvalidArgument("<source_name>:<line>: <reason>") for
// the first problem: not UTF-8, a line that is not "keyword: value", an
// unknown keyword, side or language, a malformed id or country code, the same
// country on both ends, a missing or repeated header field, a header field
// after the first step, a wrong number of columns, expected days that are not
// a whole number from 1 to 365, a duplicate step code or document id, a
// document, after or records line before any step, "after" naming a step that
// is not earlier in the flow, an empty or overlong label, a translation with
// nothing above it, a missing label in a required language, no steps, or not
// exactly one handover step.
Result<RepatriationFlow> ParseRepatriationFlow(std::string_view text, std::string_view source_name);

// Reads and parses one file; errors name it by its file name. NotFound when
// the file cannot be read.
Result<RepatriationFlow> LoadRepatriationFlowFile(const std::filesystem::path& path);

// Loads every "*.txt" file directly inside `dir`, in file-name order: how a
// network adds a pair of countries without a code change. NotFound when `dir`
// cannot be read; InvalidArgument for the first malformed file, or when two
// files define the same flow id or the same pair of countries (naming both).
Result<std::vector<RepatriationFlow>> LoadRepatriationFlows(const std::filesystem::path& dir);

}  // namespace trm::domain
