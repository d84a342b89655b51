// The register's names in the matching engine: every name and alias of every
// entry, persons and organisations, romanised and compared as the engine
// compares persons' names. A check for "Somchai Jaidee" finds the broker
// registered as "สมชาย ใจดี"; "Siam Raeng Ngan Co Ltd" finds "บริษัท สยามแรงงาน
// จำกัด", company words being cut from both sides first
// (domain/company_words.h, data/match/company_words.txt).
//
// The index holds every entry: it answers which names look alike, never who
// may see what; the register service shows the answer at the actor's level.
// Names are decrypted into memory here, as they are for a check; nothing the
// index holds is written anywhere.
//
// Every name is compared with the query (no blocking keys, unlike the
// PersonIndex of case persons): a register holds thousands of names, not
// millions, and a check should not miss a spelling whose keys differ
// ("Siam" and "Sayam"). An organisation's name in Thai, Lao, Khmer or
// Burmese, scripts that write words together, is also compared with its
// words and the query's written together ("สยามแรงงาน" is one romanised
// word; "Siam Raeng Ngan" three).
//
// Freshness, as for case persons (person_matcher.h): before each query the
// entries updated since the last look (RegisterRepo::ChangedSince, by
// updated_at) replace their names, so an entry created or edited by any
// server over the same database is found under its new names by the next
// check.
//
// Thread-safe: queries are serialised (the register is small).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/company_words.h"
#include "domain/records.h"
#include "domain/register.h"
#include "match/engine.h"
#include "match/model.h"
#include "match/prepared_record.h"
#include "match/script.h"
#include "service/change_watermark.h"
#include "store/store.h"

namespace trm::service {

// One of an entry's names that agrees with the query.
struct RegisterNameHit {
  domain::Id entry_id = 0;
  std::string entry_field;  // "name" or "alias"
  std::string entry_value;  // as written
  double probability = 0;   // that the two name the same, from the names alone
  // How they agreed: the engine's name level, "exact" (once company words
  // are cut), "romanised_exact", "typo", "phonetic", "jaro_winkler_0.88" or
  // "subset" (every word of the shorter name is in the longer).
  std::string agreement;
  bool other_script = false;  // the query and the value are written in different scripts
};

class RegisterNames {
 public:
  // Reads `engine`.data_dir()/company_words.txt. NotFound or InvalidArgument
  // ("company_words.txt:<line>: ...") when it is missing or malformed.
  // `engine` must outlive the index.
  static Result<std::unique_ptr<RegisterNames>> Load(const match::Engine& engine);
  RegisterNames(const match::Engine& engine, domain::CompanyWords words);

  // Brings the names up to date with the store, then returns those that
  // agree with `name` in every word (the shorter name's, for "subset") with a
  // probability of at least kMinProbability, best first, each entry value
  // once. REQUIRES: `name` is valid UTF-8.
  Result<std::vector<RegisterNameHit>> Query(store::Store& store, const std::string& name);

  static constexpr double kMinProbability = 0.5;

 private:
  struct Name {
    std::string field;  // "name" or "alias"
    std::string value;  // as written
    match::Script script = match::Script::kUnknown;
    match::PreparedRecord prepared;
    bool joined = false;  // written together, compared with the query written together
  };

  Status CatchUp(store::Store& store);
  void Replace(const domain::RegisterEntry& e);
  // The engine's input for a name, company words cut (and written together).
  match::Record RecordOf(const std::string& name, bool joined) const;

  const match::Engine& engine_;
  const domain::CompanyWords words_;
  const match::Model model_;
  std::mutex mu_;
  std::map<domain::Id, std::vector<Name>> names_;  // GUARDED_BY(mu_) by entry
  ChangeWatermark watermark_;                      // GUARDED_BY(mu_)
};

}  // namespace trm::service
