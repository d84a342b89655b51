#include "domain/indicator_rules.h"

#include <algorithm>

#include "domain/validation.h"

namespace trm::domain {
namespace {

constexpr size_t kMaxNoteChars = 2000;

std::string JoinLabels(const std::vector<std::string>& labels, std::string_view last_sep) {
  std::string out;
  for (size_t i = 0; i < labels.size(); ++i) {
    if (i > 0) out += i + 1 == labels.size() ? std::string(last_sep) : std::string(", ");
    out += labels[i];
  }
  return out;
}

// "2 strong, or 1 strong + 1 medium-or-weak, or ...": each clause suffices.
std::string AllClauses(const IndicatorSet& set) {
  std::string out;
  for (const Clause& c : set.positive_rule) out += (out.empty() ? "" : ", or ") + Describe(c);
  return out;
}

DimensionResult EvaluateDimension(const IndicatorSet& set, const Dimension& dim,
                                  const std::vector<ObservedIndicator>& observed) {
  DimensionResult r;
  r.dimension_id = dim.id;
  r.label = dim.label.en;
  for (const ObservedIndicator& o : observed) {
    if (o.dimension_id != dim.id) continue;
    r.indicator_ids.push_back(o.id);
    // A kDimensions set's loader guarantees every indicator has a grade.
    switch (*o.grade) {
      case Grade::kStrong:
        ++r.counts.strong;
        break;
      case Grade::kMedium:
        ++r.counts.medium;
        break;
      case Grade::kWeak:
        ++r.counts.weak;
        break;
    }
  }
  for (size_t i = 0; i < set.positive_rule.size(); ++i)
    if (ClauseHolds(set.positive_rule[i], r.counts)) r.clauses_met.push_back(i);
  r.positive = !r.clauses_met.empty();
  if (r.positive) {
    std::string met;
    for (size_t i : r.clauses_met)
      met += (met.empty() ? "" : "; also ") + Describe(set.positive_rule[i]);
    r.explanation = "Positive: " + met + " (observed " + Describe(r.counts) + ").";
  } else if (r.indicator_ids.empty()) {
    r.explanation = "Not positive: nothing observed.";
  } else {
    r.explanation =
        "Not positive: observed " + Describe(r.counts) + "; needs " + AllClauses(set) + ".";
  }
  return r;
}

RequirementResult EvaluateRequirement(const Requirement& req,
                                      const std::vector<DimensionResult>& dims) {
  RequirementResult r;
  r.name = req.name;
  r.dimension_ids = req.dimension_ids;
  std::vector<std::string> positive_labels, all_labels;
  for (const std::string& id : req.dimension_ids) {
    auto d = std::find_if(dims.begin(), dims.end(),
                          [&](const DimensionResult& x) { return x.dimension_id == id; });
    // The loader rejects a requirement naming an unknown dimension.
    all_labels.push_back(d->label);
    if (d->positive) {
      r.positive_dimension_ids.push_back(id);
      positive_labels.push_back(d->label);
    }
  }
  r.met = !r.positive_dimension_ids.empty();
  if (r.met) {
    r.explanation = req.name + ": met (" + JoinLabels(positive_labels, " and ") +
                    (positive_labels.size() == 1 ? " is" : " are") + " positive).";
  } else if (all_labels.size() == 1) {
    r.explanation = req.name + ": not met (" + all_labels[0] + " is not positive).";
  } else {
    r.explanation =
        req.name + ": not met (none of " + JoinLabels(all_labels, ", ") + " is positive).";
  }
  return r;
}

constexpr std::string_view kDecisionNote =
    " A screening informs the identification decision; a person makes and records it.";

}  // namespace

int GradeCounts::Of(Grade g) const {
  switch (g) {
    case Grade::kStrong:
      return strong;
    case Grade::kMedium:
      return medium;
    case Grade::kWeak:
      return weak;
  }
  return 0;
}

std::string Describe(const GradeCounts& c) {
  return std::to_string(c.strong) + " strong, " + std::to_string(c.medium) + " medium, " +
         std::to_string(c.weak) + " weak";
}

bool ClauseHolds(const Clause& clause, const GradeCounts& counts) {
  // Terms ask for indicators, grades supply them: a transportation problem.
  // By Hall's theorem it is feasible exactly when, for every set of grades G,
  // the terms that can only use grades in G ask for no more than G supplies.
  for (uint8_t bits = 1; bits <= 0b111; ++bits) {
    const GradeSet g = GradeSet::FromBits(bits);
    int demand = 0, supply = 0;
    for (const ClauseTerm& t : clause.terms)
      if (t.grades.IsSubsetOf(g)) demand += t.count;
    for (Grade grade : {Grade::kStrong, Grade::kMedium, Grade::kWeak})
      if (g.Contains(grade)) supply += counts.Of(grade);
    if (demand > supply) return false;
  }
  return !clause.terms.empty();
}

std::string_view Name(Outcome v) {
  switch (v) {
    case Outcome::kIndicated:
      return "indicates";
    case Outcome::kNotIndicated:
      return "does-not-indicate";
    case Outcome::kListed:
      return "listed";
  }
  return "?";
}

std::optional<Outcome> ParseOutcome(std::string_view s) {
  for (Outcome o : {Outcome::kIndicated, Outcome::kNotIndicated, Outcome::kListed})
    if (Name(o) == s) return o;
  return std::nullopt;
}

Result<Evaluation> Evaluate(const IndicatorSet& set, std::span<const Observation> observations,
                            PersonGroup group) {
  const bool graded = set.kind == SetKind::kDimensions;
  if (graded && !set.HasVictimRule(group))
    return Status::FailedPrecondition("indicator set '" + set.id + "' has no victim rule for " +
                                      (group == PersonGroup::kChild ? "children" : "adults") +
                                      "; screen with a set made for this group");

  // Collect observations per indicator, then order them as the set lists them.
  std::vector<std::vector<Observation>> by_indicator(set.indicators.size());
  for (size_t i = 0; i < observations.size(); ++i) {
    const Observation& o = observations[i];
    const std::string field = "observations[" + std::to_string(i) + "]";
    const Indicator* ind = set.FindIndicator(o.indicator_id);
    if (!ind)
      return Status::InvalidArgument(
          "unknown indicator '" + o.indicator_id + "' in set '" + set.id + "'",
          field + ".indicator_id");
    RETURN_IF_ERROR(CheckText(o.note, field + ".note", kMaxNoteChars, TextKind::kMultiline));
    by_indicator[ind - set.indicators.data()].push_back(o);
  }

  Evaluation e;
  e.set_id = set.id;
  e.kind = set.kind;
  e.group = group;
  for (size_t i = 0; i < set.indicators.size(); ++i) {
    if (by_indicator[i].empty()) continue;
    const Indicator& ind = set.indicators[i];
    e.observed.push_back(
        {ind.id, ind.label.en, ind.dimension_id, ind.grade, std::move(by_indicator[i])});
  }

  if (!graded) {
    e.outcome = Outcome::kListed;
    std::vector<std::string> labels;
    for (const ObservedIndicator& o : e.observed) labels.push_back(o.label);
    const std::string of = " of " + std::to_string(set.indicators.size());
    if (labels.empty()) {
      e.summary = "No indicators observed (0" + of + ") in " + set.title.en + ".";
    } else {
      e.summary = std::to_string(labels.size()) + of + " indicators observed in " + set.title.en +
                  ": " + JoinLabels(labels, ", ") +
                  ". One indicator can in some cases imply forced labour; in others "
                  "several together point to it: read the notes.";
    }
    e.summary += kDecisionNote;
    return e;
  }

  for (const Dimension& d : set.dimensions)
    e.dimensions.push_back(EvaluateDimension(set, d, e.observed));
  std::vector<std::string> met, unmet;
  for (const Requirement& req : set.victim_rule) {
    if (req.group != group) continue;
    e.requirements.push_back(EvaluateRequirement(req, e.dimensions));
    (e.requirements.back().met ? met : unmet).push_back(req.name);
  }
  const std::string rule = set.title.en + " (victim rule for " +
                           (group == PersonGroup::kChild ? "children" : "adults") + ")";
  if (unmet.empty()) {
    e.outcome = Outcome::kIndicated;
    e.summary = "Indicates trafficking under " + rule + ": every requirement is met (" +
                JoinLabels(met, " and ") + ").";
  } else {
    e.outcome = Outcome::kNotIndicated;
    e.summary = "Does not indicate trafficking under " + rule +
                ": not met: " + JoinLabels(unmet, " and ") + ".";
    if (!met.empty()) e.summary += " Met: " + JoinLabels(met, " and ") + ".";
  }
  e.summary += kDecisionNote;
  return e;
}

}  // namespace trm::domain
