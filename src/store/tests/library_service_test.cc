// The document library on both engines: the secretariat publishes, members
// list, filter and download; versions are numbered; stale versions and
// refused or malformed requests change nothing; a withdrawn document stays
// listed as withdrawn.
#include <gtest/gtest.h>

#include <functional>

#include "crypto/crypto.h"
#include "domain/library_file.h"
#include "store/tests/app_fixture.h"

namespace trm::store_test {
namespace {

using domain::DocumentKind;
using domain::DocumentStatus;
using domain::Role;

domain::LibraryQuery Query(const std::function<void(domain::LibraryQuery&)>& set) {
  domain::LibraryQuery q;
  set(q);
  return q;
}

class LibraryTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    net_ = AddOrg("Network secretariat", "TH");
    th_ = AddOrg("Shelter Bangkok", "TH");
    kh_ = AddOrg("Legal aid Phnom Penh", "KH");
    secretariat_ = AddUser(net_, "secretariat", Role::kSecretariat);
    sysadmin_ = AddUser(net_, "sysadmin", Role::kSystemAdmin);
    worker_ = AddUser(kh_, "worker", Role::kCaseWorker);
    supervisor_ = AddUser(th_, "supervisor", Role::kSupervisor);
    admin_ = AddUser(th_, "admin", Role::kOrgAdmin);
  }
  service::LibraryService& lib() { return app().library(); }

  service::NewVersion Text(std::string body, std::string lang = "km", std::vector<std::string> countries = {"KH"}) {
    service::NewVersion v;
    v.filename = "sop-" + lang + ".txt";
    v.bytes = std::move(body);
    v.language = std::move(lang);
    v.countries = std::move(countries);
    v.effective_date = "2026-01-01";
    v.summary = "Steps from identification to handover.";
    return v;
  }
  service::NewDocument Sop(std::string title = "Referral SOP") {
    return service::NewDocument{DocumentKind::kSop, std::move(title), Text("Step 1: identify.\n")};
  }
  int64_t Count(const std::string& sql) {
    auto rows = raw().Query(sql);
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }
  int64_t Rows() {
    return Count("SELECT COUNT(*) FROM library_documents") + Count("SELECT COUNT(*) FROM library_versions") +
           Count("SELECT COUNT(*) FROM library_files");
  }

  domain::Id net_ = 0, th_ = 0, kh_ = 0;
  service::Actor secretariat_, sysadmin_, worker_, supervisor_, admin_;
};

TEST_P(LibraryTest, SecretariatPublishesAndAMemberDownloads) {
  auto doc = lib().Publish(secretariat_, Sop());
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const domain::LibraryDocument& d = doc->entry.document;
  EXPECT_EQ(d.status, DocumentStatus::kPublished);
  EXPECT_EQ(d.stamp.version, 1);
  ASSERT_EQ(doc->entry.versions.size(), 1u);
  const domain::DocumentVersion& v = doc->entry.versions[0];
  EXPECT_EQ(v.number, 1);
  EXPECT_EQ(v.content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(v.size, 18);
  EXPECT_EQ(v.sha256, crypto::Sha256Hex("Step 1: identify.\n"));
  EXPECT_EQ(doc->users.at(secretariat_.user_id), "User secretariat");

  auto list = lib().List(worker_, {});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->at(0).entry.document.title, "Referral SOP");
  auto file = lib().Download(worker_, d.id, v.id);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->bytes, "Step 1: identify.\n");
  EXPECT_EQ(lib().Download(worker_, d.id + 1, v.id).status().code(), Code::kNotFound);
  EXPECT_EQ(lib().Download(worker_, d.id, v.id + 1).status().code(), Code::kNotFound);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'library.publish'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'library.version'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'library.download'"), 1);
  // The system admin publishes too.
  EXPECT_TRUE(lib().Publish(sysadmin_, Sop("Handbook")).ok());
}

TEST_P(LibraryTest, VersionsAreNumberedAndListedNewestFirst) {
  auto doc = lib().Publish(secretariat_, Sop());
  ASSERT_TRUE(doc.ok());
  const domain::Id id = doc->entry.document.id;
  auto v2 = lib().AddVersion(secretariat_, id, 1, Text("ขั้นตอนที่ 1\n", "th", {"TH"}));
  ASSERT_TRUE(v2.ok()) << v2.status().ToString();
  EXPECT_EQ(v2->entry.document.stamp.version, 2);
  ASSERT_EQ(v2->entry.versions.size(), 2u);
  EXPECT_EQ(v2->entry.versions[0].number, 2);
  EXPECT_EQ(v2->entry.versions[0].language, "th");
  EXPECT_EQ(v2->entry.versions[1].number, 1);
  // Stale: the document is at version 2 now.
  const int64_t before = Rows();
  EXPECT_EQ(lib().AddVersion(secretariat_, id, 1, Text("again")).status().code(), Code::kConflict);
  EXPECT_EQ(lib().Withdraw(secretariat_, id, 1, "superseded").status().code(), Code::kConflict);
  EXPECT_EQ(Rows(), before);
  // Filters: any version's language and country count.
  EXPECT_EQ(lib().List(worker_, Query([](auto& q) { q.language = "th"; }))->size(), 1u);
  EXPECT_EQ(lib().List(worker_, Query([](auto& q) { q.country = "KH"; }))->size(), 1u);
  EXPECT_EQ(lib().List(worker_, Query([](auto& q) { q.country = "LA"; }))->size(), 0u);
  EXPECT_EQ(lib().List(worker_, Query([](auto& q) { q.kind = DocumentKind::kMou; }))->size(), 0u);
  EXPECT_EQ(lib().List(worker_, Query([](auto& q) { q.text = "handover"; }))->size(), 1u);
  EXPECT_EQ(lib().List(worker_, Query([](auto& q) { q.country = "Cambodia"; })).status().field(), "country");
}

TEST_P(LibraryTest, OnlyTheSecretariatPublishesAndWithdraws) {
  for (const service::Actor* a : {&worker_, &supervisor_, &admin_})
    EXPECT_EQ(lib().Publish(*a, Sop()).status().code(), Code::kPermissionDenied) << a->username;
  EXPECT_EQ(Rows(), 0);
  auto doc = lib().Publish(secretariat_, Sop());
  ASSERT_TRUE(doc.ok());
  const domain::Id id = doc->entry.document.id;
  EXPECT_EQ(lib().AddVersion(supervisor_, id, 1, Text("x")).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(lib().Withdraw(admin_, id, 1, "no").status().code(), Code::kPermissionDenied);
  EXPECT_FALSE(lib().MayPublish(worker_));
  EXPECT_TRUE(lib().MayPublish(secretariat_));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM library_versions"), 1);
}

TEST_P(LibraryTest, AWithdrawnDocumentStaysListedAsWithdrawn) {
  auto doc = lib().Publish(secretariat_, Sop());
  ASSERT_TRUE(doc.ok());
  const domain::Id id = doc->entry.document.id;
  EXPECT_EQ(lib().Withdraw(secretariat_, id, 1, " ").status().field(), "reason");
  auto gone = lib().Withdraw(secretariat_, id, 1, "Replaced by the 2026 regional SOP.");
  ASSERT_TRUE(gone.ok()) << gone.status().ToString();
  EXPECT_EQ(gone->entry.document.status, DocumentStatus::kWithdrawn);
  EXPECT_EQ(gone->entry.document.withdrawn_by, secretariat_.user_id);
  EXPECT_EQ(gone->entry.document.withdrawn_at, clock().Now());
  auto listed = lib().List(worker_, {});
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->at(0).entry.document.status, DocumentStatus::kWithdrawn);
  EXPECT_EQ(listed->at(0).entry.document.withdrawn_reason, "Replaced by the 2026 regional SOP.");
  EXPECT_EQ(lib().List(worker_, Query([](auto& q) { q.include_withdrawn = false; }))->size(), 0u);
  EXPECT_TRUE(lib().Download(worker_, id, gone->entry.versions[0].id).ok())
      << "the record of what was in force stays readable";
  EXPECT_EQ(lib().AddVersion(secretariat_, id, 2, Text("x")).status().code(), Code::kFailedPrecondition);
  EXPECT_EQ(lib().Withdraw(secretariat_, id, 2, "again").status().code(), Code::kFailedPrecondition);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'library.withdraw'"), 1);
}

TEST_P(LibraryTest, BadInputNamesTheFieldAndWritesNothing) {
  auto field = [&](auto change) {
    service::NewDocument in = Sop();
    change(in);
    return lib().Publish(secretariat_, in).status().field();
  };
  EXPECT_EQ(field([](auto& in) { in.title = ""; }), "title");
  EXPECT_EQ(field([](auto& in) { in.first.filename = "sop.pdf"; }), "content") << "text is not a PDF";
  EXPECT_EQ(field([](auto& in) { in.first.filename = "run.exe"; }), "filename");
  EXPECT_EQ(field([](auto& in) { in.first.bytes = "bad \xC3\x28"; }), "content");
  EXPECT_EQ(field([](auto& in) { in.first.bytes = std::string(domain::kMaxDocumentBytes + 1, 'a'); }), "content");
  EXPECT_EQ(field([](auto& in) { in.first.language = "khmer"; }), "language");
  EXPECT_EQ(field([](auto& in) { in.first.countries = {"KH", "ZZ"}; }), "countries[1]");
  EXPECT_EQ(field([](auto& in) { in.first.effective_date = "2026-13-01"; }), "effective_date");
  EXPECT_EQ(field([](auto& in) { in.kind = DocumentKind::kMou; }), "organisations");
  EXPECT_EQ(field([&](auto& in) { in.first.organisations = {th_, 999999}; }), "organisations[1]");
  EXPECT_EQ(Rows(), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'library.%'"), 0);
  // An MOU names its parties, returned with their names.
  service::NewDocument mou = Sop("MOU Thailand-Cambodia");
  mou.kind = DocumentKind::kMou;
  mou.first.organisations = {th_, kh_};
  mou.first.filename = "mou.pdf";
  mou.first.bytes = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  auto doc = lib().Publish(secretariat_, mou);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->entry.versions[0].content_type, "application/pdf");
  EXPECT_EQ(doc->organisations.at(kh_).name, "Legal aid Phnom Penh");
}

INSTANTIATE_TEST_SUITE_P(Engines, LibraryTest, AllEngines(), EngineParamName);

}  // namespace
}  // namespace trm::store_test
