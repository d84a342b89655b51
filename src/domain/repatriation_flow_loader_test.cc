#include "domain/repatriation_flow_loader.h"

#include <unistd.h>

#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "domain/indicator_test_data.h"
#include "domain/line_file_testing.h"

namespace trm::domain {
namespace {

// A small valid flow; tests below break one line of it at a time.
constexpr std::string_view kToy =
    "flow: toy\n"                                          // 1
    "destination: TH\n"                                    // 2
    "origin: KH\n"                                         // 3
    "title: Toy flow\n"                                    // 4
    "  km: លំហូរសាកល្បង\n"                                 // 5
    "languages: en km\n"                                   // 6
    "step: consent | destination | 7 | Consent to return\n"  // 7
    "  km: ការយល់ព្រម\n"                                    // 8
    "document: form | Consent form\n"                      // 9
    "  km: លិខិតយល់ព្រម\n"                                   // 10
    "step: tracing | origin | 30 | Family tracing\n"       // 11
    "  km: ការស្វែងរកគ្រួសារ\n"                               // 12
    "step: verify | origin | 30 | Nationality verification\n"  // 13
    "  km: ការផ្ទៀងផ្ទាត់សញ្ជាតិ\n"                             // 14
    "after: consent\n"                                     // 15
    "step: handover | both | 2 | Handover\n"               // 16
    "  km: ការប្រគល់\n"                                      // 17
    "after: tracing, verify\n"                             // 18
    "records: handover\n";                                 // 19

using testing::Replace;

// Expects `text` to be rejected as "t.txt:<line>: ..." with `reason` in it.
void ExpectRejected(std::string_view text, int line, std::string_view reason) {
  testing::ExpectLineError(ParseRepatriationFlow(text, "t.txt").status(), "t.txt", line, reason);
}

TEST(RepatriationFlowLoader, ReadsAFlow) {
  auto r = ParseRepatriationFlow(kToy, "toy.txt");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const RepatriationFlow& f = *r;
  EXPECT_EQ(f.id, "toy");
  EXPECT_EQ(f.destination, "TH");
  EXPECT_EQ(f.origin, "KH");
  EXPECT_EQ(f.title.In("km"), "លំហូរសាកល្បង");
  ASSERT_EQ(f.steps.size(), 4u);
  EXPECT_EQ(f.steps[0].side, RepatriationSide::kDestination);
  EXPECT_EQ(f.steps[0].expected_days, 7);
  EXPECT_TRUE(f.steps[0].after.empty()) << "the first step waits for nothing";
  ASSERT_EQ(f.steps[0].documents.size(), 1u);
  EXPECT_EQ(f.steps[0].documents[0].label.In("km"), "លិខិតយល់ព្រម");
  EXPECT_EQ(f.steps[1].after, std::vector<std::string>{"consent"}) << "by default the step before";
  EXPECT_EQ(f.steps[2].after, std::vector<std::string>{"consent"});
  EXPECT_EQ(f.steps[3].after, (std::vector<std::string>{"tracing", "verify"}));
  EXPECT_EQ(f.steps[3].side, RepatriationSide::kBoth);
  EXPECT_TRUE(f.steps[3].records_handover);
  EXPECT_FALSE(f.steps[2].records_handover);
}

TEST(RepatriationFlowLoader, AcceptsCommentsCrlfAndAByteOrderMark) {
  std::string text = "\xEF\xBB\xBF# a comment\r\n" + Replace(kToy, "Toy flow", "Toy flow  # trailing");
  auto r = ParseRepatriationFlow(text, "t.txt");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->title.en, "Toy flow");
}

TEST(RepatriationFlowLoader, RejectsEachKindOfError) {
  ExpectRejected(Replace(kToy, "Family tracing", "Family \xC3\x28"), 11, "not valid UTF-8");
  ExpectRejected(Replace(kToy, "origin: KH", "origin KH"), 3, "expected 'keyword: value'");
  ExpectRejected(Replace(kToy, "records: handover", "colour: red"), 19, "unknown keyword 'colour'");
  ExpectRejected(Replace(kToy, "flow: toy", "flow: Toy_Flow"), 1, "flow id 'Toy_Flow'");
  ExpectRejected(Replace(kToy, "origin: KH", "origin: XX"), 3, "unknown country 'XX'");
  ExpectRejected(Replace(kToy, "origin: KH", "origin: TH"), 3, "the same country");
  ExpectRejected(Replace(kToy, "origin: KH\n", ""), 6, "missing header field 'origin:'");
  ExpectRejected(Replace(kToy, "languages: en km", "flow: again"), 6, "given twice (first on line 1)");
  ExpectRejected(Replace(kToy, "after: consent\n", "source: late\n"), 15, "is a header field");
  ExpectRejected(Replace(kToy, "languages: en km", "languages: en fr"), 6, "unknown language 'fr'");
  ExpectRejected(Replace(kToy, "| origin | 30 | Family tracing", "| home | 30 | Family tracing"), 11,
                 "unknown side 'home'");
  ExpectRejected(Replace(kToy, "| origin | 30 | Family tracing", "| origin | 0 | Family tracing"), 11,
                 "from 1 to 365");
  ExpectRejected(Replace(kToy, "| origin | 30 | Family tracing", "| origin | 400 | Family tracing"), 11,
                 "from 1 to 365");
  ExpectRejected(Replace(kToy, "| origin | 30 | Family tracing", "| origin | two | Family tracing"), 11,
                 "from 1 to 365");
  ExpectRejected(Replace(kToy, "tracing | origin | 30 | Family tracing", "tracing | origin | 30"), 11,
                 "expected 'step: <code>");
  ExpectRejected(Replace(kToy, "step: verify", "step: tracing"), 13, "duplicate step 'tracing' (first on line 11)");
  ExpectRejected(Replace(kToy, "| Family tracing", "|  "), 11, "empty label");
  ExpectRejected(Replace(kToy, "after: consent\n", "after: handover\n"), 15, "not an earlier step");
  ExpectRejected(Replace(kToy, "after: consent\n", "after: verify\n"), 15, "not an earlier step");
  ExpectRejected(Replace(kToy, "after: consent\n", "after: consent, consent\n"), 15, "named twice");
  ExpectRejected(Replace(kToy, "records: handover\n", "records: handover\nafter: none\n"), 20, "given twice");
  ExpectRejected(Replace(kToy, "languages: en km\n", "languages: en km\ndocument: x | X\n"), 7,
                 "belongs to a step");
  ExpectRejected(Replace(kToy, "document: form | Consent form", "document: form"), 9, "expected 'document:");
  ExpectRejected(Replace(kToy, "  km: លិខិតយល់ព្រម\n", "  km: លិខិតយល់ព្រម\ndocument: form | Again\n"), 11,
                 "listed twice");
  ExpectRejected(Replace(kToy, "records: handover", "records: tea"), 19, "unknown record 'tea'");
  ExpectRejected(Replace(kToy, "after: consent\n", "after: consent\nrecords: handover\n"), 20,
                 "already records it");
  ExpectRejected(Replace(kToy, "records: handover\n", ""), 18, "no handover step");
  ExpectRejected(Replace(kToy, "  km: ការយល់ព្រម\n", ""), 7, "step 'consent' has no 'km' label");
  ExpectRejected(Replace(kToy, "  km: លិខិតយល់ព្រម\n", ""), 9, "document 'form' has no 'km' label");
  ExpectRejected(Replace(kToy, "  km: លំហូរសាកល្បង\n", ""), 4, "the title has no 'km' label");
  ExpectRejected(Replace(kToy, "  km: ការយល់ព្រម\n", "  km: ការយល់ព្រម\n  km: again\n"), 9, "a second 'km' label");
  ExpectRejected(Replace(kToy, "records: handover\n", "records: handover\n  th: ไทย\n"), 20, "a translation follows");
  ExpectRejected(Replace(kToy, "  km: ការយល់ព្រម", "  en: Consent"), 8, "English label belongs");
  ExpectRejected("flow: toy\ndestination: TH\norigin: KH\ntitle: T\n", 4, "no steps");
  ExpectRejected("# nothing\n", 1, "missing header field 'flow:'");
}

class FlowDir : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/trm-flows-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, std::string_view text) { std::ofstream(dir_ / name) << text; }
  std::filesystem::path dir_;
};

TEST_F(FlowDir, LoadsEveryTxtFileInOrder) {
  Write("b.txt", Replace(Replace(kToy, "flow: toy", "flow: toy-la"), "origin: KH", "origin: LA"));
  Write("a.txt", kToy);
  Write("notes.md", "not a flow");
  auto flows = LoadRepatriationFlows(dir_);
  ASSERT_TRUE(flows.ok()) << flows.status().message();
  ASSERT_EQ(flows->size(), 2u);
  EXPECT_EQ((*flows)[0].id, "toy");
  EXPECT_EQ(FindFlow(*flows, "TH", "LA")->id, "toy-la");
  EXPECT_EQ(FindFlow(*flows, "KH", "TH"), nullptr) << "a flow has a direction";
}

TEST_F(FlowDir, RefusesTheSameIdOrPairTwiceAndAMalformedFile) {
  Write("a.txt", kToy);
  Write("b.txt", Replace(kToy, "flow: toy", "flow: other"));
  auto pair = LoadRepatriationFlows(dir_);
  ASSERT_FALSE(pair.ok());
  EXPECT_EQ(pair.status().message(), "b.txt: a flow from TH to KH is already defined in a.txt");
  Write("b.txt", Replace(kToy, "origin: KH", "origin: LA"));
  auto id = LoadRepatriationFlows(dir_);
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.status().message(), "b.txt: flow id 'toy' is already defined in a.txt");
  Write("b.txt", "flow toy\n");
  auto bad = LoadRepatriationFlows(dir_);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message().rfind("b.txt:1: ", 0), 0u) << bad.status().message();
  EXPECT_EQ(LoadRepatriationFlows(dir_ / "missing").status().code(), Code::kNotFound);
}

TEST(RepatriationFlowLoader, TheShippedFlowsLoad) {
  auto flows = LoadRepatriationFlows(testing::SourceDir() / "data" / "repatriation");
  ASSERT_TRUE(flows.ok()) << flows.status().message();
  for (const char* origin : {"KH", "LA", "MM", "VN"}) {
    const RepatriationFlow* f = FindFlow(*flows, "TH", origin);
    ASSERT_NE(f, nullptr) << origin;
    EXPECT_EQ(f->languages.size(), 7u) << origin;
  }
}

}  // namespace
}  // namespace trm::domain
