#include "service/person_matcher.h"

#include <ctime>

#include "match/comparison.h"
#include "match/fields.h"

namespace trm::service {
namespace {

// Below the engine's review threshold a pair is "possible": shown to the
// person who is about to record someone, who knows more than the fields, but
// never proposed as a duplicate on its own. A name that agrees after
// romanisation with nothing else known lands here.
constexpr double kPossibleThreshold = 0.01;

std::string SexOf(domain::Gender g) {
  switch (g) {
    case domain::Gender::kFeminine:
    case domain::Gender::kTransgenderFeminine:
      return "f";
    case domain::Gender::kMasculine:
    case domain::Gender::kTransgenderMasculine:
      return "m";
    default:
      return "";
  }
}

std::string Joined(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + " " + b;
}

}  // namespace

int YearOf(Millis t) {
  std::time_t secs = static_cast<std::time_t>(t / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  return tm.tm_year + 1900;
}

match::Record PersonMatcher::RecordOf(const std::string& id, const domain::Person& p,
                                      int recorded_year, int reference_year) {
  match::Record r;
  r.id = id;
  r.given_name = Joined(p.first_name, p.middle_name);
  r.family_name = p.second_name;
  if (p.birth_date) r.birth_date = *p.birth_date;
  if (!p.birth_date && p.approximate_age) {
    const int age = *p.approximate_age + std::max(0, reference_year - recorded_year);
    if (age <= 130) r.age = age;
  }
  r.sex = SexOf(p.gender);
  if (!p.citizenship.empty()) r.citizenship = p.citizenship.front();
  return r;
}

Result<std::unique_ptr<PersonMatcher>> PersonMatcher::Load(const std::string& data_dir, Millis now) {
  std::unique_ptr<PersonMatcher> m(new PersonMatcher());
  m->reference_year_ = YearOf(now);
  match::EngineOptions options;
  options.reference_year = m->reference_year_;
  ASSIGN_OR_RETURN(m->engine_, match::Engine::Load(data_dir, options));
  m->index_ = std::make_unique<match::PersonIndex>(m->engine_.get(), m->engine_->model());
  ASSIGN_OR_RETURN(m->register_names_, RegisterNames::Load(*m->engine_));
  return m;
}

Status PersonMatcher::CatchUp(store::Store& store) {
  std::lock_guard lock(catch_up_mu_);
  return watermark_.CatchUp(
      store,
      [](store::Tx& tx, Millis since, domain::Id after_id, int limit) {
        return tx.cases().ChangedSince(since, after_id, limit);
      },
      [&](const domain::Case& c) {
        // A person the engine cannot read (it should not happen: the case's
        // person passed validation) stays out of the index rather than
        // stopping every query.
        (void)index_->Add(RecordOf(std::to_string(c.id), c.person, YearOf(c.stamp.created_at),
                                   reference_year_));
      });
}

Result<double> PersonMatcher::PairProbability(const domain::Person& a, int a_year,
                                              const domain::Person& b, int b_year) const {
  ASSIGN_OR_RETURN(match::PreparedRecord pa, engine_->Prepare(RecordOf("a", a, a_year, reference_year_)));
  ASSIGN_OR_RETURN(match::PreparedRecord pb, engine_->Prepare(RecordOf("b", b, b_year, reference_year_)));
  const match::Model& model = engine_->model();
  return match::Model::Probability(model.ScoreWeight(match::Compare(pa, pb), pa.name, pb.name, nullptr));
}

Result<std::vector<PersonCandidate>> PersonMatcher::Query(store::Store& store,
                                                         const domain::Person& person,
                                                         size_t limit) {
  RETURN_IF_ERROR(CatchUp(store));
  match::Record query = RecordOf("", person, reference_year_, reference_year_);
  match::QueryOptions options;
  options.limit = limit;
  options.explain = true;
  options.min_probability = kPossibleThreshold;
  ASSIGN_OR_RETURN(auto matches, index_->Query(query, options));
  std::vector<PersonCandidate> out;
  for (const match::QueryMatch& m : matches) {
    PersonCandidate c;
    c.case_id = std::stoll(m.id);
    c.probability = m.probability;
    c.decision = m.decision == match::Decision::kSame     ? "same"
                 : m.decision == match::Decision::kReview ? "review"
                                                          : "possible";
    if (m.explanation) {
      for (const match::FieldContribution& f : m.explanation->fields) {
        if (f.level == 0) continue;  // one side has no value: no evidence either way
        const match::FieldInfo& info = match::InfoOf(f.field);
        c.reasons.push_back(MatchReason{std::string(info.name), std::string(info.level_names[f.level]),
                                        f.weight + f.tf_adjustment});
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace trm::service
