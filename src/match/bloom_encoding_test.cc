#include "match/bloom_encoding.h"

#include <gtest/gtest.h>

#include <sstream>

#include "match/dice_kernel.h"
#include "match/encoded_linkage.h"
#include "match/encoding_file.h"
#include "match/random.h"
#include "match/test_data.h"

namespace trm::match {
namespace {

const std::string kKey = "0123456789abcdef0123456789abcdef-node-key";
const std::string kOtherKey = "fedcba9876543210fedcba9876543210-other";

PreparedRecord Prep(const std::string& name, const std::string& dob, const std::string& doc = "") {
  Record r;
  r.full_name = name;
  r.birth_date = dob;
  r.document_number = doc;
  r.place = "Chiang Mai";
  r.sex = "f";
  return *testing::SharedPreparer().Prepare(r);
}

TEST(BloomEncodingTest, SameInputSameBitsUnderOneKeyOnly) {
  auto e1 = BloomEncoder::Create(kKey);
  auto e2 = BloomEncoder::Create(kKey);
  auto other = BloomEncoder::Create(kOtherKey);
  ASSERT_TRUE(e1.ok() && e2.ok() && other.ok());
  const PreparedRecord r = Prep("Somchai Jaidee", "1990-05-17");
  EXPECT_EQ(e1->Encode(r), e2->Encode(r));
  EXPECT_EQ(e1->Fingerprint(), e2->Fingerprint());
  EXPECT_NE(e1->Encode(r), other->Encode(r));
  EXPECT_NE(e1->Fingerprint(), other->Fingerprint());
  EXPECT_LT(Dice(e1->Encode(r), other->Encode(r)), 0.6);
  EXPECT_FALSE(BloomEncoder::Create("short").ok());
}

TEST(BloomEncodingTest, DiceFollowsSimilarity) {
  auto enc = BloomEncoder::Create(kKey);
  const Encoding a = enc->Encode(Prep("สมชาย ใจดี", "1990-05-17"));
  const Encoding b = enc->Encode(Prep("Somchai Jaidee", "1990-05-17"));
  const Encoding c = enc->Encode(Prep("Malee Srisuk", "1971-02-03"));
  EXPECT_DOUBLE_EQ(Dice(a, a), 1.0);
  EXPECT_GT(Dice(a, b), 0.75);
  EXPECT_LT(Dice(a, c), 0.6);
  EXPECT_GT(Dice(a, b), Dice(a, c) + 0.2);
}

TEST(BloomEncodingTest, BalancedHasConstantWeightAndSaltingSeparatesYears) {
  auto balanced = BloomEncoder::Create(kKey, {.balanced = true});
  EXPECT_EQ(balanced->Encode(Prep("Somchai Jaidee", "1990-05-17")).Popcount(), 512);
  EXPECT_EQ(balanced->Encode(Prep("A", "")).Popcount(), 512);
  auto salted = BloomEncoder::Create(kKey, {.salt_birth_year = true});
  const double same_year = Dice(salted->Encode(Prep("Somchai Jaidee", "1990-05-17")),
                                salted->Encode(Prep("Somchai Jaidee", "1990-06-01")));
  const double other_year = Dice(salted->Encode(Prep("Somchai Jaidee", "1990-05-17")),
                                 salted->Encode(Prep("Somchai Jaidee", "1991-05-17")));
  EXPECT_GT(same_year, 0.8);
  EXPECT_LT(other_year, 0.6);
}

TEST(EncodingFileTest, NoPlaintextAndRoundTrip) {
  auto enc = BloomEncoder::Create(kKey);
  const PreparedRecord r = Prep("Somchai Jaidee", "1990-05-17", "AB1234567");
  std::stringstream file;
  ASSERT_TRUE(WriteEncodings(&file, *enc, {"rec-1"}, {enc->Encode(r)}).ok());
  const std::string text = file.str();
  for (const char* secret :
       {"somchai", "Somchai", "jaidee", "1990", "AB1234567", "chiang", "ab1234567"}) {
    EXPECT_EQ(text.find(secret), std::string::npos) << secret;
  }
  auto read = ReadEncodings(&file);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->ids, std::vector<std::string>{"rec-1"});
  EXPECT_EQ(read->fingerprint, enc->Fingerprint());
  ASSERT_EQ(read->store.size(), 1u);
  const Encoding expected = enc->Encode(r);
  EXPECT_TRUE(std::equal(expected.words.begin(), expected.words.end(), read->store.words(0)));
  std::istringstream bad("trm-clk v1 bits=1024 fingerprint=00\nx,notbase64\n");
  auto err = ReadEncodings(&bad);
  ASSERT_FALSE(err.ok());
  EXPECT_NE(err.status().message().find("line 2"), std::string::npos);
  EXPECT_FALSE(WriteEncodings(&file, *enc, {"a,b"}, {enc->Encode(r)}).ok());
}

TEST(DiceKernelTest, VectorKernelAgreesWithScalarDice) {
  SplitMix64 rng(3);
  EncodingStore store;
  std::vector<Encoding> all;
  for (int i = 0; i < 37; ++i) {  // not a multiple of 8: exercises the tail
    Encoding e;
    for (auto& w : e.words) w = rng.Next() & rng.Next();
    all.push_back(e);
    store.Add(e);
  }
  std::vector<float> out(all.size());
  DiceRange(all[5], store, 0, all.size(), out.data());
  uint64_t total = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_NEAR(out[i], Dice(all[5], all[i]), 1e-6) << i;
    total += all[i].Popcount();
  }
  EXPECT_EQ(PopcountAll(store), total);
  std::vector<std::pair<uint32_t, float>> hits;
  DiceAbove(all[5], store, 0, all.size(), 0.999f, &hits);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].first, 5u);
  const uint32_t pick[] = {5, 36, 0};
  float some[3];
  DiceCandidates(all[5], store, pick, 3, some);
  EXPECT_FLOAT_EQ(some[0], 1.0f);
  EXPECT_NEAR(some[1], Dice(all[5], all[36]), 1e-6);
}

TEST(EncodedLinkageTest, LinksTheSamePeopleWithAndWithoutBlocking) {
  auto enc = BloomEncoder::Create(kKey);
  const std::vector<std::pair<std::string, std::string>> people = {
      {"Somchai Jaidee", "1990-05-17"}, {"Malee Srisuk", "1971-02-03"},
      {"Wang Xiaoming", "1985-02-01"},  {"Aung San Suu Kyi", "1945-06-19"},
      {"Sokha Heng", "1999-12-30"},     {"Nguyen Van An", "1960-01-01"}};
  const std::vector<std::pair<std::string, std::string>> written = {
      {"สมชาย ใจดี", "1990-05-17"},   {"มาลี ศรีสุข", "1971-02-03"}, {"王小明", "1985-02-01"},
      {"အောင်ဆန်းစုကြည်", "1945-06-19"}, {"សុខា ហេង", "1999-12-30"},  {"Nguyễn Văn An", "1960-01-01"}};
  EncodingStore a, b;
  for (const auto& [n, d] : people) a.Add(enc->Encode(Prep(n, d)));
  for (const auto& [n, d] : written) b.Add(enc->Encode(Prep(n, d)));
  const LshOptions lsh_options;
  for (const LshOptions* lsh : {static_cast<const LshOptions*>(nullptr), &lsh_options}) {
    EncodedLinkStats stats;
    const auto links = LinkEncodings(a, b, 0.7f, lsh, true, 2, &stats);
    size_t right = 0;
    for (const EncodedLink& l : links) right += l.a == l.b;
    EXPECT_GE(right, 5u) << (lsh ? "lsh" : "all pairs");
    EXPECT_EQ(right, links.size());
  }
}

}  // namespace
}  // namespace trm::match
