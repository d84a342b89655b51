#include "match/em.h"

#include <gtest/gtest.h>

#include "match/random.h"

namespace trm::match {
namespace {

// Draws comparison vectors from a known model (lambda, m, u for name, birth
// date and document), then checks that EM recovers m and lambda.
TEST(EmTest, RecoversKnownParameters) {
  const double lambda = 0.2;
  struct Truth {
    Field field;
    std::vector<double> m, u;  // over levels 1..n-1
  };
  const Truth truth[] = {
      {Field::kName,
       {0.5, 0.2, 0.1, 0.05, 0.05, 0.04, 0.04, 0.02},
       {0.001, 0.001, 0.002, 0.006, 0.01, 0.02, 0.1, 0.86}},
      {Field::kBirthDate,
       {0.7, 0.02, 0.1, 0.05, 0.05, 0.03, 0.03, 0.02},
       {0.001, 0.001, 0.004, 0.03, 0.06, 0.1, 0.1, 0.704}},
      {Field::kDocument, {0.8, 0.1, 0.1}, {0.001, 0.009, 0.99}},
  };
  auto draw = [](SplitMix64& rng, const std::vector<double>& p) {
    double x = rng.Unit();
    for (size_t l = 0; l < p.size(); ++l) {
      if ((x -= p[l]) < 0) return static_cast<uint8_t>(l + 1);
    }
    return static_cast<uint8_t>(p.size());
  };
  SplitMix64 rng(7);
  PatternCounter counter;
  for (int n = 0; n < 200000; ++n) {
    const bool match = rng.Unit() < lambda;
    ComparisonVector v;
    for (const Truth& t : truth) {
      v.level[static_cast<int>(t.field)] = draw(rng, match ? t.m : t.u);
    }
    counter.Add(v);
  }
  Model model = Model::Default();
  for (const Truth& t : truth) {
    for (size_t l = 0; l < t.u.size(); ++l) {
      model.SetU(static_cast<int>(t.field), static_cast<int>(l + 1), t.u[l]);
    }
  }
  EmOptions options;
  options.fix_u = true;
  const EmResult r = RunEm(counter.Patterns(), options, 0.5, &model);
  EXPECT_TRUE(r.converged);
  EXPECT_NEAR(r.lambda, lambda, 0.01);
  for (const Truth& t : truth) {
    for (size_t l = 0; l < t.m.size(); ++l) {
      EXPECT_NEAR(model.m(static_cast<int>(t.field), static_cast<int>(l + 1)), t.m[l], 0.02)
          << InfoOf(t.field).name << " level " << l + 1;
    }
  }

  // With u free as well, both are recovered from the same data.
  Model free_model = Model::Default();
  options.fix_u = false;
  const EmResult r2 = RunEm(counter.Patterns(), options, 0.5, &free_model);
  EXPECT_NEAR(r2.lambda, lambda, 0.02);
  EXPECT_NEAR(free_model.u(static_cast<int>(Field::kDocument), id_level::kDifferent), 0.99, 0.02);
  EXPECT_NEAR(free_model.m(static_cast<int>(Field::kDocument), id_level::kExact), 0.8, 0.03);
}

TEST(EmTest, ExcludedFieldsKeepTheirValues) {
  PatternCounter counter;
  ComparisonVector v;
  v.level[static_cast<int>(Field::kName)] = name_level::kExact;
  v.level[static_cast<int>(Field::kSex)] = simple_level::kSame;
  counter.Add(v, 100);
  v.level[static_cast<int>(Field::kName)] = name_level::kDifferent;
  v.level[static_cast<int>(Field::kSex)] = simple_level::kDifferent;
  counter.Add(v, 900);
  Model model = Model::Default();
  const double before = model.m(static_cast<int>(Field::kName), name_level::kExact);
  EmOptions options;
  options.excluded[static_cast<int>(Field::kName)] = true;
  RunEm(counter.Patterns(), options, 0.3, &model);
  EXPECT_DOUBLE_EQ(model.m(static_cast<int>(Field::kName), name_level::kExact), before);
}

TEST(PatternCounterTest, CountsAndMerges) {
  PatternCounter a, b;
  ComparisonVector v;
  v.level[0] = 3;
  for (int i = 0; i < 5000; ++i) a.Add(v);
  v.level[1] = 2;
  b.Add(v, 2.5);
  a.Merge(b);
  const auto patterns = a.Patterns();
  ASSERT_EQ(patterns.size(), 2u);
  EXPECT_DOUBLE_EQ(a.total(), 5002.5);
}

}  // namespace
}  // namespace trm::match
