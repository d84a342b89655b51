// Family tracing on both engines: candidates only where consent covers
// family tracing for the officer's organisation now, only the officer sees
// them, decisions on them, closed requests that do not change, stale
// versions, and what is sealed at rest.
#include <gtest/gtest.h>

#include <algorithm>

#include "store/tests/app_fixture.h"

namespace trm::store_test {
namespace {

using domain::ConsentDecision;
using domain::ConsentPurpose;
using domain::ConsentScope;
using domain::Role;
using domain::TracingDecision;

constexpr Millis kDay = 86'400'000;

class TracingTest : public AppTest {
 protected:
  // AppTest's App (with the matching engine), an organisation per side and a
  // Khmer-script case to be found.
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    th_shelter_ = AddOrg("Shelter Bangkok", "TH");
    kh_shelter_ = AddOrg("Shelter Phnom Penh", "KH");
    kh_other_ = AddOrg("Legal aid Phnom Penh", "KH");
    worker_ = AddUser(th_shelter_, "th-worker", Role::kCaseWorker);
    officer_ = AddUser(kh_shelter_, "kh-officer", Role::kCaseWorker);
    colleague_ = AddUser(kh_shelter_, "kh-colleague", Role::kCaseWorker);
    supervisor_ = AddUser(kh_shelter_, "kh-supervisor", Role::kSupervisor);
    hotline_ = AddUser(kh_shelter_, "kh-hotline", Role::kHotlineOperator);
    outsider_ = AddUser(kh_other_, "kh-outsider", Role::kSupervisor);
    // The person in Khmer script (SomePerson: សុខា ចាន់, born 1998-02-14).
    auto c = app().cases().Create(worker_, {SomePerson(), std::nullopt});
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    case_id_ = c->c.id;
    clock().Advance(1000);
  }

  service::TracingService& tracing() { return app().tracing(); }

  // A mother in Cambodia remembers her daughter's name in Latin letters.
  service::NewTracingRequest Request() {
    service::NewTracingRequest in;
    in.searcher = {"Chan Sophea", "mother", "+855 12 345 678"};
    in.sought.person.first_name = "Sokha";
    in.sought.person.second_name = "Chan";
    in.sought.person.gender = domain::Gender::kFeminine;
    in.sought.person.birth_date = "1998-02-14";
    in.sought.person.citizenship = {"KH"};
    in.sought.last_known_place = "Poipet";
    in.sought.remembers = "Went to Thailand for factory work in 2024.";
    return in;
  }
  domain::Id File() {
    auto v = tracing().Create(officer_, Request());
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? v->request.id : 0;
  }

  void Consent(ConsentDecision d, ConsentScope scope = {ConsentScope::Kind::kAnyone, "", 0},
               std::optional<std::string> expires_on = std::nullopt) {
    service::ConsentInput in;
    in.purpose = ConsentPurpose::kFamilyTracing;
    in.decision = d;
    in.scope = scope;
    in.expires_on = expires_on;
    in.explained_in_language = "km";
    auto r = app().casework().RecordConsent(worker_, case_id_, in);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    clock().Advance(1000);
  }

  // Whether the case is among the request's candidates for the officer.
  bool Shown(domain::Id request_id) {
    auto list = tracing().Candidates(officer_, request_id);
    EXPECT_TRUE(list.ok()) << list.status().ToString();
    if (!list.ok()) return false;
    return std::any_of(list->begin(), list->end(),
                       [&](const service::TracingCandidate& c) { return c.case_id == case_id_; });
  }

  int64_t Count(const std::string& sql, std::vector<store::Value> params = {}) {
    auto rows = raw().Query(sql, params);
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }

  domain::Id th_shelter_ = 0, kh_shelter_ = 0, kh_other_ = 0, case_id_ = 0;
  service::Actor worker_, officer_, colleague_, supervisor_, hotline_, outsider_;
};

TEST_P(TracingTest, ShowsACaseWhoseConsentCoversFamilyTracingWithItsReasons) {
  Consent(ConsentDecision::kGiven);
  const domain::Id id = File();
  auto list = tracing().Candidates(officer_, id);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  auto it = std::find_if(list->begin(), list->end(),
                         [&](const service::TracingCandidate& c) { return c.case_id == case_id_; });
  ASSERT_NE(it, list->end()) << "the Khmer-script case was not found from Latin letters";
  EXPECT_EQ(it->owner.id, th_shelter_);
  EXPECT_EQ(it->owner.country, "TH");
  EXPECT_EQ(it->person.first_name, "សុខា");
  EXPECT_TRUE(it->person.languages.empty()) << "only what identifies the person is shown";
  EXPECT_GT(it->match.probability, 0.01);
  auto name = std::find_if(it->match.reasons.begin(), it->match.reasons.end(),
                           [](const service::MatchReason& r) { return r.field == "name"; });
  ASSERT_NE(name, it->match.reasons.end());
  EXPECT_FALSE(it->decision.has_value());
  // The query is audited on the request, naming the cases shown.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'tracing.candidates' AND record_id = ? "
                  "AND detail LIKE ?",
                  {std::to_string(id), "%" + std::to_string(case_id_) + "%"}),
            1);
}

TEST_P(TracingTest, LeavesOutCasesWithoutCoveringConsent) {
  const domain::Id id = File();
  EXPECT_FALSE(Shown(id)) << "no consent recorded";
  Consent(ConsentDecision::kRefused);
  EXPECT_FALSE(Shown(id)) << "refused";
  Consent(ConsentDecision::kGiven);
  EXPECT_TRUE(Shown(id)) << "given to anyone";
  Consent(ConsentDecision::kWithdrawn);
  EXPECT_FALSE(Shown(id)) << "withdrawn drops the candidate at once";
}

TEST_P(TracingTest, LeavesOutConsentScopedToOthersOrExpired) {
  const domain::Id id = File();
  Consent(ConsentDecision::kGiven, {ConsentScope::Kind::kOrganisation, "", kh_other_});
  EXPECT_FALSE(Shown(id)) << "given to another organisation";
  Consent(ConsentDecision::kGiven, {ConsentScope::Kind::kCountry, "TH", 0});
  EXPECT_FALSE(Shown(id)) << "given to organisations in another country";
  Consent(ConsentDecision::kGiven, {ConsentScope::Kind::kCountry, "KH", 0},
          FormatDate(clock().Now() + 2 * kDay));
  EXPECT_TRUE(Shown(id)) << "given to organisations in Cambodia, not yet expired";
  clock().Advance(4 * kDay);
  EXPECT_FALSE(Shown(id)) << "expired";
  Consent(ConsentDecision::kGiven, {ConsentScope::Kind::kOrganisation, "", kh_shelter_});
  EXPECT_TRUE(Shown(id)) << "given to the officer's organisation by name";
}

TEST_P(TracingTest, OnlyTheOfficerSeesTheCandidates) {
  Consent(ConsentDecision::kGiven);
  const domain::Id id = File();
  // The supervisor sees the request but not its candidates.
  auto seen = tracing().Get(supervisor_, id);
  ASSERT_TRUE(seen.ok());
  EXPECT_FALSE(seen->may_see_candidates);
  EXPECT_TRUE(seen->may_reassign);
  EXPECT_EQ(tracing().Candidates(supervisor_, id).status().code(), Code::kPermissionDenied);
  // Anyone else: as if there were no such request.
  for (const service::Actor* a : {&colleague_, &hotline_, &outsider_, &worker_}) {
    EXPECT_EQ(tracing().Get(*a, id).status().code(), Code::kNotFound) << a->username;
    EXPECT_EQ(tracing().Candidates(*a, id).status().code(), Code::kNotFound) << a->username;
    auto list = tracing().List(*a, std::nullopt);
    ASSERT_TRUE(list.ok());
    EXPECT_TRUE(list->empty()) << a->username;
  }
  EXPECT_EQ(tracing().List(supervisor_, std::nullopt)->size(), 1u);
  EXPECT_EQ(tracing().List(officer_, domain::TracingStatus::kOpen)->size(), 1u);
  EXPECT_EQ(tracing().List(officer_, domain::TracingStatus::kClosed)->size(), 0u);
  // The officer cannot hand the request over; the supervisor can.
  EXPECT_EQ(tracing().Change(officer_, id, {1, colleague_.user_id, std::nullopt}).status().code(),
            Code::kPermissionDenied);
  auto moved = tracing().Change(supervisor_, id, {1, colleague_.user_id, std::nullopt});
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->request.officer_id, colleague_.user_id);
  EXPECT_EQ(tracing().Candidates(officer_, id).status().code(), Code::kNotFound);
  EXPECT_TRUE(tracing().Candidates(colleague_, id).ok());
  // Only an officer who may trace families, of the organisation.
  EXPECT_EQ(tracing().Change(supervisor_, id, {2, hotline_.user_id, std::nullopt}).status().field(),
            "officer_id");
  EXPECT_EQ(tracing().Change(supervisor_, id, {2, outsider_.user_id, std::nullopt}).status().field(),
            "officer_id");
}

TEST_P(TracingTest, WhoFilesARequest) {
  EXPECT_EQ(tracing().Create(hotline_, Request()).status().code(), Code::kPermissionDenied);
  auto in = Request();
  in.officer_id = colleague_.user_id;
  EXPECT_EQ(tracing().Create(officer_, in).status().code(), Code::kPermissionDenied)
      << "a case worker is their own request's officer";
  auto assigned = tracing().Create(supervisor_, in);
  ASSERT_TRUE(assigned.ok()) << assigned.status().ToString();
  EXPECT_EQ(assigned->request.officer_id, colleague_.user_id);
  EXPECT_EQ(assigned->request.organisation_id, kh_shelter_);
  in.officer_id = outsider_.user_id;
  EXPECT_EQ(tracing().Create(supervisor_, in).status().field(), "officer_id");
  in = Request();
  in.sought.person.birth_date = "1998-02-30";
  EXPECT_EQ(tracing().Create(officer_, in).status().field(), "sought.person.birth_date");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tracing_requests"), 1);
}

TEST_P(TracingTest, DecisionsOnCandidates) {
  Consent(ConsentDecision::kGiven);
  const domain::Id id = File();
  auto other = app().cases().Create(worker_, {SomePerson(), std::nullopt});
  ASSERT_TRUE(other.ok());  // the same person, but without consent
  EXPECT_EQ(tracing().Decide(officer_, id, other->c.id, {TracingDecision::kPossible, ""}).status().field(),
            "case_id");
  EXPECT_EQ(tracing().Decide(supervisor_, id, case_id_, {TracingDecision::kPossible, ""}).status().code(),
            Code::kPermissionDenied);
  auto d = tracing().Decide(officer_, id, case_id_, {TracingDecision::kPossible, "Age and village fit."});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(tracing().Decide(officer_, id, case_id_, {TracingDecision::kConfirmed, ""}).status().code(),
            Code::kAlreadyExists);
  auto list = tracing().Candidates(officer_, id);
  ASSERT_TRUE(list.ok());
  auto it = std::find_if(list->begin(), list->end(),
                         [&](const service::TracingCandidate& c) { return c.case_id == case_id_; });
  ASSERT_NE(it, list->end());
  ASSERT_TRUE(it->decision);
  EXPECT_EQ(it->decision->decision.decision, TracingDecision::kPossible);
  EXPECT_EQ(it->decision->decision.note, "Age and village fit.");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'tracing.decide' AND record_id = ?",
                  {std::to_string(id)}),
            1);
  // A stale version changes nothing.
  auto changed = tracing().ChangeDecision(officer_, id, d->decision.id, 1, {TracingDecision::kConfirmed, ""});
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  EXPECT_EQ(tracing().ChangeDecision(officer_, id, d->decision.id, 1, {TracingDecision::kRuledOut, ""})
                .status()
                .code(),
            Code::kConflict);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tracing_decisions WHERE decision = 'confirmed' AND version = 2"), 1);
  // Consent withdrawn: the case and the decision on it are out of reach.
  Consent(ConsentDecision::kWithdrawn);
  EXPECT_EQ(tracing().ChangeDecision(officer_, id, d->decision.id, 2, {TracingDecision::kRuledOut, ""})
                .status()
                .code(),
            Code::kNotFound);
  EXPECT_FALSE(Shown(id));
}

TEST_P(TracingTest, AStaleVersionChangesNothing) {
  const domain::Id id = File();
  ASSERT_TRUE(tracing().Change(supervisor_, id, {1, colleague_.user_id, std::nullopt}).ok());
  auto stale = tracing().Change(supervisor_, id, {1, officer_.user_id, std::nullopt});
  EXPECT_EQ(stale.status().code(), Code::kConflict);
  auto close_stale = tracing().Change(supervisor_, id, {1, std::nullopt, std::string("Found.")});
  EXPECT_EQ(close_stale.status().code(), Code::kConflict);
  auto now = tracing().Get(supervisor_, id);
  ASSERT_TRUE(now.ok());
  EXPECT_EQ(now->request.stamp.version, 2);
  EXPECT_EQ(now->request.officer_id, colleague_.user_id);
  EXPECT_EQ(now->request.status, domain::TracingStatus::kOpen);
}

TEST_P(TracingTest, AClosedRequestDoesNotChange) {
  Consent(ConsentDecision::kGiven);
  const domain::Id id = File();
  auto d = tracing().Decide(officer_, id, case_id_, {TracingDecision::kPossible, ""});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(tracing().Change(officer_, id, {1, std::nullopt, std::string(" ")}).status().field(), "outcome");
  auto closed = tracing().Change(officer_, id, {1, std::nullopt, std::string("Found; family informed.")});
  ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  EXPECT_EQ(closed->request.status, domain::TracingStatus::kClosed);
  EXPECT_FALSE(closed->may_reassign);
  EXPECT_EQ(tracing().Change(supervisor_, id, {2, colleague_.user_id, std::nullopt}).status().code(),
            Code::kFailedPrecondition);
  EXPECT_EQ(tracing().Change(officer_, id, {2, std::nullopt, std::string("again")}).status().code(),
            Code::kFailedPrecondition);
  EXPECT_EQ(tracing().ChangeDecision(officer_, id, d->decision.id, 1, {TracingDecision::kConfirmed, ""})
                .status()
                .code(),
            Code::kFailedPrecondition);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tracing_decisions WHERE version = 1"), 1);
  auto read = tracing().Get(officer_, id);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->request.outcome, "Found; family informed.");
  EXPECT_EQ(read->request.stamp.version, 2);
  EXPECT_TRUE(tracing().Candidates(officer_, id).ok()) << "the officer still reads what was found";
}

TEST_P(TracingTest, SealsWhoIsSearchingAndForWhom) {
  const domain::Id id = File();
  auto in = Request();
  auto rows = raw().Query("SELECT details FROM tracing_requests");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  const std::string& sealed = rows->at(0).Bytes(0);
  for (const std::string& plain : {in.searcher.name, in.searcher.contact, in.sought.person.first_name,
                                   in.sought.last_known_place})
    EXPECT_EQ(sealed.find(plain), std::string::npos) << plain;
  // Bound to its row: a blob moved to another request does not open.
  const domain::Id second = File();
  auto copy = raw().Exec("UPDATE tracing_requests SET details = (SELECT details FROM tracing_requests "
                         "WHERE id = ?) WHERE id = ?",
                         {id, second});
  ASSERT_TRUE(copy.ok()) << copy.status().ToString();
  EXPECT_FALSE(tracing().Get(officer_, second).ok());
}

TEST_P(TracingTest, WithoutTheEngineRequestsWorkButCandidatesDoNot) {
  service::TracingService no_engine(store(), clock(), nullptr);
  auto v = no_engine.Create(officer_, Request());
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(no_engine.Candidates(officer_, v->request.id).status().code(), Code::kUnavailable);
}

INSTANTIATE_TEST_SUITE_P(Engines, TracingTest, AllEngines(), EngineParamName);

}  // namespace
}  // namespace trm::store_test
