// The indicator rules: how a screening's observations are evaluated against an
// indicator set (indicator_set.h), with the explanation a case worker reads.
//
// For a "dimensions" set (the ILO/EC operational indicators):
//   1. Each observed indicator counts once, for its own grade, in its dimension,
//      however many people observed it.
//   2. A dimension is positive when any clause of the set's positive rule holds
//      (for the ILO/EC sets: 2 strong; or 1 strong + 1 medium-or-weak; or
//      3 medium; or 2 medium + 1 weak). A clause holds when distinct observed
//      indicators can be given to its terms, one indicator to one term.
//   3. The result indicates trafficking when every requirement of the person's
//      group holds: at least one of its dimensions is positive (for adults:
//      a recruitment dimension, exploitation, and coercion or abuse of
//      vulnerability at destination; for children the means are not required).
// For a "list" set (the ILO 11 indicators of forced labour) the result is the
// list of observed indicators, with who observed each and their notes: one
// indicator can in some cases imply forced labour, in others several together
// point to it, so there is no yes/no.
//
// A screening informs the identification decision; it is not the decision. A
// person (often a multi-disciplinary team) decides, and that decision is
// recorded elsewhere with who made it.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "domain/indicator_set.h"
#include "domain/records.h"

namespace trm::domain {

// One indicator observed in a screening.
struct Observation {
  std::string indicator_id;
  Id observed_by = 0;  // the user who recorded it
  std::string note;    // what was seen or said, in the observer's words
  Millis observed_at = 0;
};

struct GradeCounts {
  int strong = 0;
  int medium = 0;
  int weak = 0;

  int Of(Grade g) const;
  bool operator==(const GradeCounts&) const = default;
};

// "1 strong, 2 medium, 0 weak".
std::string Describe(const GradeCounts& c);

// True when distinct indicators with these grades can be given to the clause's
// terms, each indicator to one term whose grades include its own.
bool ClauseHolds(const Clause& clause, const GradeCounts& counts);

// An indicator that was observed, with every observation of it.
struct ObservedIndicator {
  std::string id;
  std::string label;         // English; the set has the translations
  std::string dimension_id;  // empty in a list set
  std::optional<Grade> grade;
  std::vector<Observation> observations;  // in the order given; never empty
};

struct DimensionResult {
  std::string dimension_id;
  std::string label;
  std::vector<std::string> indicator_ids;  // observed in this dimension, set order
  GradeCounts counts;
  bool positive = false;
  std::vector<size_t> clauses_met;  // indices into IndicatorSet::positive_rule
  // "Positive: 2 strong (observed 2 strong, 0 medium, 0 weak)." or
  // "Not positive: observed 1 strong, 0 medium, 0 weak; needs 2 strong, or ...".
  std::string explanation;
};

struct RequirementResult {
  std::string name;                                 // "recruitment"
  std::vector<std::string> dimension_ids;           // as the rule names them
  std::vector<std::string> positive_dimension_ids;  // those of them positive
  bool met = false;
  std::string explanation;
};

enum class Outcome {
  kIndicated,     // dimensions set: every requirement of the group is met
  kNotIndicated,  // dimensions set: at least one requirement is not met
  kListed,        // list set: the result is the list of observed indicators
};

std::string_view Name(Outcome v);  // "indicates", "does-not-indicate", "listed"
std::optional<Outcome> ParseOutcome(std::string_view s);

struct Evaluation {
  std::string set_id;
  SetKind kind = SetKind::kList;
  PersonGroup group = PersonGroup::kAdult;
  Outcome outcome = Outcome::kListed;
  std::vector<ObservedIndicator> observed;      // set order, each indicator once
  std::vector<DimensionResult> dimensions;      // every dimension, set order
  std::vector<RequirementResult> requirements;  // the group's victim rule
  std::string summary;                          // one paragraph: what the result indicates, and why
};

// Evaluates `observations` against `set` for a person of `group` (a list set
// ignores the group). Returns the evaluation, or:
//   InvalidArgument naming the id (field "observations[i].indicator_id") for
//     an indicator the set does not have;
//   InvalidArgument (field "observations[i].note") for a note that is not
//     valid text of at most 2000 characters;
//   FailedPrecondition when a dimensions set has no victim rule for `group`
//     (the ILO/EC lists are separate for adults and for children).
// Observations may be empty: nothing observed is a valid, explained result.
// REQUIRES: `set` is valid as ParseIndicatorSet checks it (every indicator of a
// dimensions set graded and in a declared dimension, every rule naming declared
// dimensions).
Result<Evaluation> Evaluate(const IndicatorSet& set, std::span<const Observation> observations,
                            PersonGroup group);

}  // namespace trm::domain
