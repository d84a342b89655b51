#include "match/csv.h"

#include <gtest/gtest.h>

#include <sstream>

#include "match/record_csv.h"

namespace trm::match {
namespace {

TEST(CsvReaderTest, QuotesNewlinesAndLineNumbers) {
  std::istringstream in("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"multi\nline\", z \n last,1");
  CsvReader r(&in);
  std::vector<std::string> f;
  ASSERT_TRUE(*r.Next(&f));
  EXPECT_EQ(f, (std::vector<std::string>{"a", "b"}));
  ASSERT_TRUE(*r.Next(&f));
  EXPECT_EQ(f, (std::vector<std::string>{"x, y", "say \"hi\""}));
  EXPECT_EQ(r.line(), 2);
  ASSERT_TRUE(*r.Next(&f));
  EXPECT_EQ(f, (std::vector<std::string>{"multi\nline", "z"}));
  EXPECT_EQ(r.line(), 3);
  ASSERT_TRUE(*r.Next(&f));
  EXPECT_EQ(f, (std::vector<std::string>{"last", "1"}));
  EXPECT_EQ(r.line(), 5);
  EXPECT_FALSE(*r.Next(&f));
}

TEST(CsvReaderTest, MalformedQuotingIsAnErrorAndReadingGoesOn) {
  std::istringstream in("a\"b,c\n\"x\"y,z\nok,1\n\"open");
  CsvReader r(&in);
  std::vector<std::string> f;
  auto bad = r.Next(&f);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("line 1"), std::string::npos);
  bad = r.Next(&f);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("line 2"), std::string::npos);
  ASSERT_TRUE(*r.Next(&f));
  EXPECT_EQ(f, (std::vector<std::string>{"ok", "1"}));
  EXPECT_FALSE(r.Next(&f).ok());  // unterminated quote at the end
  EXPECT_FALSE(*r.Next(&f));
}

TEST(CsvEscapeTest, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvEscape("plain"), "plain");
  EXPECT_EQ(CsvEscape("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvEscape("say \"x\""), "\"say \"\"x\"\"\"");
}

TEST(RecordCsvTest, ReadsRecognisedColumnsAndReportsBadRows) {
  std::istringstream in(
      "ID, Full_Name ,birth_date,age,sex,notes\n"
      "1,สมชาย ใจดี,1990-05-17,,m,anything\n"
      "2,Somchai Jaidee,1990-13-01,,m,\n"  // bad month
      "3,Malee,,abc,f,\n"                  // bad age
      "1,Duplicate,,,,\n"                  // duplicate id
      ",No id,,,,\n"                       // empty id
      "4,Too,many,fields,here,x,y\n"       // wrong width
      "5,\"Srisuk, Malee\",1985,34,f,\n"
      "6,Bad \xFF utf8,,,,\n");
  auto set = ReadRecordsCsv(&in);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  ASSERT_EQ(set->records.size(), 2u);
  EXPECT_EQ(set->records[0].full_name, "สมชาย ใจดี");
  EXPECT_EQ(set->records[0].sex, "m");
  EXPECT_EQ(set->records[1].id, "5");
  EXPECT_EQ(set->records[1].full_name, "Srisuk, Malee");
  EXPECT_EQ(*set->records[1].age, 34);
  EXPECT_EQ(set->lines, (std::vector<int>{2, 8}));
  ASSERT_EQ(set->errors.size(), 6u);
  const int expected_lines[] = {3, 4, 5, 6, 7, 9};
  for (size_t i = 0; i < 6; ++i) EXPECT_EQ(set->errors[i].line, expected_lines[i]);
  EXPECT_NE(set->errors[0].reason.find("month"), std::string::npos);
  EXPECT_NE(set->errors[2].reason.find("duplicate id"), std::string::npos);
  EXPECT_NE(set->errors[4].reason.find("expected 6 fields, found 7"), std::string::npos);
  EXPECT_NE(set->errors[5].reason.find("UTF-8"), std::string::npos);
}

TEST(RecordCsvTest, HeaderProblemsAreFatal) {
  std::istringstream no_id("name,birth_date\nx,1990\n");
  EXPECT_FALSE(ReadRecordsCsv(&no_id).ok());
  std::istringstream twice("id,sex,SEX\n1,m,f\n");
  EXPECT_FALSE(ReadRecordsCsv(&twice).ok());
  std::istringstream empty("");
  EXPECT_FALSE(ReadRecordsCsv(&empty).ok());
}

}  // namespace
}  // namespace trm::match
