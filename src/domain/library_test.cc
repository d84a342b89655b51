// The document library's rules: what a version must say, which files pass
// (by extension and by their first bytes), and how the list is filtered.
#include "domain/library.h"

#include <gtest/gtest.h>

#include <functional>

#include "domain/library_file.h"

namespace trm::domain {
namespace {

DocumentVersion Valid() {
  DocumentVersion v;
  v.language = "km";
  v.countries = {"KH", "TH"};
  v.organisations = {3, 7};
  v.effective_date = "2025-01-01";
  v.summary = "Who does what when a person is referred across the border.";
  return v;
}

TEST(LibraryValidation, NamesTheField) {
  EXPECT_TRUE(ValidateVersionDetails(DocumentKind::kMou, Valid()).ok());
  auto field = [](DocumentKind kind, auto change) {
    DocumentVersion v = Valid();
    change(v);
    return ValidateVersionDetails(kind, v).field();
  };
  const auto mou = DocumentKind::kMou, sop = DocumentKind::kSop;
  EXPECT_EQ(field(sop, [](auto& v) { v.language = "khm"; }), "language");
  EXPECT_EQ(field(sop, [](auto& v) { v.countries = {}; }), "countries");
  EXPECT_EQ(field(sop, [](auto& v) { v.countries = {"KH", "XX"}; }), "countries[1]");
  EXPECT_EQ(field(sop, [](auto& v) { v.countries = {"KH", "KH"}; }), "countries");
  EXPECT_EQ(field(sop, [](auto& v) { v.organisations = {3, 3}; }), "organisations");
  EXPECT_EQ(field(sop, [](auto& v) { v.organisations = {0}; }), "organisations[0]");
  EXPECT_EQ(field(mou, [](auto& v) { v.organisations = {}; }), "organisations");
  EXPECT_TRUE(ValidateVersionDetails(sop, [] { auto v = Valid(); v.organisations = {}; return v; }()).ok());
  EXPECT_EQ(field(sop, [](auto& v) { v.effective_date = "2025-02-30"; }), "effective_date");
  EXPECT_EQ(field(sop, [](auto& v) { v.summary = std::string(4001, 'a'); }), "summary");
  EXPECT_EQ(field(sop, [](auto& v) { v.summary = "bad \xC3\x28"; }), "summary");
  EXPECT_EQ(ValidateDocumentTitle(" ").field(), "title");
  EXPECT_EQ(ValidateDocumentTitle("a\nb").field(), "title");
  EXPECT_EQ(ValidateWithdrawalReason("").field(), "reason");
}

TEST(LibraryFile, ExtensionAndMagicBytesMustAgree) {
  EXPECT_EQ(CheckUpload("sop.pdf", "%PDF-1.7\n...")->content_type, "application/pdf");
  EXPECT_EQ(CheckUpload("SOP.PDF", "%PDF-1.4")->extension, "pdf");
  EXPECT_EQ(CheckUpload("notice.txt", "សិទ្ធិរបស់អ្នក\n")->content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(CheckUpload("fake.pdf", "MZ\x90\x00").status().field(), "content");
  EXPECT_EQ(CheckUpload("bad.txt", "a\xC3\x28").status().field(), "content");
  EXPECT_EQ(CheckUpload("nul.txt", std::string("a\0b", 3)).status().field(), "content");
  EXPECT_EQ(CheckUpload("page.html", "<html>").status().field(), "filename");
  EXPECT_EQ(CheckUpload("noext", "%PDF-").status().field(), "filename");
  EXPECT_EQ(CheckUpload(".pdf", "%PDF-").status().field(), "filename");
  EXPECT_EQ(CheckUpload("../etc/x.pdf", "%PDF-").status().field(), "filename");
  EXPECT_EQ(CheckUpload("a\\b.pdf", "%PDF-").status().field(), "filename");
  EXPECT_EQ(CheckUpload("empty.pdf", "").status().field(), "content");
  EXPECT_EQ(CheckUpload("big.txt", std::string(kMaxDocumentBytes + 1, 'a')).status().field(), "content");
  EXPECT_TRUE(CheckUpload("max.txt", std::string(kMaxDocumentBytes, 'a')).ok());
  // A ZIP is a DOCX only with Word's parts, an ODT only with its mimetype entry.
  std::string docx = std::string("PK\x03\x04", 4) + "....[Content_Types].xml....word/document.xml";
  EXPECT_TRUE(CheckUpload("mou.docx", docx).ok());
  EXPECT_EQ(CheckUpload("mou.docx", std::string("PK\x03\x04", 4) + "[Content_Types].xml xl/").status().field(),
            "content");
  std::string odt = std::string("PK\x03\x04", 4) + std::string(26, '\0') + "mimetype" +
                    "application/vnd.oasis.opendocument.text";
  EXPECT_EQ(CheckUpload("form.odt", odt)->content_type, "application/vnd.oasis.opendocument.text");
  EXPECT_FALSE(CheckUpload("form.ods", odt).ok());
}

LibraryQuery Query(const std::function<void(LibraryQuery&)>& set) {
  LibraryQuery q;
  set(q);
  return q;
}

DocumentEntry Doc(DocumentKind kind, std::string title, std::vector<DocumentVersion> versions,
                  DocumentStatus status = DocumentStatus::kPublished) {
  DocumentEntry e;
  e.document.kind = kind;
  e.document.title = std::move(title);
  e.document.status = status;
  e.versions = std::move(versions);
  return e;
}

DocumentVersion In(std::string lang, std::vector<std::string> countries, std::string summary = "") {
  DocumentVersion v;
  v.language = std::move(lang);
  v.countries = std::move(countries);
  v.summary = std::move(summary);
  v.filename = "file.pdf";
  return v;
}

TEST(LibraryFilter, AnyVersionMatchesCountryAndLanguage) {
  std::vector<DocumentEntry> docs = {
      Doc(DocumentKind::kSop, "Referral SOP", {In("km", {"KH"}), In("th", {"TH"}, "Thai edition")}),
      Doc(DocumentKind::kMou, "MOU Thailand-Cambodia", {In("en", {"TH", "KH"})}),
      Doc(DocumentKind::kRightsNotice, "Your rights", {In("lo", {"LA"})}, DocumentStatus::kWithdrawn),
  };
  auto titles = [&](LibraryQuery q) {
    std::vector<std::string> out;
    for (const auto& d : FilterDocuments(docs, q)) out.push_back(d.document.title);
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(titles({}), (V{"Referral SOP", "MOU Thailand-Cambodia", "Your rights"}));
  EXPECT_EQ(titles(Query([](auto& q) { q.kind = DocumentKind::kMou; })), (V{"MOU Thailand-Cambodia"}));
  EXPECT_EQ(titles(Query([](auto& q) { q.country = "TH"; })), (V{"Referral SOP", "MOU Thailand-Cambodia"}));
  EXPECT_EQ(titles(Query([](auto& q) { q.language = "th"; })), (V{"Referral SOP"}));
  EXPECT_EQ(titles(Query([](auto& q) { q.text = "thai EDITION"; })), (V{"Referral SOP"}));
  EXPECT_EQ(titles(Query([](auto& q) { q.text = "mou cambodia"; })), (V{"MOU Thailand-Cambodia"}));
  EXPECT_EQ(titles(Query([](auto& q) { q.text = "mou laos"; })), V{});
  EXPECT_EQ(titles(Query([](auto& q) { q.include_withdrawn = false; })), (V{"Referral SOP", "MOU Thailand-Cambodia"}));
  EXPECT_EQ(ValidateLibraryQuery(Query([](auto& q) { q.country = "Thailand"; })).field(), "country");
  EXPECT_EQ(ValidateLibraryQuery(Query([](auto& q) { q.language = "xx1"; })).field(), "language");
  EXPECT_EQ(ValidateLibraryQuery(Query([](auto& q) { q.text = "a b c d e f g h i j k"; })).field(), "q");
}

}  // namespace
}  // namespace trm::domain
