// Hand-worked examples of the indicator rules, one for each branch. Most use
// the shipped adults' labour list, whose "coercion at destination" dimension
// has 4 strong, 10 medium and 1 weak indicators: enough for every clause.
#include "domain/indicator_rules.h"

#include <map>

#include <gtest/gtest.h>

#include "domain/indicator_loader.h"
#include "domain/indicator_test_data.h"

namespace trm::domain {
namespace {

const IndicatorSet& Load(const char* file) {
  static std::map<std::string, IndicatorSet> cache;
  auto it = cache.find(file);
  if (it == cache.end()) {
    auto r = LoadIndicatorSetFile(testing::IndicatorDataDir() / file);
    EXPECT_TRUE(r.ok()) << r.status().message();
    it = cache.emplace(file, r.ok() ? *r : IndicatorSet{}).first;
  }
  return it->second;
}

const IndicatorSet& AdultsLabour() { return Load("ilo-ec-adults-labour.txt"); }

std::vector<Observation> Seen(std::initializer_list<const char*> ids) {
  std::vector<Observation> out;
  Millis at = 1'700'000'000'000;
  for (const char* id : ids) out.push_back({id, 7, "", at += 1000});
  return out;
}

Evaluation MustEvaluate(const IndicatorSet& set, const std::vector<Observation>& obs,
                        PersonGroup group = PersonGroup::kAdult) {
  auto r = Evaluate(set, obs, group);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : Evaluation{};
}

const DimensionResult& Dim(const Evaluation& e, std::string_view id) {
  for (const DimensionResult& d : e.dimensions)
    if (d.dimension_id == id) return d;
  ADD_FAILURE() << "no dimension " << id;
  static const DimensionResult kNone;
  return kNone;
}

// --- The dimension rule: each clause, and the cases just below it. ---

TEST(DimensionRule, TwoStrong) {
  auto e = MustEvaluate(AdultsLabour(), Seen({"cd-documents", "cd-debt-bondage"}));
  const DimensionResult& d = Dim(e, "coercion-destination");
  EXPECT_TRUE(d.positive);
  EXPECT_EQ(d.clauses_met, std::vector<size_t>{0});
  EXPECT_EQ(d.counts, (GradeCounts{2, 0, 0}));
  EXPECT_EQ(d.explanation, "Positive: 2 strong (observed 2 strong, 0 medium, 0 weak).");
}

TEST(DimensionRule, OneStrongAndOneMedium) {
  auto e = MustEvaluate(AdultsLabour(), Seen({"cd-violence", "cd-lie"}));
  const DimensionResult& d = Dim(e, "coercion-destination");
  EXPECT_TRUE(d.positive);
  EXPECT_EQ(d.clauses_met, std::vector<size_t>{1});
  EXPECT_EQ(d.explanation,
            "Positive: 1 strong + 1 medium-or-weak (observed 1 strong, 1 medium, 0 weak).");
}

TEST(DimensionRule, OneStrongAndOneWeak) {
  auto e = MustEvaluate(AdultsLabour(), Seen({"cd-isolation", "cd-threat-exposure"}));
  const DimensionResult& d = Dim(e, "coercion-destination");
  EXPECT_TRUE(d.positive);
  EXPECT_EQ(d.clauses_met, std::vector<size_t>{1});
}

TEST(DimensionRule, ThreeMedium) {
  auto e = MustEvaluate(AdultsLabour(), Seen({"cd-lie", "cd-against-peers", "cd-wages-withheld"}));
  const DimensionResult& d = Dim(e, "coercion-destination");
  EXPECT_TRUE(d.positive);
  EXPECT_EQ(d.clauses_met, std::vector<size_t>{2});
  EXPECT_EQ(d.explanation, "Positive: 3 medium (observed 0 strong, 3 medium, 0 weak).");
}

TEST(DimensionRule, TwoMediumAndOneWeak) {
  auto e =
      MustEvaluate(AdultsLabour(), Seen({"cd-lie", "cd-wages-withheld", "cd-threat-exposure"}));
  const DimensionResult& d = Dim(e, "coercion-destination");
  EXPECT_TRUE(d.positive);
  EXPECT_EQ(d.clauses_met, std::vector<size_t>{3});
}

TEST(DimensionRule, SeveralClausesAreAllNamed) {
  auto e = MustEvaluate(AdultsLabour(), Seen({"cd-documents", "cd-violence", "cd-lie"}));
  const DimensionResult& d = Dim(e, "coercion-destination");
  EXPECT_EQ(d.clauses_met, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(d.explanation,
            "Positive: 2 strong; also 1 strong + 1 medium-or-weak "
            "(observed 2 strong, 1 medium, 0 weak).");
}

TEST(DimensionRule, OneStrongAloneIsNotPositive) {
  auto e = MustEvaluate(AdultsLabour(), Seen({"cd-documents"}));
  const DimensionResult& d = Dim(e, "coercion-destination");
  EXPECT_FALSE(d.positive);
  EXPECT_TRUE(d.clauses_met.empty());
  EXPECT_EQ(d.explanation,
            "Not positive: observed 1 strong, 0 medium, 0 weak; needs 2 strong, or "
            "1 strong + 1 medium-or-weak, or 3 medium, or 2 medium + 1 weak.");
}

TEST(DimensionRule, TwoMediumAloneIsNotPositive) {
  auto e = MustEvaluate(AdultsLabour(), Seen({"cd-lie", "cd-wages-withheld"}));
  EXPECT_FALSE(Dim(e, "coercion-destination").positive);
}

TEST(DimensionRule, OneMediumAndTwoWeakIsNotPositive) {
  auto e =
      MustEvaluate(AdultsLabour(), Seen({"vd-economic", "vd-past", "vd-personal-characteristics"}));
  const DimensionResult& d = Dim(e, "vulnerability-destination");
  EXPECT_EQ(d.counts, (GradeCounts{0, 1, 2}));
  EXPECT_FALSE(d.positive);
}

TEST(DimensionRule, WeakIndicatorsAloneAreNeverPositive) {
  auto e = MustEvaluate(AdultsLabour(),
                        Seen({"vr-beliefs", "vr-past", "vr-travel", "vr-general-context"}));
  const DimensionResult& d = Dim(e, "vulnerability-recruitment");
  EXPECT_EQ(d.counts, (GradeCounts{0, 0, 4}));
  EXPECT_FALSE(d.positive);
}

TEST(DimensionRule, IndicatorsCountOnlyInTheirOwnDimension) {
  // Documents taken at recruitment (medium) and at destination (strong) are two
  // indicators in two dimensions; neither dimension gets the other's.
  auto e = MustEvaluate(AdultsLabour(), Seen({"cr-documents", "cd-documents"}));
  EXPECT_EQ(Dim(e, "coercive-recruitment").counts, (GradeCounts{0, 1, 0}));
  EXPECT_EQ(Dim(e, "coercion-destination").counts, (GradeCounts{1, 0, 0}));
  EXPECT_FALSE(Dim(e, "coercion-destination").positive);
}

TEST(DimensionRule, AnIndicatorSeenTwiceCountsOnce) {
  std::vector<Observation> obs = {{"cd-documents", 7, "Passport held by the employer", 1000},
                                  {"cd-documents", 9, "Confirmed by the outreach worker", 2000}};
  auto e = MustEvaluate(AdultsLabour(), obs);
  EXPECT_EQ(Dim(e, "coercion-destination").counts, (GradeCounts{1, 0, 0}));
  EXPECT_FALSE(Dim(e, "coercion-destination").positive);
  ASSERT_EQ(e.observed.size(), 1u);
  ASSERT_EQ(e.observed[0].observations.size(), 2u) << "both observers and notes are kept";
  EXPECT_EQ(e.observed[0].observations[1].observed_by, 9);
  EXPECT_EQ(e.observed[0].observations[1].note, "Confirmed by the outreach worker");
}

TEST(DimensionRule, NothingObserved) {
  auto e = MustEvaluate(AdultsLabour(), {});
  ASSERT_EQ(e.dimensions.size(), 6u);
  for (const DimensionResult& d : e.dimensions) {
    EXPECT_FALSE(d.positive);
    EXPECT_EQ(d.explanation, "Not positive: nothing observed.");
  }
  EXPECT_EQ(e.outcome, Outcome::kNotIndicated);
}

TEST(ClauseHolds, AssignsEachIndicatorToOneTerm) {
  auto clause = [](std::initializer_list<ClauseTerm> terms) { return Clause{terms}; };
  const GradeSet s = GradeSet::Of(Grade::kStrong), m = GradeSet::Of(Grade::kMedium),
                 w = GradeSet::Of(Grade::kWeak);
  const Clause strong_plus = clause({{1, s}, {1, m | w}});
  EXPECT_TRUE(ClauseHolds(strong_plus, {1, 1, 0}));
  EXPECT_TRUE(ClauseHolds(strong_plus, {1, 0, 1}));
  EXPECT_FALSE(ClauseHolds(strong_plus, {2, 0, 0})) << "a strong is not a medium-or-weak";
  EXPECT_FALSE(ClauseHolds(strong_plus, {0, 1, 1}));
  // Overlapping terms: one medium cannot fill both "1 medium" and "1 medium-or-weak".
  const Clause overlap = clause({{1, m}, {1, m | w}});
  EXPECT_FALSE(ClauseHolds(overlap, {0, 1, 0}));
  EXPECT_TRUE(ClauseHolds(overlap, {0, 2, 0}));
  EXPECT_TRUE(ClauseHolds(overlap, {0, 1, 1}));
  EXPECT_TRUE(ClauseHolds(clause({{3, GradeSet::Any()}}), {1, 1, 1}));
  EXPECT_FALSE(ClauseHolds(clause({{3, GradeSet::Any()}}), {1, 1, 0}));
  EXPECT_FALSE(ClauseHolds(Clause{}, {5, 5, 5})) << "an empty clause never holds";
}

// --- The victim rule for adults. ---

// Exploitation and coercion at destination, positive; recruitment added below.
const std::vector<const char*> kExploitedAndCoerced = {"ex-excessive-hours", "ex-low-pay",
                                                       "cd-documents", "cd-debt-bondage"};

std::vector<Observation> With(std::vector<const char*> base,
                              std::initializer_list<const char*> more) {
  base.insert(base.end(), more);
  std::vector<Observation> out;
  for (const char* id : base) out.push_back({id, 7, "", 0});
  return out;
}

TEST(AdultVictimRule, DeceptiveRecruitmentSatisfiesRecruitment) {
  auto e = MustEvaluate(AdultsLabour(), With(kExploitedAndCoerced, {"dr-job-nature", "dr-wages"}));
  EXPECT_EQ(e.outcome, Outcome::kIndicated);
  ASSERT_EQ(e.requirements.size(), 3u);
  EXPECT_EQ(e.requirements[0].positive_dimension_ids,
            std::vector<std::string>{"deceptive-recruitment"});
  EXPECT_EQ(e.requirements[0].explanation,
            "recruitment: met (Deceptive recruitment (including transfer and transport) is "
            "positive).");
  EXPECT_EQ(e.summary,
            "Indicates trafficking under ILO/EC operational indicators: adults, labour "
            "exploitation (2009) (victim rule for adults): every requirement is met "
            "(recruitment, exploitation and coercion or abuse of vulnerability at "
            "destination). A screening informs the identification decision; a person "
            "makes and records it.");
}

TEST(AdultVictimRule, CoerciveRecruitmentSatisfiesRecruitment) {
  auto e = MustEvaluate(AdultsLabour(),
                        With(kExploitedAndCoerced, {"cr-violence", "cr-threat-violence"}));
  EXPECT_EQ(e.outcome, Outcome::kIndicated);
  EXPECT_EQ(e.requirements[0].positive_dimension_ids,
            std::vector<std::string>{"coercive-recruitment"});
}

TEST(AdultVictimRule, RecruitmentByAbuseOfVulnerabilitySatisfiesRecruitment) {
  auto e = MustEvaluate(AdultsLabour(), With(kExploitedAndCoerced, {"vr-economic", "vr-information",
                                                                    "vr-illegal-status"}));
  EXPECT_EQ(e.outcome, Outcome::kIndicated);
  EXPECT_EQ(e.requirements[0].positive_dimension_ids,
            std::vector<std::string>{"vulnerability-recruitment"});
}

TEST(AdultVictimRule, AbuseOfVulnerabilityAtDestinationSatisfiesTheThirdRequirement) {
  auto e = MustEvaluate(AdultsLabour(),
                        With({"dr-job-nature", "dr-wages", "ex-excessive-hours", "ex-low-pay"},
                             {"vd-dependency", "vd-economic", "vd-authorities"}));
  EXPECT_EQ(e.outcome, Outcome::kIndicated);
  EXPECT_EQ(e.requirements[2].positive_dimension_ids,
            std::vector<std::string>{"vulnerability-destination"});
  EXPECT_FALSE(Dim(e, "coercion-destination").positive);
}

TEST(AdultVictimRule, MissingExploitationDoesNotIndicate) {
  auto e = MustEvaluate(AdultsLabour(), With({"dr-job-nature", "dr-wages", "cd-documents",
                                              "cd-debt-bondage", "ex-excessive-hours"},
                                             {}));
  EXPECT_EQ(e.outcome, Outcome::kNotIndicated);
  EXPECT_FALSE(e.requirements[1].met);
  EXPECT_EQ(e.requirements[1].explanation,
            "exploitation: not met (Exploitative conditions of work is not positive).");
  EXPECT_EQ(e.summary,
            "Does not indicate trafficking under ILO/EC operational indicators: adults, "
            "labour exploitation (2009) (victim rule for adults): not met: exploitation. "
            "Met: recruitment and coercion or abuse of vulnerability at destination. A "
            "screening informs the identification decision; a person makes and records it.");
}

TEST(AdultVictimRule, MissingCoercionAtDestinationDoesNotIndicate) {
  auto e = MustEvaluate(AdultsLabour(),
                        With({"dr-job-nature", "dr-wages", "ex-excessive-hours", "ex-low-pay"},
                             {"cd-documents", "vd-dependency"}));
  EXPECT_EQ(e.outcome, Outcome::kNotIndicated);
  EXPECT_TRUE(e.requirements[0].met);
  EXPECT_TRUE(e.requirements[1].met);
  EXPECT_FALSE(e.requirements[2].met);
  EXPECT_EQ(e.requirements[2].explanation,
            "coercion or abuse of vulnerability at destination: not met (none of Coercion at "
            "destination, Abuse of vulnerability at destination is positive).");
}

TEST(AdultVictimRule, MissingRecruitmentDoesNotIndicate) {
  auto e = MustEvaluate(AdultsLabour(), With(kExploitedAndCoerced, {"dr-job-nature"}));
  EXPECT_EQ(e.outcome, Outcome::kNotIndicated);
  EXPECT_FALSE(e.requirements[0].met);
}

TEST(AdultVictimRule, AnAdultsListCannotScreenAChild) {
  auto r = Evaluate(AdultsLabour(), Seen({"dr-job-nature"}), PersonGroup::kChild);
  EXPECT_EQ(r.status().code(), Code::kFailedPrecondition);
  EXPECT_NE(r.status().message().find("no victim rule for children"), std::string::npos);
}

// --- The child rule: recruitment and exploitation suffice. ---

TEST(ChildVictimRule, NoMeansAtDestinationNeeded) {
  const IndicatorSet& children = Load("ilo-ec-children-labour.txt");
  auto e = MustEvaluate(children,
                        Seen({"dr-job-nature", "dr-wages", "ex-excessive-hours", "ex-hazardous"}),
                        PersonGroup::kChild);
  EXPECT_EQ(e.outcome, Outcome::kIndicated);
  ASSERT_EQ(e.requirements.size(), 2u);
  EXPECT_FALSE(Dim(e, "coercion-destination").positive);
  EXPECT_FALSE(Dim(e, "vulnerability-destination").positive);
}

TEST(ChildVictimRule, ExploitationIsStillRequired) {
  const IndicatorSet& children = Load("ilo-ec-children-labour.txt");
  auto e = MustEvaluate(
      children, Seen({"dr-job-nature", "dr-wages", "cd-documents", "cd-violence", "ex-low-pay"}),
      PersonGroup::kChild);
  EXPECT_EQ(e.outcome, Outcome::kNotIndicated);
  EXPECT_FALSE(e.requirements[1].met);
}

TEST(ChildVictimRule, SameObservationsOneSetAdultNotIndicatedChildIndicated) {
  // One set with a rule for each group: the child rule leaves out the means.
  auto set = ParseIndicatorSet(
      "set: both\nkind: dimensions\ntitle: Both groups\n"
      "dimension: rec | Recruitment\ndimension: exp | Exploitation\n"
      "dimension: dest | Coercion at destination\n"
      "positive: 2 strong\npositive: 1 strong + 1 medium-or-weak\n"
      "positive: 3 medium\npositive: 2 medium + 1 weak\n"
      "requires: adult | recruitment | rec\nrequires: adult | exploitation | exp\n"
      "requires: adult | coercion at destination | dest\n"
      "requires: child | recruitment | rec\nrequires: child | exploitation | exp\n"
      "indicator: r1 | rec | strong | R1\nindicator: r2 | rec | weak | R2\n"
      "indicator: e1 | exp | medium | E1\nindicator: e2 | exp | medium | E2\n"
      "indicator: e3 | exp | weak | E3\nindicator: d1 | dest | strong | D1\n",
      "both.txt");
  ASSERT_TRUE(set.ok()) << set.status().message();
  const auto obs = Seen({"r1", "r2", "e1", "e2", "e3"});
  EXPECT_EQ(MustEvaluate(*set, obs, PersonGroup::kAdult).outcome, Outcome::kNotIndicated);
  auto child = MustEvaluate(*set, obs, PersonGroup::kChild);
  EXPECT_EQ(child.outcome, Outcome::kIndicated);
  EXPECT_EQ(child.requirements.size(), 2u);
  EXPECT_EQ(Dim(child, "exp").clauses_met, std::vector<size_t>{3}) << "2 medium + 1 weak";
}

// --- Flat lists: the result is the explained list. ---

TEST(ListSet, ResultIsTheObservedListInSetOrder) {
  const IndicatorSet& ilo = Load("ilo-forced-labour-11.txt");
  std::vector<Observation> obs = {{"debt-bondage", 3, "Owes 40,000 baht for the journey", 10},
                                  {"deception", 4, "Promised factory work", 20}};
  auto e = MustEvaluate(ilo, obs);
  EXPECT_EQ(e.outcome, Outcome::kListed);
  EXPECT_TRUE(e.dimensions.empty());
  EXPECT_TRUE(e.requirements.empty());
  ASSERT_EQ(e.observed.size(), 2u);
  EXPECT_EQ(e.observed[0].id, "deception");
  EXPECT_EQ(e.observed[0].observations[0].observed_by, 4);
  EXPECT_EQ(e.observed[0].observations[0].note, "Promised factory work");
  EXPECT_EQ(e.observed[1].id, "debt-bondage");
  EXPECT_FALSE(e.observed[1].grade.has_value());
  EXPECT_EQ(e.summary,
            "2 of 11 indicators observed in ILO indicators of forced labour (2012): Deception, "
            "Debt bondage. One indicator can in some cases imply forced labour; in others "
            "several together point to it: read the notes. A screening informs the "
            "identification decision; a person makes and records it.");
}

TEST(ListSet, NothingObservedAndAnyGroup) {
  const IndicatorSet& ilo = Load("ilo-forced-labour-11.txt");
  auto e = MustEvaluate(ilo, {}, PersonGroup::kChild);
  EXPECT_EQ(e.outcome, Outcome::kListed);
  EXPECT_EQ(e.summary.rfind("No indicators observed (0 of 11) in ILO indicators of forced "
                            "labour (2012).",
                            0),
            0u)
      << e.summary;
}

// --- Observations the set cannot take. ---

TEST(Observations, UnknownIndicatorIsNamed) {
  auto r = Evaluate(AdultsLabour(), Seen({"dr-job-nature", "passport-taken"}), PersonGroup::kAdult);
  ASSERT_EQ(r.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(r.status().message(),
            "unknown indicator 'passport-taken' in set 'ilo-ec-adults-labour'");
  EXPECT_EQ(r.status().field(), "observations[1].indicator_id");
  // An id from another set is unknown too.
  auto other =
      Evaluate(Load("ilo-forced-labour-11.txt"), Seen({"dr-job-nature"}), PersonGroup::kAdult);
  EXPECT_EQ(other.status().code(), Code::kInvalidArgument);
}

TEST(Observations, NotesMustBeText) {
  std::vector<Observation> obs = {{"deception", 1, "line one\nline two", 0}};
  EXPECT_TRUE(Evaluate(Load("ilo-forced-labour-11.txt"), obs, PersonGroup::kAdult).ok());
  obs[0].note = "bell\x07";
  auto r = Evaluate(Load("ilo-forced-labour-11.txt"), obs, PersonGroup::kAdult);
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(r.status().field(), "observations[0].note");
}

}  // namespace
}  // namespace trm::domain
