// The matching engine (match/) in the server: an in-memory index of every
// case's person, kept up to date from the store, queried for "who in our
// records could this be?".
//
// The index holds every case of the node, whoever owns it: it answers which
// records look alike, never who may see them. Callers filter the answer
// through the policy (MatchService) or through consent (family tracing).
// Names are decrypted into memory here, as they are for a case read; nothing
// the index holds is written anywhere.
//
// Freshness: before each query the matcher reads the cases changed since its
// last look (CaseRepo::ChangedSince, by updated_at), so a case created or
// edited by any use case or any server process over the same database is
// found by the next query, without hooks in every write path.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "domain/person.h"
#include "domain/records.h"
#include "match/engine.h"
#include "match/person_index.h"
#include "service/change_watermark.h"
#include "service/register_names.h"
#include "store/store.h"

namespace trm::service {

// One case that looks like the query, with the engine's reasons.
struct MatchReason {
  std::string field;  // name, birth_date, sex, citizenship, ...
  std::string level;  // the comparison level's name (fields.h), e.g. "romanised_exact"
  double weight = 0;  // log2 Bayes factor, name-frequency adjustment included
};

struct PersonCandidate {
  domain::Id case_id = 0;
  double probability = 0;
  // "same" or "review" (the engine's thresholds), or "possible": below the
  // review threshold but worth a look when recording someone.
  std::string decision;
  std::vector<MatchReason> reasons;  // only the fields both sides have
};

class PersonMatcher {
 public:
  // Loads the engine's data (romanisation tables, vocabularies, a saved
  // model, the company words of register names) from `data_dir`. Ages are
  // read relative to the year of `now`.
  static Result<std::unique_ptr<PersonMatcher>> Load(const std::string& data_dir, Millis now);

  // Brings the index up to date with the store, then returns up to `limit`
  // candidates with a probability of at least 1%, best first.
  // InvalidArgument (with the field) for a person the engine cannot read.
  Result<std::vector<PersonCandidate>> Query(store::Store& store, const domain::Person& person,
                                             size_t limit);

  // The engine's probability that two recorded persons are one, from their
  // fields alone (no name-frequency adjustment): what a decision records.
  Result<double> PairProbability(const domain::Person& a, int a_year, const domain::Person& b,
                                 int b_year) const;

  // The engine itself, for other indexes (the register's names).
  const match::Engine& engine() const { return *engine_; }
  // The register's names in the same engine (company words from the same
  // data folder).
  RegisterNames* register_names() { return register_names_.get(); }
  // Cases indexed so far.
  size_t size() const { return index_->size(); }

  // The engine's input for a person recorded in `recorded_year` (a stated
  // age is carried to the engine's reference year). Exposed for tests.
  static match::Record RecordOf(const std::string& id, const domain::Person& person,
                                int recorded_year, int reference_year);

 private:
  PersonMatcher() = default;
  Status CatchUp(store::Store& store);

  std::unique_ptr<match::Engine> engine_;
  std::unique_ptr<match::PersonIndex> index_;
  std::unique_ptr<RegisterNames> register_names_;
  int reference_year_ = 0;
  std::mutex catch_up_mu_;
  ChangeWatermark watermark_;  // GUARDED_BY(catch_up_mu_)
};

// The calendar year (UTC) of a time.
int YearOf(Millis t);

}  // namespace trm::service
