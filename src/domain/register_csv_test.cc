// Reading CSV and import files, writing the export, and the import plan:
// which rows create, update or leave entries unchanged, and which are
// rejected with their line and reason.
#include "domain/register_csv.h"

#include <gtest/gtest.h>

#include "domain/register_import.h"

namespace trm::domain {
namespace {

constexpr const char* kHeader =
    "kind,role,names,country,phones,licence_numbers,status,status_date,source_kind,source_reference\n";

TEST(RegisterCsv, QuotesLineBreaksAndLineNumbers) {
  auto r = ParseCsv("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n\nlast,\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 4u);
  EXPECT_EQ((*r)[1].fields, (std::vector<std::string>{"x, y", "say \"hi\""}));
  EXPECT_EQ((*r)[2].line, 3);
  EXPECT_EQ((*r)[2].fields[0], "two\nlines");
  EXPECT_EQ((*r)[3].line, 6) << "the blank line 5 is skipped, not renumbered";
  EXPECT_EQ((*r)[3].fields, (std::vector<std::string>{"last", ""}));
  EXPECT_EQ(ParseCsv("a\n\"open\n").status().message(), "line 2: a quote is never closed");
  EXPECT_EQ(ParseCsv("a\n\"x\"y\n").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,\"b\""), "\"a,\"\"b\"\"\"");
}

TEST(RegisterCsv, TheFileAsAWholeNeedsAKnownHeaderAndRows) {
  auto field_error = [](const std::string& csv) { return ReadImportFile(csv, "import").status().message(); };
  EXPECT_EQ(field_error(""), "the file is empty; it needs a header line");
  EXPECT_EQ(field_error("kind,role,names,country,status,status_date,source_kind,source_reference,colour\n"),
            "line 1: unknown column 'colour'");
  EXPECT_EQ(field_error("kind,role,names,country,status,status_date,source_kind\n"),
            "line 1: the column 'source_reference' is missing");
  EXPECT_EQ(field_error("kind,kind,role,names,country,status,status_date,source_kind,source_reference\n"),
            "line 1: column 'kind' appears twice");
  EXPECT_EQ(field_error(kHeader), "the file has a header but no rows");
  EXPECT_EQ(ReadImportFile(kHeader, "x").status().field(), "csv");
}

TEST(RegisterCsv, EachBadRowHasItsLineAndReason) {
  const std::string csv = std::string(kHeader) +
                          "person,broker,Somchai Dee,TH,0812345678,,case_filed,2026-01-05,court,Court 1/2569\n"
                          "person,broker,Somchai Dee,TH,,,guilty,2026-01-05,court,Court 1/2569\n"
                          "person,boss,X,TH,,,case_filed,2026-01-05,court,C\n"
                          "person,broker,X,XX,,,case_filed,2026-01-05,court,C\n"
                          "person,broker,X,TH,,,case_filed,5 Jan 2026,court,C\n"
                          "person,broker,X,TH,not a phone,,case_filed,2026-01-05,court,C\n"
                          "person,broker,X,TH\n";
  auto rows = ReadImportFile(csv, "Thai court list, January");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 7u);
  EXPECT_TRUE((*rows)[0].error.ok()) << (*rows)[0].error.ToString();
  EXPECT_EQ((*rows)[0].entry.details.phones, std::vector<std::string>{"0812345678"});
  EXPECT_EQ((*rows)[0].reason, "Thai court list, January");
  struct Want {
    int line;
    const char* field;
  };
  const Want want[] = {{3, "status"}, {4, "role"}, {5, "country"}, {6, "status_date"}, {7, "phones[0]"}, {8, "csv"}};
  for (size_t i = 0; i < std::size(want); ++i) {
    const ImportRow& r = (*rows)[i + 1];
    EXPECT_EQ(r.line, want[i].line);
    EXPECT_EQ(r.error.code(), Code::kInvalidArgument) << "line " << r.line;
    EXPECT_EQ(r.error.field(), want[i].field) << "line " << r.line << ": " << r.error.message();
  }
}

RegisterEntry Stored(Id id, const char* name, RegisterStatus status, const char* licence = nullptr) {
  RegisterEntry e;
  e.id = id;
  e.kind = RegisterKind::kOrganisation;
  e.role = RegisterRole::kAgency;
  e.country = "TH";
  e.status = status;
  e.status_date = "2025-06-01";
  e.source = {SourceKind::kPublicList, "Department of Employment list 2025"};
  e.details.names = {name};
  if (licence) e.details.licence_numbers = {licence};
  return e;
}

TEST(RegisterImportPlan, CreatesUpdatesLeavesUnchangedAndRejects) {
  const std::vector<RegisterEntry> existing = {
      Stored(1, "Golden Star Recruitment Co., Ltd.", RegisterStatus::kCaseFiled, "LIC-0001"),
      Stored(2, "Blue Sea Manpower", RegisterStatus::kConvicted),
      Stored(3, "Rich Harvest Agency", RegisterStatus::kAllegedInReport),
      Stored(4, "Twin Agency", RegisterStatus::kCaseFiled),
      Stored(5, "Twin Agency", RegisterStatus::kCaseFiled),
  };
  const std::string csv =
      "id,kind,role,names,licence_numbers,phones,country,status,status_date,source_kind,source_reference\n"
      // 2: new
      ",organisation,agency,New Dawn Manpower,,,TH,alleged_in_report,2026-02-01,public_list,DoE list 2026\n"
      // 3: by licence number, convicted now
      ",organisation,agency,Golden Star Recruitment,lic 0001,+66 2 123 4567,TH,convicted,2026-02-01,court,Court 7/2569\n"
      // 4: by name, nothing new
      ",organisation,agency,BLUE SEA MANPOWER,,,TH,convicted,2025-06-01,public_list,DoE list 2025\n"
      // 5: by id, an impossible change
      "3,organisation,agency,Rich Harvest Agency,,,TH,convicted,2026-02-01,court,Court 8/2569\n"
      // 6: two entries of that name
      ",organisation,agency,Twin Agency,,,TH,convicted,2026-02-01,court,Court 9/2569\n"
      // 7: no such id
      "99,organisation,agency,Ghost,,,TH,convicted,2026-02-01,court,Court 9/2569\n"
      // 8: the same entry as line 3
      ",organisation,agency,Golden Star Recruitment Co Ltd,,,TH,convicted,2026-02-01,court,Court 7/2569\n"
      // 9: a new entry cannot start acquitted
      ",person,broker,Nobody Known,,,TH,acquitted,2026-02-01,court,Court 10/2569\n"
      // 10: the same new organisation as line 2
      ",organisation,agency,new dawn manpower,,,TH,alleged_in_report,2026-02-01,public_list,DoE list 2026\n";
  auto rows = ReadImportFile(csv, "DoE and court lists, February");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  const std::vector<ImportStep> plan = PlanImport(*rows, existing);
  ASSERT_EQ(plan.size(), 9u);
  using A = ImportAction;
  EXPECT_EQ(plan[0].action, A::kCreate);
  EXPECT_EQ(plan[1].action, A::kUpdate);
  EXPECT_EQ(plan[1].entry_id, 1);
  EXPECT_EQ(plan[1].matched_by, "licence_number");
  EXPECT_TRUE(plan[1].status_change);
  EXPECT_EQ(plan[1].result.status, RegisterStatus::kConvicted);
  EXPECT_EQ(plan[1].result.details.names.size(), 2u) << "the list's spelling is added, nothing removed";
  EXPECT_EQ(plan[1].result.details.licence_numbers, std::vector<std::string>{"LIC-0001"})
      << "lic 0001 is the same licence number";
  EXPECT_EQ(plan[1].result.details.phones, std::vector<std::string>{"+66 2 123 4567"});
  EXPECT_EQ(plan[2].action, A::kUnchanged);
  EXPECT_EQ(plan[2].entry_id, 2);
  EXPECT_EQ(plan[2].matched_by, "name");
  const std::pair<int, const char*> rejected[] = {{5, "status"}, {6, "names"}, {7, "id"},
                                                  {8, "names"},  {9, "status"}, {10, "names"}};
  for (size_t i = 0; i < std::size(rejected); ++i) {
    const ImportStep& s = plan[i + 3];
    EXPECT_EQ(s.line, rejected[i].first);
    EXPECT_EQ(s.action, A::kRejected) << "line " << s.line;
    EXPECT_EQ(s.error.field(), rejected[i].second) << "line " << s.line << ": " << s.error.message();
  }
  EXPECT_EQ(plan[3].error.code(), Code::kFailedPrecondition) << "an impossible status change";
  EXPECT_NE(plan[4].error.message().find("#4, #5"), std::string::npos) << plan[4].error.message();
}

TEST(RegisterExport, DetailsOnlyForThoseWhoMaySeeThem) {
  RegisterEntry e = Stored(7, "Golden Star, \"GS\"", RegisterStatus::kCaseFiled, "LIC-1");
  e.source = {SourceKind::kCase, "Police 12/2569"};
  e.details.phones = {"081 234 5678", "02 123 4567"};
  EXPECT_EQ(ExportHeader(),
            "id,kind,role,names,aliases,country,licence_numbers,addresses,phones,websites,handles,status,"
            "status_date,source_kind,source_reference,review_date,reason\r\n");
  EXPECT_EQ(ExportLine(e, true),
            "7,organisation,agency,\"Golden Star, \"\"GS\"\"\",,TH,LIC-1,,081 234 5678|02 123 4567,,,"
            "case_filed,2025-06-01,case,Police 12/2569,,\r\n");
  EXPECT_EQ(ExportLine(e, false), "7,organisation,agency,,,TH,,,,,,case_filed,2025-06-01,case,,,\r\n")
      << "no names, identifiers, or a case's reference";
  auto again = ReadImportFile(ExportHeader() + ExportLine(e, true), "round trip");
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE((*again)[0].error.ok()) << "an export imports again, except the reason it lacks: "
                                      << (*again)[0].error.ToString();
  EXPECT_EQ((*again)[0].entry.details.names, e.details.names);
}

}  // namespace
}  // namespace trm::domain
