// Reading person records from CSV files with a header row.
//
// Recognised columns (case-insensitive, surrounding spaces ignored): id,
// full_name, given_name, family_name, birth_date, age, sex, citizenship,
// place, phone, document_number. Other columns are ignored. A row that cannot
// be read correctly is reported with its line and reason and skipped; it is
// never read partly or shifted into the wrong columns.
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "common/status.h"
#include "match/record.h"

namespace trm::match {

struct RowError {
  int line;
  std::string reason;
};

struct RecordSet {
  std::vector<Record> records;
  std::vector<int> lines;  // the line each record began on
  std::vector<RowError> errors;
};

// Returns InvalidArgument when the header is missing, lacks an id column, or
// names a recognised column twice. Row problems (wrong field count, empty or
// duplicate id, invalid UTF-8, bad birth date or age, malformed quoting) go to
// `errors`.
Result<RecordSet> ReadRecordsCsv(std::istream* in);

}  // namespace trm::match
