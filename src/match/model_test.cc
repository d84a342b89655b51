#include "match/model.h"

#include <gtest/gtest.h>

#include <cmath>

#include "match/test_data.h"

namespace trm::match {
namespace {

TEST(ModelTest, WeightsAreLogLikelihoodRatios) {
  Model m = Model::Default();
  const int f = static_cast<int>(Field::kSex);
  EXPECT_NEAR(m.Weight(f, simple_level::kSame), std::log2(0.97 / 0.5), 1e-9);
  EXPECT_NEAR(m.Weight(f, simple_level::kDifferent), std::log2(0.03 / 0.5), 1e-9);
  EXPECT_EQ(m.Weight(f, simple_level::kNull), 0.0);
}

TEST(ModelTest, SerializeParseRoundTrip) {
  Model m = Model::Default();
  m.SetPrior(0.00123);
  m.SetThresholds(0.9, 0.4);
  auto parsed = Model::Parse(m.Serialize());
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_NEAR(parsed->prior(), 0.00123, 1e-12);
  EXPECT_DOUBLE_EQ(parsed->threshold_same(), 0.9);
  for (int f = 0; f < kFieldCount; ++f) {
    for (int l = 1; l < InfoOf(f).level_count; ++l) {
      EXPECT_NEAR(parsed->m(f, l), m.m(f, l), 1e-9);
      EXPECT_NEAR(parsed->u(f, l), m.u(f, l), 1e-9);
    }
  }
}

TEST(ModelTest, ParseRejectsBadInput) {
  EXPECT_FALSE(Model::Parse("prior\t2\n").ok());
  EXPECT_FALSE(Model::Parse("level\tname\tnope\t0.5\t0.5\n").ok());
  EXPECT_FALSE(Model::Parse("level\tshoe_size\texact\t0.5\t0.5\n").ok());
  EXPECT_FALSE(Model::Parse("threshold_same\t0.3\nthreshold_review\t0.5\n").ok());
  EXPECT_FALSE(Model::Parse("what\n").ok());
}

TEST(ModelTest, ExplanationAddsUpAndDecides) {
  Model m = Model::Default();
  ComparisonVector v;
  v.level[static_cast<int>(Field::kName)] = name_level::kRomanized;
  v.level[static_cast<int>(Field::kBirthDate)] = date_level::kExact;
  v.level[static_cast<int>(Field::kSex)] = simple_level::kSame;
  PreparedName name;
  const Explanation e = m.Explain(v, name, name, nullptr);
  double sum = e.prior_weight;
  for (const FieldContribution& c : e.fields) sum += c.weight + c.tf_adjustment;
  EXPECT_NEAR(sum, e.total_weight, 1e-9);
  EXPECT_NEAR(e.total_weight, m.ScoreWeight(v, name, name, nullptr), 1e-9);
  EXPECT_EQ(e.decision, m.Decide(e.probability));
  EXPECT_NE(e.ToString().find("name: romanised_exact"), std::string::npos);
}

TEST(ModelTest, CommonNamesWeighLessThanRareOnes) {
  const Preparer& p = testing::SharedPreparer();
  auto name = [&](const char* s) {
    Record r;
    r.full_name = s;
    return p.Prepare(r)->name;
  };
  TermFrequencies tf;
  for (int i = 0; i < 200; ++i) tf.Add(name("Nguyen An"));
  tf.Add(name("Xaysomphou Keo"));
  for (int i = 0; i < 99; ++i) tf.Add(name(("Other" + std::to_string(i) + " Person").c_str()));
  Model m = Model::Default();
  ComparisonVector v;
  v.level[static_cast<int>(Field::kName)] = name_level::kRomanized;
  const double common = m.ScoreWeight(v, name("Nguyen An"), name("Nguyen An"), &tf);
  const double rare = m.ScoreWeight(v, name("Xaysomphou Keo"), name("Xaysomphou Keo"), &tf);
  EXPECT_GT(rare, common);
  // Removing what was added leaves the counts as they were.
  tf.Add(name("Nguyen An"));
  tf.Remove(name("Nguyen An"));
  EXPECT_EQ(tf.NameCount(name("Nguyen An").bag_hash), 200u);
  v.level[static_cast<int>(Field::kName)] = name_level::kPartial;
  v.name_exact_a = v.name_exact_b = 1;  // only the first token agreed
  EXPECT_GT(m.ScoreWeight(v, name("Xaysomphou Keo"), name("Xaysomphou Keo"), &tf),
            m.ScoreWeight(v, name("Nguyen An"), name("Nguyen An"), &tf));
}

TEST(ModelTest, ProbabilityIsLogistic) {
  EXPECT_DOUBLE_EQ(Model::Probability(0), 0.5);
  EXPECT_NEAR(Model::Probability(10), 1024.0 / 1025.0, 1e-12);
  EXPECT_EQ(Model::Probability(100), 1.0);
  EXPECT_EQ(Model::Probability(-100), 0.0);
}

}  // namespace
}  // namespace trm::match
