#include "match/batch_cli.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "match/model.h"
#include "match/test_data.h"

namespace trm::match {
namespace {

class BatchCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/trm_match_cli_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    for (const std::string& f : files_) std::remove(f.c_str());
    rmdir(dir_.c_str());
  }
  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path) << text;
    files_.push_back(path);
    return path;
  }
  int Run(std::vector<std::string> args) {
    out_.str("");
    err_.str("");
    args.push_back("--data-dir");
    args.push_back(testing::DataDir());
    args.push_back("--reference-year");
    args.push_back("2025");
    return RunMatchCommand(args, out_, err_);
  }

  std::string dir_;
  std::vector<std::string> files_;
  std::ostringstream out_, err_;
};

constexpr char kPeople[] =
    "id,full_name,birth_date,sex,document_number\n"
    "p1,สมชาย ใจดี,1990-05-17,m,TH123456\n"
    "p2,Somchai Jaidee,1990-05-17,m,TH123456\n"
    "p3,Malee Srisuk,1970-01-01,f,\n"
    "p4,王小明,1985-02-01,m,\n"
    "p5,Wang Xiaoming,1985-02-01,m,\n";

TEST_F(BatchCliTest, DedupeWritesClusters) {
  const std::string model = Write("model.tsv", Model::Default().Serialize());
  const std::string in = Write("people.csv", kPeople);
  ASSERT_EQ(Run({"dedupe", in, "--model", model}), 0) << err_.str();
  EXPECT_EQ(out_.str(), "id,cluster_id\np1,p1\np2,p1\np3,p3\np4,p4\np5,p4\n");
}

TEST_F(BatchCliTest, DedupeReportsAndSkipsBadRows) {
  const std::string model = Write("model.tsv", Model::Default().Serialize());
  const std::string in = Write("bad.csv", std::string(kPeople) +
                                              "p6,Someone,1990-02-30,m,\n"
                                              "p7,Other,,martian,\n");
  EXPECT_EQ(Run({"dedupe", in, "--model", model}), 3);
  EXPECT_NE(err_.str().find("bad.csv:7: day out of range"), std::string::npos) << err_.str();
  EXPECT_NE(err_.str().find("bad.csv:8: unrecognised sex value"), std::string::npos) << err_.str();
  EXPECT_EQ(out_.str().find("p6"), std::string::npos);
}

TEST_F(BatchCliTest, LinkWritesScoredPairsAndRespectsDecisions) {
  const std::string model = Write("model.tsv", Model::Default().Serialize());
  const std::string a = Write("a.csv",
                              "id,given_name,family_name,birth_date\n"
                              "a1,Somchai,Jaidee,1990-05-17\n"
                              "a2,Malee,Srisuk,1970-01-01\n");
  const std::string b = Write("b.csv",
                              "id,full_name,birth_date\n"
                              "b1,สมชาย ใจดี,1990-05-17\n"
                              "b2,มาลี ศรีสุข,1970-01-01\n");
  const std::string decisions = Write("d.csv", "a_id,b_id,decision\na2,b2,different\n");
  ASSERT_EQ(Run({"link", a, b, "--model", model, "--decisions", decisions}), 0) << err_.str();
  std::istringstream lines(out_.str());
  std::string header, row, extra;
  std::getline(lines, header);
  std::getline(lines, row);
  EXPECT_EQ(header, "a_id,b_id,score,decision");
  EXPECT_EQ(row.rfind("a1,b1,", 0), 0u) << out_.str();
  EXPECT_NE(row.find(",same"), std::string::npos);
  EXPECT_FALSE(std::getline(lines, extra)) << out_.str();
}

TEST_F(BatchCliTest, UsageAndFileErrors) {
  EXPECT_EQ(Run({}), 2);
  EXPECT_EQ(Run({"dedupe"}), 2);
  EXPECT_EQ(Run({"frobnicate", "x.csv"}), 2);
  EXPECT_EQ(Run({"dedupe", "x.csv", "--threads", "zero"}), 2);
  EXPECT_EQ(Run({"dedupe", dir_ + "/missing.csv"}), 1);
  const std::string no_id = Write("noid.csv", "name\nx\n");
  EXPECT_EQ(Run({"dedupe", no_id}), 1);
  EXPECT_NE(err_.str().find("no id column"), std::string::npos);
  std::ostringstream out, err;
  EXPECT_EQ(RunMatchCommand({"help"}, out, err), 0);
  EXPECT_NE(out.str().find("usage"), std::string::npos);
}

TEST_F(BatchCliTest, TrainsWhenNoModelIsGiven) {
  std::string csv = "id,full_name,birth_date\n";
  for (int i = 0; i < 60; ++i) {
    const std::string n = std::to_string(i);
    csv += "x" + n + ",Person" + n + " Family" + n + ",19" + std::to_string(50 + i % 40) + "-0" +
           std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) + "\n";
    csv += "y" + n + ",Persn" + n + " Family" + n + ",19" + std::to_string(50 + i % 40) + "-0" +
           std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) + "\n";
  }
  const std::string in = Write("many.csv", csv);
  const std::string saved = dir_ + "/saved.tsv";
  files_.push_back(saved);
  ASSERT_EQ(Run({"dedupe", in, "--save-model", saved, "--report"}), 0) << err_.str();
  EXPECT_NE(err_.str().find("EM blocked on"), std::string::npos);
  EXPECT_TRUE(Model::Load(saved).ok());
}

TEST_F(BatchCliTest, EncodeAndLinkEncodingsWithoutPlaintext) {
  const std::string key = Write("key", "a shared secret of at least thirty-two bytes!");
  const std::string a = Write("a.csv",
                              "id,full_name,birth_date,sex\n"
                              "a1,Somchai Jaidee,1990-05-17,m\n"
                              "a2,Malee Srisuk,1970-01-01,f\n");
  const std::string b = Write("b.csv",
                              "id,full_name,birth_date,sex\n"
                              "b1,สมชาย ใจดี,1990-05-17,m\n"
                              "b2,王小明,1985-02-01,m\n");
  ASSERT_EQ(Run({"encode", a, "--key-file", key}), 0) << err_.str();
  const std::string ea = Write("a.clk", out_.str());
  for (const char* plain : {"Somchai", "somchai", "Jaidee", "1990", "Malee", "Srisuk"}) {
    EXPECT_EQ(out_.str().find(plain), std::string::npos) << plain;
  }
  ASSERT_EQ(Run({"encode", b, "--key-file", key}), 0) << err_.str();
  const std::string eb = Write("b.clk", out_.str());
  ASSERT_EQ(Run({"link-encoded", ea, eb, "--all-pairs", "--one-to-one"}), 0) << err_.str();
  EXPECT_EQ(out_.str().rfind("a_id,b_id,dice\na1,b1,", 0), 0u) << out_.str();
  EXPECT_EQ(out_.str().find("a2"), std::string::npos) << out_.str();

  const std::string other = Write("other", "another secret of at least thirty-two bytes!!");
  ASSERT_EQ(Run({"encode", b, "--key-file", other}), 0);
  const std::string eb2 = Write("b2.clk", out_.str());
  EXPECT_EQ(Run({"link-encoded", ea, eb2}), 1);
  EXPECT_NE(err_.str().find("different keys"), std::string::npos);
  EXPECT_EQ(Run({"encode", a}), 2);  // no key
}

}  // namespace
}  // namespace trm::match
