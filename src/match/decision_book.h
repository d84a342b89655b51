// Human decisions on reviewed pairs, kept by record id so that they survive
// re-runs: once a person has said two records are (or are not) the same
// person, matching respects it (batch.h, cluster.h).
//
// CSV form: header "a_id,b_id,decision", decision "same" or "different".
// Not thread-safe for writes.
#pragma once

#include <istream>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/status.h"
#include "match/cluster.h"
#include "match/model.h"

namespace trm::match {

class DecisionBook {
 public:
  // Records a decision for the unordered pair {a, b}, replacing any earlier
  // one. REQUIRES: d is kSame or kDifferent.
  void Set(const std::string& a, const std::string& b, Decision d);
  std::optional<Decision> Get(const std::string& a, const std::string& b) const;
  size_t size() const { return decisions_.size(); }

  // Returns InvalidArgument naming the line for a bad header, a row without
  // two ids, or a decision other than same/different.
  static Result<DecisionBook> ReadCsv(std::istream* in);
  void WriteCsv(std::ostream* out) const;

  // The decisions whose ids are both known, as index pairs: `first` maps ids
  // to the `a` index and `second` to the `b` index (the same map when
  // deduplicating one set). `unknown` counts decisions naming other ids.
  std::vector<HumanDecision> Resolve(const std::unordered_map<std::string, uint32_t>& first,
                                     const std::unordered_map<std::string, uint32_t>& second,
                                     size_t* unknown) const;

 private:
  static std::pair<std::string, std::string> Key(const std::string& a, const std::string& b) {
    return a < b ? std::make_pair(a, b) : std::make_pair(b, a);
  }
  std::map<std::pair<std::string, std::string>, Decision> decisions_;
};

}  // namespace trm::match
