// The register as CSV: reading a public list for import and writing the
// export. One header line names the columns (any order, each once):
//
//   id               optional; an entry id: the row updates that entry
//   kind             person | organisation                         (required)
//   role             recruiter | broker | agency | employer        (required)
//   names            one or more, separated by "|"                 (required)
//   aliases, licence_numbers, addresses, phones, websites, handles
//                    optional; several separated by "|"
//   country          ISO 3166-1 alpha-2, e.g. TH                   (required)
//   status           alleged_in_report | case_filed | convicted | acquitted |
//                    dismissed | expired                           (required)
//   status_date      YYYY-MM-DD                                    (required)
//   source_kind      case | court | public_list                    (required)
//   source_reference the case or decision number, or the list      (required)
//   review_date      optional, YYYY-MM-DD
//   reason           optional; the import's reason when empty
//
// Fields follow RFC 4180: quoted with ", a quote doubled inside, line breaks
// allowed inside quotes; lines end with LF or CRLF. The export writes the
// same columns, so an export can be imported again.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/register.h"

namespace trm::domain {

struct CsvRecord {
  int line = 0;  // where the record starts; the header is line 1
  std::vector<std::string> fields;
};

// Splits `text` into records. InvalidArgument naming the line for a quote
// that is never closed or text after a closing quote.
Result<std::vector<CsvRecord>> ParseCsv(std::string_view text);

// One field quoted when it needs to be.
std::string CsvField(std::string_view value);

// A row of an import file, read but not yet compared with the register.
struct ImportRow {
  int line = 0;
  std::optional<Id> id;
  RegisterEntry entry;  // kind, role, country, status, date, source, review date, details
  std::string reason;   // the row's own, else the import's
  Status error;         // not ok: the row is rejected for this reason
};

inline constexpr size_t kMaxImportRows = 5000;

// Reads a whole import file. InvalidArgument (field "csv") when the file as
// a whole is unusable: no header, an unknown or repeated column, a required
// column missing, no rows, too many rows. Each row's own problems are in its
// `error`, naming the column.
Result<std::vector<ImportRow>> ReadImportFile(std::string_view csv, const std::string& import_reason);

// The export's header line and one entry's line. `details`: names and
// identifiers too; otherwise those columns stay empty and a case's reference
// is left out (only the public source).
std::string ExportHeader();
std::string ExportLine(const RegisterEntry& e, bool details);

}  // namespace trm::domain
