#include "service/demo_network.h"

#include <random>
#include <string>
#include <vector>

#include "crypto/crypto.h"
#include "domain/reference.h"
#include "service/demo_casework.h"
#include "service/demo_directory.h"
#include "service/demo_repatriation.h"
#include "service/demo_legal.h"
#include "service/demo_library.h"
#include "service/demo_matching.h"
#include "service/demo_register.h"
#include "service/demo_tracing.h"

namespace trm::service {
namespace {

using domain::OrgType;
using domain::Role;

struct DemoOrg {
  const char* slug;
  const char* name;
  OrgType type;
  const char* country;
  std::vector<Role> extra_roles;  // besides case worker, supervisor, org admin
};

const std::vector<DemoOrg>& Orgs() {
  static const std::vector<DemoOrg> kOrgs = {
      {"th-shelter", "Demo Shelter for Women and Children (Bangkok)", OrgType::kNgo, "TH", {}},
      {"th-hotline", "Demo 24-hour Anti-Trafficking Hotline (Thailand)", OrgType::kNgo, "TH",
       {Role::kHotlineOperator}},
      {"th-ministry", "Demo Ministry of Social Development (Thailand)",
       OrgType::kCentralGovernmentOrganisation, "TH", {Role::kRepatriationOfficer}},
      {"th-police", "Demo Anti-Trafficking Police Division (Thailand)", OrgType::kLawEnforcement,
       "TH", {}},
      {"th-legal", "Demo Migrant Workers Legal Aid (Thailand)", OrgType::kLegalService, "TH",
       {Role::kLegalOfficer}},
      {"kh-ministry", "Demo Ministry of Social Affairs (Cambodia)",
       OrgType::kCentralGovernmentOrganisation, "KH", {Role::kRepatriationOfficer}},
      {"kh-shelter", "Demo Recovery Shelter (Phnom Penh)", OrgType::kNgo, "KH", {}},
      {"kh-legal", "Demo Legal Aid Centre (Cambodia)", OrgType::kLegalService, "KH",
       {Role::kLegalOfficer}},
      {"kh-police", "Demo Anti-Human Trafficking Police (Cambodia)", OrgType::kLawEnforcement,
       "KH", {}},
      {"la-ministry", "Demo Ministry of Labour and Social Welfare (Lao PDR)",
       OrgType::kCentralGovernmentOrganisation, "LA", {Role::kRepatriationOfficer}},
      {"la-shelter", "Demo Women's Shelter (Vientiane)", OrgType::kNgo, "LA", {}},
      {"la-police", "Demo Anti-Trafficking Police (Lao PDR)", OrgType::kLawEnforcement, "LA", {}},
      {"mm-ministry", "Demo Department of Social Welfare (Myanmar)",
       OrgType::kCentralGovernmentOrganisation, "MM", {Role::kRepatriationOfficer}},
      {"mm-shelter", "Demo Reintegration Shelter (Yangon)", OrgType::kNgo, "MM", {}},
      {"mm-police", "Demo Anti-Trafficking Task Force (Myanmar)", OrgType::kLawEnforcement, "MM",
       {}},
      {"vn-ministry", "Demo Department of Social Protection (Viet Nam)",
       OrgType::kCentralGovernmentOrganisation, "VN", {Role::kRepatriationOfficer}},
      {"vn-shelter", "Demo Peace House Shelter (Ha Noi)", OrgType::kNgo, "VN", {}},
      {"vn-legal", "Demo Legal Aid Network (Viet Nam)", OrgType::kLegalService, "VN",
       {Role::kLegalOfficer}},
      {"sg-shelter", "Demo Migrant Workers Shelter (Singapore)", OrgType::kNgo, "SG", {}},
      {"sg-police", "Demo Anti-Trafficking Unit (Singapore)", OrgType::kLawEnforcement, "SG", {}},
      {"net", "Demo Mekong Network Secretariat", OrgType::kNgo, "TH",
       {Role::kSecretariat, Role::kSystemAdmin}},
  };
  return kOrgs;
}

const char* RoleSlug(Role r) {
  switch (r) {
    case Role::kHotlineOperator: return "hotline";
    case Role::kCaseWorker: return "caseworker";
    case Role::kSupervisor: return "supervisor";
    case Role::kLegalOfficer: return "legal";
    case Role::kRepatriationOfficer: return "repatriation";
    case Role::kSecretariat: return "secretariat";
    case Role::kOrgAdmin: return "admin";
    case Role::kSystemAdmin: return "sysadmin";
  }
  return "user";
}

std::vector<Role> RolesOf(const DemoOrg& o) {
  std::vector<Role> roles = o.extra_roles;
  if (std::string(o.slug) != "net") {
    roles.insert(roles.begin(), {Role::kCaseWorker, Role::kSupervisor});
  }
  roles.push_back(Role::kOrgAdmin);
  return roles;
}

// Invented name parts per script. Combinations are random: no real person.
struct NameBook {
  const char* citizenship;
  const char* language;
  std::vector<const char*> given;
  std::vector<const char*> family;  // empty: single names (Myanmar)
  std::vector<const char*> middle;
};

const std::vector<NameBook>& Books() {
  static const std::vector<NameBook> kBooks = {
      {"TH", "th", {"สมศรี", "มาลี", "วิไล", "นภา", "สมชาย", "ประเสริฐ", "อรุณ", "จันทร์เพ็ญ"},
       {"ใจดี", "ศรีสุข", "บุญมา", "แก้วมณี", "ทองดี", "พรหมมา"}, {}},
      {"KH", "km", {"សុខា", "ដារ៉ា", "សុភាព", "ចន្ទា", "វណ្ណា", "សុផល", "ស្រីនាង", "បូរ៉ា"},
       {"ចាន់", "សុខ", "ហេង", "លី", "ឈឹម", "គង់", "ពៅ"}, {}},
      {"LA", "lo", {"ບຸນມີ", "ສົມພອນ", "ຄຳແພງ", "ພອນສະຫວັນ", "ວັນນະ", "ແສງດາວ"},
       {"ພົມມະຈັນ", "ສີສຸວັນ", "ແກ້ວມະນີ", "ວົງສາ", "ຈັນທະວົງ"}, {}},
      {"MM", "my", {"အောင်ကျော်", "မြင့်မြင့်", "သန္တာဝင်း", "ခင်မာလာ", "ဇော်မင်း", "နွယ်နီ", "ထွန်းထွန်း", "စန္ဒာထွေး"},
       {}, {}},
      {"VN", "vi", {"Lan", "Hùng", "Mai", "Dũng", "Hương", "Tuấn", "Linh", "Thảo"},
       {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng"}, {"Thị", "Văn", "Minh", "Ngọc"}},
      {"CN", "zh", {"秀英", "伟", "丽", "强", "敏", "静", "磊"}, {"王", "李", "张", "刘", "陈", "杨"}, {}},
      {"PH", "tl", {"Maria", "Jose", "Ana", "Rosario", "Mark", "Joy"},
       {"Santos", "Reyes", "Cruz", "Bautista", "Garcia"}, {}},
  };
  return kBooks;
}

// Which people each country's organisations mostly assist.
std::vector<const char*> ProfilesFor(const std::string& country) {
  if (country == "TH") return {"KH", "MM", "LA", "TH", "VN"};
  if (country == "SG") return {"PH", "CN", "MM", "VN"};
  if (country == "KH") return {"KH", "VN"};
  if (country == "VN") return {"VN", "CN"};
  if (country == "LA") return {"LA"};
  if (country == "MM") return {"MM"};
  return {"TH"};
}

std::string Username(const DemoOrg& o, Role r) { return std::string(o.slug) + "-" + RoleSlug(r); }

}  // namespace

Result<bool> AddDemoNetwork(App& app, int cases) {
  const Millis now = app.clock().Now();
  // One hash for every demo user: they share the published demo password.
  ASSIGN_OR_RETURN(std::string hash, crypto::HashPassword(kDemoPassword));
  bool added = false;
  RETURN_IF_ERROR(app.store().Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto existing, tx.orgs().List());
    if (!existing.empty()) return Status::Ok();
    std::mt19937 rng(2026);
    auto pick = [&](const auto& v) { return v[rng() % v.size()]; };
    struct Worker {
      domain::Id id;
      domain::Id org;
      std::string country;
    };
    std::vector<Worker> workers;
    std::vector<std::pair<domain::Id, domain::Id>> open_cases;  // (case, organisation)
    for (const DemoOrg& o : Orgs()) {
      domain::Organisation org{0, o.name, o.type, o.country, domain::Stamp{1, 0, now, 0, now}};
      ASSIGN_OR_RETURN(domain::Id org_id, tx.orgs().Insert(org));
      RETURN_IF_ERROR(tx.audit()
                          .Append({now, std::nullopt, std::nullopt, "organisation.create",
                                   "organisation", std::to_string(org_id), "local", "demo"})
                          .status());
      for (Role r : RolesOf(o)) {
        domain::User u;
        u.organisation_id = org_id;
        u.username = Username(o, r);
        u.display_name = std::string("Demo ") + RoleSlug(r) + " (" + o.slug + ")";
        u.role = r;
        u.stamp = domain::Stamp{1, 0, now, 0, now};
        ASSIGN_OR_RETURN(domain::Id uid, tx.users().Insert(u, hash));
        RETURN_IF_ERROR(tx.audit()
                            .Append({now, std::nullopt, org_id, "user.create", "user",
                                     std::to_string(uid), "local", "demo"})
                            .status());
        if (r == Role::kCaseWorker) workers.push_back({uid, org_id, o.country});
      }
    }
    for (int i = 0; i < cases; ++i) {
      const Worker& w = workers[rng() % workers.size()];
      std::string profile = pick(ProfilesFor(w.country));
      const NameBook* book = &Books()[0];
      for (const auto& b : Books())
        if (profile == b.citizenship) book = &b;
      domain::Case c;
      c.owner_organisation_id = w.org;
      c.assignee_id = w.id;
      c.team = {w.id};
      c.person.first_name = pick(book->given);
      if (!book->family.empty()) c.person.second_name = pick(book->family);
      if (!book->middle.empty()) c.person.middle_name = pick(book->middle);
      c.person.gender = rng() % 3 == 0 ? domain::Gender::kMasculine : domain::Gender::kFeminine;
      c.person.citizenship = {book->citizenship};
      c.person.languages = {book->language};
      if (rng() % 2 == 0) {
        int year = 1975 + static_cast<int>(rng() % 32);
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, 1 + static_cast<int>(rng() % 12),
                      1 + static_cast<int>(rng() % 28));
        c.person.birth_date = buf;
      } else {
        c.person.approximate_age = 14 + static_cast<int>(rng() % 36);
      }
      const Millis created = now - static_cast<Millis>(rng() % (400LL * 24 * 3600)) * 1000;
      c.stamp = domain::Stamp{1, w.id, created, w.id, created};
      if (rng() % 5 == 0) {
        c.status = domain::CaseStatus::kClosed;
        c.closure_reason = "Reintegrated; follow-up completed (demo)";
      }
      c.reference = domain::MakeCaseReference(crypto::Random8());
      ASSIGN_OR_RETURN(domain::Id id, tx.cases().Insert(c));
      RETURN_IF_ERROR(tx.audit()
                          .Append({now, w.id, w.org, "case.create", "case", std::to_string(id),
                                   "local", "demo"})
                          .status());
      c.id = id;
      if (c.status == domain::CaseStatus::kOpen) open_cases.emplace_back(id, w.org);
      // Every third open case gets a case record with substance.
      if (c.status == domain::CaseStatus::kOpen && i % 3 == 0)
        RETURN_IF_ERROR(AddDemoEntries(tx, c, static_cast<uint32_t>(rng()), now));
    }
    RETURN_IF_ERROR(AddDemoDirectory(tx, now));
    RETURN_IF_ERROR(AddDemoRepatriations(tx, app.repatriations().flows(), now));
    RETURN_IF_ERROR(AddDemoLegal(tx, now));
    RETURN_IF_ERROR(AddDemoLibrary(tx, now));
    RETURN_IF_ERROR(AddDemoReferrals(tx, now, open_cases));
    RETURN_IF_ERROR(AddDemoRegister(tx, now));
    RETURN_IF_ERROR(AddDemoMatching(tx, now));
    RETURN_IF_ERROR(AddDemoTracing(tx, now));
    added = true;
    return Status::Ok();
  }));
  return added;
}

Result<std::optional<domain::Id>> DemoPublicIntakeOrg(App& app) {
  std::optional<domain::Id> found;
  RETURN_IF_ERROR(app.store().Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto orgs, tx.orgs().List());
    for (const DemoOrg& d : Orgs()) {
      if (std::string(d.slug) != "th-hotline") continue;
      for (const auto& o : orgs)
        if (o.name == d.name) found = o.id;
    }
    return Status::Ok();
  }));
  return found;
}

void PrintDemoSignIns(std::ostream& out) {
  out << "Demo sign-ins (password for all: " << kDemoPassword << "):\n";
  for (const DemoOrg& o : Orgs()) {
    out << "  " << o.country << "  " << o.name << "\n     ";
    for (Role r : RolesOf(o)) out << " " << Username(o, r);
    out << "\n";
  }
}

}  // namespace trm::service
