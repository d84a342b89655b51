// Cases in the store, on both engines: round trips in every script, encryption
// at rest, versioned updates, list scopes and paging.
#include <gtest/gtest.h>

#include "store/tests/app_fixture.h"

namespace trm::store_test {
namespace {

using domain::Case;
using domain::Id;

class CaseStoreTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    org_ = AddOrg("Shelter", "TH");
    other_org_ = AddOrg("Legal aid", "KH");
    worker_ = AddUser(org_, "worker", domain::Role::kCaseWorker);
    other_ = AddUser(org_, "other", domain::Role::kCaseWorker);
  }

  Id Insert(const std::string& ref, Id assignee, domain::CaseStatus status = domain::CaseStatus::kOpen) {
    Case c;
    c.reference = ref;
    c.status = status;
    c.owner_organisation_id = org_;
    c.assignee_id = assignee;
    c.team = {assignee};
    c.person = SomePerson();
    c.stamp = domain::Stamp{1, assignee, clock().Now(), assignee, clock().Now()};
    Id id = 0;
    Status s = store().Write([&](store::Tx& tx) -> Status {
      ASSIGN_OR_RETURN(id, tx.cases().Insert(c));
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    clock().Advance(1000);
    return id;
  }

  Result<Case> Get(Id id) {
    Result<Case> out = Status::Internal("unset");
    (void)store().Read([&](store::Tx& tx) -> Status {
      out = tx.cases().Get(id);
      return Status::Ok();
    });
    return out;
  }

  Id org_ = 0, other_org_ = 0;
  service::Actor worker_, other_;
};

TEST_P(CaseStoreTest, RoundTripsNamesInEveryScript) {
  const std::vector<std::pair<std::string, std::string>> names = {
      {"สมศรี", "ใจดี"}, {"ບຸນມີ", "ພົມມະຈັນ"}, {"အောင်ကျော်", ""},
      {"Hương", "Nguyễn"}, {"秀英", "王"}, {"Maria", "Santos"}};
  int i = 0;
  for (const auto& [first, second] : names) {
    Case c;
    c.reference = "C-0000-000" + std::to_string(i++);
    c.owner_organisation_id = org_;
    c.team = {worker_.user_id};
    c.person.first_name = first;
    c.person.second_name = second;
    Id id = 0;
    ASSERT_TRUE(store().Write([&](store::Tx& tx) -> Status {
      ASSIGN_OR_RETURN(id, tx.cases().Insert(c));
      return Status::Ok();
    }).ok());
    auto got = Get(id);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(got->person.first_name, first);
    EXPECT_EQ(got->person.second_name, second);
  }
}

TEST_P(CaseStoreTest, PersonIsCiphertextInTheDatabase) {
  Id id = Insert("C-AAAA-0001", worker_.user_id);
  auto rows = raw().Query("SELECT person FROM cases WHERE id = ?", {id});
  ASSERT_TRUE(rows.ok());
  const std::string& stored = rows->at(0).Bytes(0);
  EXPECT_EQ(stored.find("សុខា"), std::string::npos) << "name stored in plaintext";
  EXPECT_EQ(stored.find("1998-02-14"), std::string::npos) << "birth date stored in plaintext";
  EXPECT_EQ(stored.find("first_name"), std::string::npos) << "field names leak structure";
  auto got = Get(id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->person, SomePerson());
}

TEST_P(CaseStoreTest, CiphertextMovedToAnotherCaseFailsToDecrypt) {
  Id a = Insert("C-AAAA-0001", worker_.user_id);
  Id b = Insert("C-AAAA-0002", worker_.user_id);
  auto rows = raw().Query("SELECT person FROM cases WHERE id = ?", {a});
  ASSERT_TRUE(rows.ok());
  ASSERT_TRUE(raw().Exec("UPDATE cases SET person = ? WHERE id = ?",
                         {store::Blob{rows->at(0).Bytes(0)}, b}).ok());
  auto got = Get(b);
  EXPECT_FALSE(got.ok());
}

TEST_P(CaseStoreTest, StaleUpdateIsAConflictAndWritesNothing) {
  Id id = Insert("C-AAAA-0001", worker_.user_id);
  auto c = Get(id);
  ASSERT_TRUE(c.ok());
  Case first = *c, second = *c;
  first.person.first_name = "first writer";
  first.stamp.version = 2;
  second.person.first_name = "second writer";
  second.stamp.version = 2;
  ASSERT_TRUE(store().Write([&](store::Tx& tx) { return tx.cases().Update(first); }).ok());
  Status s = store().Write([&](store::Tx& tx) { return tx.cases().Update(second); });
  EXPECT_EQ(s.code(), Code::kConflict);
  auto after = Get(id);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->person.first_name, "first writer");
  EXPECT_EQ(after->stamp.version, 2);
}

TEST_P(CaseStoreTest, UpdateOfMissingCaseIsNotFound) {
  Case c;
  c.id = 4242;
  c.reference = "C-AAAA-0009";
  c.stamp.version = 2;
  Status s = store().Write([&](store::Tx& tx) { return tx.cases().Update(c); });
  EXPECT_EQ(s.code(), Code::kNotFound);
}

TEST_P(CaseStoreTest, DuplicateReferenceIsRejected) {
  Insert("C-AAAA-0001", worker_.user_id);
  Case c;
  c.reference = "C-AAAA-0001";
  c.owner_organisation_id = org_;
  c.person = SomePerson();
  Status s = store().Write([&](store::Tx& tx) { return tx.cases().Insert(c).status(); });
  EXPECT_EQ(s.code(), Code::kAlreadyExists);
}

TEST_P(CaseStoreTest, ListFollowsScopeFilterAndPaging) {
  for (int i = 0; i < 5; ++i) Insert("C-AAAA-000" + std::to_string(i), worker_.user_id);
  Insert("C-BBBB-0001", other_.user_id);
  Insert("C-BBBB-0002", other_.user_id, domain::CaseStatus::kClosed);

  auto list = [&](store::CaseScope scope, store::CaseFilter f) {
    store::CasePage page;
    EXPECT_TRUE(store().Read([&](store::Tx& tx) -> Status {
      ASSIGN_OR_RETURN(page, tx.cases().List(scope, f));
      return Status::Ok();
    }).ok());
    return page;
  };
  store::CaseScope team_only{worker_.user_id, org_, false, false};
  EXPECT_EQ(list(team_only, {}).total, 5);
  store::CaseScope whole{worker_.user_id, org_, true, false};
  EXPECT_EQ(list(whole, {}).total, 7);
  store::CaseFilter closed;
  closed.status = domain::CaseStatus::kClosed;
  EXPECT_EQ(list(whole, closed).total, 1);
  store::CaseFilter mine;
  mine.assignee_id = other_.user_id;
  EXPECT_EQ(list(whole, mine).total, 2);
  store::CaseFilter paged;
  paged.page = 2;
  paged.page_size = 3;
  auto page2 = list(whole, paged);
  EXPECT_EQ(page2.total, 7);
  EXPECT_EQ(page2.items.size(), 3u);
  store::CaseScope other_org{worker_.user_id, other_org_, true, false};
  other_org.user_id = 0;
  EXPECT_EQ(list(other_org, {}).total, 0);
  store::CaseScope none{worker_.user_id, org_, true, true};
  EXPECT_EQ(list(none, {}).total, 0);
}

TEST_P(CaseStoreTest, SharedCasesAreVisibleToTheOtherOrganisation) {
  Id id = Insert("C-AAAA-0001", worker_.user_id);
  ASSERT_TRUE(store().Write([&](store::Tx& tx) {
    return tx.cases().Share(id, other_org_, worker_.user_id, clock().Now());
  }).ok());
  store::CasePage page;
  ASSERT_TRUE(store().Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(page, tx.cases().List({0, other_org_, true, false}, {}));
    return Status::Ok();
  }).ok());
  EXPECT_EQ(page.total, 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, CaseStoreTest, AllEngines(), EngineParamName);

}  // namespace
}  // namespace trm::store_test
