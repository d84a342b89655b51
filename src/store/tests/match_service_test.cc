// Possible existing records on both engines: a name written in Thai or Lao
// script found from its Latin spelling, only among the cases the actor may
// see; a case never proposed as its own duplicate; human decisions kept and
// respected (a pair ruled different is not proposed again, one ruled the same
// comes back linked); versions, permissions, refused input that changes
// nothing, audit rows, and the note sealed at rest.
#include <gtest/gtest.h>

#include <algorithm>

#include "store/tests/app_fixture.h"

namespace trm::store_test {
namespace {

using domain::LinkDecision;
using domain::Role;

domain::Person Person(const std::string& first, const std::string& second, const char* birth,
                      const char* citizenship) {
  domain::Person p;
  p.first_name = first;
  p.second_name = second;
  p.gender = domain::Gender::kFeminine;
  p.birth_date = birth;
  p.citizenship = {citizenship};
  return p;
}

// The same woman as the Thai shelter wrote her name, and as someone else did
// in Latin letters.
domain::Person ThaiScript() { return Person("ศิริพร", "แก้วมณี", "1995-03-02", "TH"); }
domain::Person ThaiLatin() { return Person("Siriphon", "Kaeomani", "1995-03-02", "TH"); }

class MatchServiceTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_NE(app().matcher(), nullptr) << "the fixture loads the engine from " << MatchDataDir();
    shelter_ = AddOrg("Shelter Bangkok", "TH");
    police_ = AddOrg("Police Vientiane", "LA");
    worker_ = AddUser(shelter_, "worker", Role::kCaseWorker);
    colleague_ = AddUser(shelter_, "colleague", Role::kCaseWorker);
    supervisor_ = AddUser(shelter_, "supervisor", Role::kSupervisor);
    admin_ = AddUser(shelter_, "admin", Role::kOrgAdmin);
    officer_ = AddUser(police_, "officer", Role::kCaseWorker);
  }
  service::MatchService& matches() { return app().matches(); }

  domain::Id NewCase(const service::Actor& a, const domain::Person& p) {
    auto c = app().cases().Create(a, {p, std::nullopt});
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    clock().Advance(1000);
    return c.ok() ? c->c.id : 0;
  }
  static const service::MatchedCase* Find(const std::vector<service::MatchedCase>& list, domain::Id id) {
    auto it = std::find_if(list.begin(), list.end(), [&](const auto& m) { return m.view.c.id == id; });
    return it == list.end() ? nullptr : &*it;
  }
  static bool Has(const service::MatchedCase& m, const std::string& field, const std::string& level) {
    return std::any_of(m.candidate.reasons.begin(), m.candidate.reasons.end(),
                       [&](const auto& r) { return r.field == field && r.level == level; });
  }
  service::LinkDecisionInput Decision(LinkDecision d, std::string note = "") {
    return service::LinkDecisionInput{d, std::move(note)};
  }
  int64_t Count(const std::string& sql) {
    auto rows = raw().Query(sql);
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }

  domain::Id shelter_ = 0, police_ = 0;
  service::Actor worker_, colleague_, supervisor_, admin_, officer_;
};

TEST_P(MatchServiceTest, AThaiScriptNameIsFoundFromItsLatinSpelling) {
  const domain::Id thai = NewCase(worker_, ThaiScript());
  NewCase(worker_, Person("Malee", "Boonma", "1988-11-20", "TH"));  // someone else

  auto found = matches().ForPerson(worker_, ThaiLatin());
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ASSERT_FALSE(found->empty());
  const service::MatchedCase& best = found->front();
  EXPECT_EQ(best.view.c.id, thai) << "the Thai-script record comes first";
  EXPECT_EQ(best.view.c.person.first_name, "ศิริพร") << "shown as written";
  EXPECT_EQ(best.view.owner.name, "Shelter Bangkok");
  EXPECT_GT(best.candidate.probability, 0.5);
  EXPECT_TRUE(Has(best, "name", "romanised_exact"));
  EXPECT_TRUE(Has(best, "birth_date", "exact"));
  EXPECT_TRUE(Has(best, "citizenship", "same"));
  for (const auto& r : best.candidate.reasons)
    EXPECT_GT(r.weight, 0) << r.field << " agrees, so it counts for the match";
  EXPECT_FALSE(best.link) << "a person not yet recorded has no decisions";
}

TEST_P(MatchServiceTest, ALaoScriptNameIsFoundFromItsLatinSpelling) {
  const domain::Id lao = NewCase(officer_, Person("ສົມສັກ", "ແກ້ວ", "1990-07-15", "LA"));
  auto found = matches().ForPerson(officer_, Person("Somsak", "Kaeo", "1990-07-15", "LA"));
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  const service::MatchedCase* m = Find(*found, lao);
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(Has(*m, "name", "romanised_exact"));
  EXPECT_TRUE(Has(*m, "birth_date", "exact"));
}

TEST_P(MatchServiceTest, OnlyCasesTheActorMaySeeAreReturned) {
  const domain::Id mine = NewCase(worker_, ThaiScript());
  const domain::Id colleagues = NewCase(colleague_, ThaiScript());
  const domain::Id other_org = NewCase(officer_, ThaiScript());

  auto seen = matches().ForPerson(worker_, ThaiLatin());
  ASSERT_TRUE(seen.ok()) << seen.status().ToString();
  EXPECT_NE(Find(*seen, mine), nullptr);
  EXPECT_EQ(Find(*seen, colleagues), nullptr) << "a case worker not on the team does not see it";
  EXPECT_EQ(Find(*seen, other_org), nullptr) << "another organisation's case";

  auto whole_org = matches().ForPerson(supervisor_, ThaiLatin());
  ASSERT_TRUE(whole_org.ok());
  EXPECT_NE(Find(*whole_org, mine), nullptr);
  EXPECT_NE(Find(*whole_org, colleagues), nullptr) << "a supervisor sees the organisation's cases";
  EXPECT_EQ(Find(*whole_org, other_org), nullptr);

  auto theirs = matches().ForCase(officer_, other_org);
  ASSERT_TRUE(theirs.ok()) << theirs.status().ToString();
  EXPECT_TRUE(theirs->empty()) << "the shelter's records stay the shelter's";

  EXPECT_EQ(matches().ForCase(officer_, mine).status().code(), Code::kNotFound);
  EXPECT_EQ(matches().Links(officer_, mine).status().code(), Code::kNotFound);
}

TEST_P(MatchServiceTest, ACaseNeverMatchesItself) {
  const domain::Id a = NewCase(worker_, ThaiScript());
  auto alone = matches().ForCase(worker_, a);
  ASSERT_TRUE(alone.ok()) << alone.status().ToString();
  EXPECT_TRUE(alone->empty());

  const domain::Id b = NewCase(worker_, ThaiLatin());
  auto pair = matches().ForCase(worker_, a);
  ASSERT_TRUE(pair.ok());
  ASSERT_EQ(pair->size(), 1u);
  EXPECT_EQ(pair->front().view.c.id, b);
  EXPECT_EQ(Find(*pair, a), nullptr);
}

TEST_P(MatchServiceTest, DecisionsAreKeptAndRespected) {
  const domain::Id a = NewCase(worker_, ThaiScript());
  const domain::Id b = NewCase(worker_, ThaiLatin());
  const domain::Id c = NewCase(worker_, Person("ศิริพร", "แก้วมณี", "1995-03-20", "TH"));

  auto different = matches().Decide(worker_, a, c, Decision(LinkDecision::kDifferent, "Sisters"));
  ASSERT_TRUE(different.ok()) << different.status().ToString();
  EXPECT_EQ(different->other.c.id, c);
  EXPECT_EQ(different->link.stamp.version, 1);
  auto same = matches().Decide(worker_, b, a, Decision(LinkDecision::kSame));
  ASSERT_TRUE(same.ok()) << same.status().ToString();
  EXPECT_EQ(same->link.case_a, a) << "stored lower id first";
  EXPECT_EQ(same->link.case_b, b);
  EXPECT_GT(same->link.probability_bp, 5000) << "the engine's probability is kept with the decision";
  EXPECT_EQ(same->user_names.at(worker_.user_id), "User worker");

  auto now = matches().ForCase(worker_, a);
  ASSERT_TRUE(now.ok()) << now.status().ToString();
  EXPECT_EQ(Find(*now, c), nullptr) << "ruled different: not proposed again";
  const service::MatchedCase* linked = Find(*now, b);
  ASSERT_NE(linked, nullptr) << "ruled the same: still shown";
  ASSERT_TRUE(linked->link);
  EXPECT_EQ(linked->link->decision, LinkDecision::kSame);
  EXPECT_EQ(linked->link->id, same->link.id);
  // Seen from the other side too.
  auto from_c = matches().ForCase(worker_, c);
  ASSERT_TRUE(from_c.ok());
  EXPECT_EQ(Find(*from_c, a), nullptr);

  auto links = matches().Links(worker_, a);
  ASSERT_TRUE(links.ok()) << links.status().ToString();
  ASSERT_EQ(links->size(), 2u);
  EXPECT_EQ((*links)[0].other.c.id, c);
  EXPECT_EQ((*links)[0].link.note, "Sisters");
  EXPECT_EQ((*links)[1].other.c.id, b);
  auto from_b = matches().Links(worker_, b);
  ASSERT_TRUE(from_b.ok());
  ASSERT_EQ(from_b->size(), 1u);
  EXPECT_EQ(from_b->front().other.c.id, a);

  // Changing a mind: the pair ruled different becomes the same, and is shown again.
  auto changed = matches().ChangeDecision(supervisor_, a, different->link.id, 1,
                                          Decision(LinkDecision::kSame, "Same mother, same person"));
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  EXPECT_EQ(changed->link.stamp.version, 2);
  EXPECT_EQ(changed->link.stamp.updated_by, supervisor_.user_id);
  EXPECT_EQ(changed->link.stamp.created_by, worker_.user_id);
  auto again = matches().ForCase(worker_, a);
  ASSERT_TRUE(again.ok());
  ASSERT_NE(Find(*again, c), nullptr);
  EXPECT_EQ(Find(*again, c)->link->decision, LinkDecision::kSame);
}

TEST_P(MatchServiceTest, APairIsDecidedOnce) {
  const domain::Id a = NewCase(worker_, ThaiScript());
  const domain::Id b = NewCase(worker_, ThaiLatin());
  ASSERT_TRUE(matches().Decide(worker_, a, b, Decision(LinkDecision::kSame)).ok());
  EXPECT_EQ(matches().Decide(worker_, a, b, Decision(LinkDecision::kDifferent)).status().code(),
            Code::kAlreadyExists);
  EXPECT_EQ(matches().Decide(supervisor_, b, a, Decision(LinkDecision::kSame)).status().code(),
            Code::kAlreadyExists)
      << "the other way round is the same pair";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM person_links"), 1);
}

TEST_P(MatchServiceTest, AStaleVersionIsAConflictAndWritesNothing) {
  const domain::Id a = NewCase(worker_, ThaiScript());
  const domain::Id b = NewCase(worker_, ThaiLatin());
  auto link = matches().Decide(worker_, a, b, Decision(LinkDecision::kSame, "first"));
  ASSERT_TRUE(link.ok());
  const domain::Id id = link->link.id;
  ASSERT_TRUE(matches().ChangeDecision(supervisor_, b, id, 1, Decision(LinkDecision::kDifferent, "second")).ok());
  const int64_t audit = Count("SELECT COUNT(*) FROM audit_log");

  auto stale = matches().ChangeDecision(worker_, a, id, 1, Decision(LinkDecision::kSame, "third"));
  EXPECT_EQ(stale.status().code(), Code::kConflict);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log"), audit);
  auto links = matches().Links(worker_, a);
  ASSERT_TRUE(links.ok());
  ASSERT_EQ(links->size(), 1u);
  EXPECT_EQ(links->front().link.decision, LinkDecision::kDifferent);
  EXPECT_EQ(links->front().link.note, "second");
  EXPECT_EQ(links->front().link.stamp.version, 2);

  EXPECT_EQ(matches().ChangeDecision(worker_, a, id + 100, 2, Decision(LinkDecision::kSame)).status().code(),
            Code::kNotFound);
  const domain::Id unrelated = NewCase(worker_, Person("Malee", "Boonma", "1988-11-20", "TH"));
  EXPECT_EQ(matches().ChangeDecision(worker_, unrelated, id, 2, Decision(LinkDecision::kSame)).status().code(),
            Code::kNotFound)
      << "a link is reached only through one of its cases";
}

TEST_P(MatchServiceTest, ARoleThatOnlyReadsCasesMayNotDecide) {
  const domain::Id a = NewCase(worker_, ThaiScript());
  const domain::Id b = NewCase(worker_, ThaiLatin());
  // An organisation admin sees the organisation's cases but does not work them.
  auto seen = matches().ForCase(admin_, a);
  ASSERT_TRUE(seen.ok()) << seen.status().ToString();
  EXPECT_NE(Find(*seen, b), nullptr);
  EXPECT_EQ(matches().Decide(admin_, a, b, Decision(LinkDecision::kSame)).status().code(),
            Code::kPermissionDenied);
  auto link = matches().Decide(worker_, a, b, Decision(LinkDecision::kSame));
  ASSERT_TRUE(link.ok());
  EXPECT_EQ(matches().ChangeDecision(admin_, a, link->link.id, 1, Decision(LinkDecision::kDifferent)).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(matches().ForPerson(admin_, ThaiLatin()).status().code(), Code::kPermissionDenied)
      << "asking before recording someone is for those who open cases";
  EXPECT_EQ(Count("SELECT version FROM person_links"), 1);
}

TEST_P(MatchServiceTest, RefusedInputNamesTheFieldAndWritesNothing) {
  const domain::Id a = NewCase(worker_, ThaiScript());
  const domain::Id colleagues = NewCase(colleague_, ThaiLatin());
  const domain::Id other_org = NewCase(officer_, ThaiLatin());
  const int64_t audit = Count("SELECT COUNT(*) FROM audit_log");

  for (domain::Id invisible : {colleagues, other_org, domain::Id{999999}}) {
    auto r = matches().Decide(worker_, a, invisible, Decision(LinkDecision::kSame));
    EXPECT_EQ(r.status().code(), Code::kInvalidArgument) << invisible;
    EXPECT_EQ(r.status().field(), "other_case_id");
  }
  auto self = matches().Decide(worker_, a, a, Decision(LinkDecision::kSame));
  EXPECT_EQ(self.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(self.status().field(), "other_case_id");
  auto long_note = matches().Decide(supervisor_, a, colleagues,
                                    Decision(LinkDecision::kSame, std::string(domain::kMaxLinkNoteBytes + 1, 'x')));
  EXPECT_EQ(long_note.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(long_note.status().field(), "note");
  EXPECT_EQ(matches().Decide(officer_, a, other_org, Decision(LinkDecision::kSame)).status().code(),
            Code::kNotFound)
      << "the case asked about must be the actor's to open";

  domain::Person nameless = ThaiLatin();
  nameless.first_name = nameless.second_name = "";
  auto bad_person = matches().ForPerson(worker_, nameless);
  EXPECT_EQ(bad_person.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(bad_person.status().field(), "person.first_name");

  EXPECT_EQ(Count("SELECT COUNT(*) FROM person_links"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log"), audit);
  // The note at its limit is fine.
  EXPECT_TRUE(matches()
                  .Decide(supervisor_, a, colleagues,
                          Decision(LinkDecision::kSame, std::string(domain::kMaxLinkNoteBytes, 'x')))
                  .ok());
}

TEST_P(MatchServiceTest, EveryQueryAndDecisionIsAudited) {
  const domain::Id a = NewCase(worker_, ThaiScript());
  const domain::Id b = NewCase(worker_, ThaiLatin());
  ASSERT_TRUE(matches().ForPerson(worker_, ThaiLatin()).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'person.match' AND record_type = 'person' "
                  "AND detail LIKE 'shown %" + std::to_string(a) + "%'"),
            1);
  ASSERT_TRUE(matches().ForPerson(worker_, Person("Nobody", "Atall", "1950-01-01", "VN")).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'person.match' AND detail = 'shown none'"), 1);

  ASSERT_TRUE(matches().ForCase(worker_, a).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.match' AND record_id = '" +
                  std::to_string(a) + "' AND detail = 'shown " + std::to_string(b) + "'"),
            1);

  auto link = matches().Decide(worker_, a, b, Decision(LinkDecision::kSame, "same scar"));
  ASSERT_TRUE(link.ok());
  ASSERT_TRUE(matches().ChangeDecision(worker_, b, link->link.id, 1, Decision(LinkDecision::kDifferent)).ok());
  for (domain::Id id : {a, b}) {
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.person_link' AND record_type = 'case' "
                    "AND record_id = '" + std::to_string(id) + "'"),
              2)
        << "the decision and its change, on case " << id;
  }
  bool intact = false;
  Status read = store().Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(store::AuditVerdict v, tx.audit().Verify());
    intact = v.intact;
    return Status::Ok();
  });
  ASSERT_TRUE(read.ok()) << read.ToString();
  EXPECT_TRUE(intact);
}

TEST_P(MatchServiceTest, TheNoteIsSealedAtRest) {
  const domain::Id a = NewCase(worker_, ThaiScript());
  const domain::Id b = NewCase(worker_, ThaiLatin());
  const domain::Id c = NewCase(worker_, Person("Malee", "Boonma", "1988-11-20", "TH"));
  ASSERT_TRUE(matches().Decide(worker_, a, b, Decision(LinkDecision::kSame, "Siriphon showed the same scar")).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM person_links WHERE decision = 'same'"), 1);
  auto rows = raw().Query("SELECT note FROM person_links");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->at(0).Bytes(0).find("Siriphon"), std::string::npos);
  // Bound to its pair: moved to another pair, the note no longer opens.
  ASSERT_TRUE(raw().Exec("UPDATE person_links SET case_b = " + std::to_string(c)).ok());
  EXPECT_FALSE(matches().Links(worker_, a).ok());
}

INSTANTIATE_TEST_SUITE_P(Engines, MatchServiceTest, AllEngines(), EngineParamName);

}  // namespace
}  // namespace trm::store_test
