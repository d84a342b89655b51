// Turns Records into PreparedRecords: validation, normalisation,
// romanisation, name parsing, phonetic keys and hashes.
//
// Thread-safe after Load; Prepare may run on many threads at once.
#pragma once

#include <memory>
#include <string>

#include "common/status.h"
#include "match/name_parser.h"
#include "match/prepared_record.h"
#include "match/record.h"
#include "match/romanizer.h"
#include "match/vocabulary.h"

namespace trm::match {

struct PrepareOptions {
  int reference_year = 2025;  // the year in which stated ages were given
};

class Preparer {
 public:
  // Loads romanisation tables, honorifics and vocabularies from `data_dir`.
  static Result<std::unique_ptr<Preparer>> Load(const std::string& data_dir,
                                                PrepareOptions options = {});

  // Returns InvalidArgument (with the field name) for a malformed birth date,
  // an age out of range, an unknown sex word, or invalid UTF-8 in any field.
  Result<PreparedRecord> Prepare(const Record& record) const;

  // The parsed name of a record (for display and explanations).
  ParsedName ParseName(const Record& record) const;

  const Romanizer& romanizer() const { return *romanizer_; }
  const NameParser& name_parser() const { return *names_; }
  const PrepareOptions& options() const { return options_; }

 private:
  Preparer() = default;

  PrepareOptions options_;
  std::unique_ptr<Romanizer> romanizer_;
  std::unique_ptr<NameParser> names_;
  std::unique_ptr<Vocabulary> vocabulary_;
};

// Fills a PreparedName from a parsed name (exposed for tests).
PreparedName MakePreparedName(const ParsedName& parsed);

}  // namespace trm::match
