// The catch-up of the matching indexes (service/change_watermark.h): every
// changed row reaches the index, however many share one millisecond.
#include <gtest/gtest.h>

#include <set>

#include "service/change_watermark.h"
#include "store/tests/app_fixture.h"

namespace trm::store_test {
namespace {

using domain::Role;

class ChangeWatermarkTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    worker_ = AddUser(AddOrg("Shelter", "TH"), "worker", Role::kCaseWorker);
  }

  domain::Case Create() {
    auto v = app().cases().Create(worker_, {SomePerson(), std::nullopt});
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? v->c : domain::Case{};
  }

  // The ids one catch-up hands to the index.
  std::set<domain::Id> CatchUp(service::ChangeWatermark& watermark) {
    std::set<domain::Id> seen;
    Status s = watermark.CatchUp(
        store(),
        [](store::Tx& tx, Millis since, domain::Id after_id, int limit) {
          return tx.cases().ChangedSince(since, after_id, limit);
        },
        [&](const domain::Case& c) { seen.insert(c.id); });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return seen;
  }

  service::Actor worker_;
};

TEST_P(ChangeWatermarkTest, ReadsEveryRowOfAMillisecondLargerThanABatch) {
  // The clock stands still: seven cases changed in one millisecond, read
  // three at a time.
  std::set<domain::Id> created;
  for (int i = 0; i < 7; ++i) created.insert(Create().id);
  service::ChangeWatermark watermark(3);
  EXPECT_EQ(CatchUp(watermark), created);
}

TEST_P(ChangeWatermarkTest, ALaterCatchUpReadsWhatChangedSince) {
  std::set<domain::Id> first;
  for (int i = 0; i < 4; ++i) first.insert(Create().id);
  service::ChangeWatermark watermark(3);
  ASSERT_EQ(CatchUp(watermark), first);
  clock().Advance(1000);
  domain::Case late = Create();
  ASSERT_TRUE(app().cases().Close(worker_, *first.begin(), 1, "moved on").ok());
  // The new case and the closed one, with the rows of the millisecond last
  // seen read again (one more change might have landed in it).
  std::set<domain::Id> second = first;
  second.insert(late.id);
  EXPECT_EQ(CatchUp(watermark), second);
  // Nothing changed since: only the rows at the newest millisecond, the
  // closed case and the new one, are read again.
  EXPECT_EQ(CatchUp(watermark), (std::set<domain::Id>{*first.begin(), late.id}));
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Engines, ChangeWatermarkTest, AllEngines(), EngineParamName);

}  // namespace trm::store_test
