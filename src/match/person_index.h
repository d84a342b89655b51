// An in-memory index of persons for single queries: "who in our records could
// this be?" — a family searching for a relative, or a recruiter checked
// against recruiters with cases filed.
//
// Records are kept in comparable form with their blocking keys in posting
// lists. A query computes its own keys, gathers the records sharing any key
// (skipping keys held by more than `max_posting` records: too common to
// narrow anything down), scores them with the model and returns the best.
// Adding a record with an id already present replaces it (the server feeds the
// index from the store's change feed); removed records stop matching at once
// and leave the name frequencies. Their comparable form stays in memory until
// the index is rebuilt (a new index filled from the store): fine for the rare
// updates of a case register, not for an index that churns.
//
// Thread-safe: queries run concurrently; Add, Remove and Compact take an
// exclusive lock.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "match/engine.h"
#include "match/model.h"
#include "match/prepared_record.h"
#include "match/term_frequency.h"

namespace trm::match {

struct QueryOptions {
  size_t limit = 10;
  // Results below this probability are left out; absent: the model's review threshold.
  std::optional<double> min_probability;
  bool explain = false;
};

struct QueryMatch {
  std::string id;
  double probability = 0;
  double weight = 0;
  Decision decision = Decision::kDifferent;
  std::optional<Explanation> explanation;
};

struct IndexOptions {
  size_t max_posting = 5000;
  // Adds are buffered and folded into the compact posting arrays once this
  // many keys are waiting.
  size_t compact_after = 1 << 18;
};

class PersonIndex {
 public:
  // `engine` must outlive the index.
  PersonIndex(const Engine* engine, Model model, IndexOptions options = {});

  // Returns InvalidArgument (with the field) for a record that cannot be
  // prepared, or for an empty id.
  Status Add(const Record& record);
  // Adds an already prepared record.
  Status Add(const std::string& id, PreparedRecord record);
  // NotFound when no record has this id.
  Status Remove(const std::string& id);

  // Returns InvalidArgument for a query record that cannot be prepared.
  Result<std::vector<QueryMatch>> Query(const Record& query, const QueryOptions& options) const;
  std::vector<QueryMatch> Query(const PreparedRecord& query, const QueryOptions& options) const;

  // Folds buffered adds into the compact arrays (also done automatically).
  void Compact();

  void SetModel(Model model);
  size_t size() const;
  // Approximate heap bytes held by the index.
  size_t MemoryBytes() const;

  // Number of records the last query scored on this thread (for benchmarks).
  static size_t TEST_LastCandidateCount();

 private:
  void CompactLocked();
  void KeysOf(const PreparedRecord& r, std::vector<uint64_t>* keys) const;

  const Engine* engine_;
  IndexOptions options_;
  mutable std::shared_mutex mu_;
  Model model_;                                      // GUARDED_BY(mu_)
  TermFrequencies tf_;                               // GUARDED_BY(mu_)
  std::vector<PreparedRecord> records_;              // GUARDED_BY(mu_)
  std::vector<std::string> ids_;                     // GUARDED_BY(mu_)
  std::vector<bool> live_;                           // GUARDED_BY(mu_)
  std::unordered_map<std::string, uint32_t> by_id_;  // GUARDED_BY(mu_)
  size_t live_count_ = 0;                            // GUARDED_BY(mu_)
  // Compact postings: sorted distinct keys, offsets into posting_ids_.
  std::vector<uint64_t> keys_;         // GUARDED_BY(mu_)
  std::vector<uint32_t> offsets_;      // GUARDED_BY(mu_)
  std::vector<uint32_t> posting_ids_;  // GUARDED_BY(mu_)
  // Adds since the last compaction.
  std::unordered_map<uint64_t, std::vector<uint32_t>> pending_;  // GUARDED_BY(mu_)
  size_t pending_entries_ = 0;                                   // GUARDED_BY(mu_)
};

}  // namespace trm::match
