#include "service/demo_directory.h"

#include <map>
#include <string>
#include <vector>

#include "service/directory_service.h"

namespace trm::service {
namespace {

using domain::AcceptsAge;
using domain::AcceptsSex;
using domain::DirService;
using domain::Exploitation;

constexpr auto kShelter = DirService::kShelter;
constexpr auto kMedical = DirService::kMedical;
constexpr auto kPsych = DirService::kPsychological;
constexpr auto kLegal = DirService::kLegalAid;
constexpr auto kInterp = DirService::kInterpretation;
constexpr auto kRepat = DirService::kRepatriation;
constexpr auto kVoc = DirService::kVocationalTraining;
constexpr auto kTracing = DirService::kFamilyTracing;
constexpr auto kHotline = DirService::kHotline;
constexpr auto kEdu = DirService::kEducation;
constexpr auto kMoney = DirService::kFinancialAssistance;
constexpr auto kLivelihood = DirService::kLivelihood;

constexpr auto FL = Exploitation::kForcedLabour;
constexpr auto SE = Exploitation::kSexualExploitation;
constexpr auto CL = Exploitation::kChildLabour;
constexpr auto FM = Exploitation::kForcedMarriage;
constexpr auto SV = Exploitation::kServitude;
constexpr auto FB = Exploitation::kForcedBegging;
constexpr auto OT = Exploitation::kOther;

struct DemoProfile {
  const char* org_name;  // as in demo_network.cc
  domain::ProfileDetails details;
  std::optional<int> free_beds, total_beds;
  // Agreements name their partner by organisation name; ids are looked up.
  std::vector<std::pair<domain::Agreement, const char*>> agreements;
};

domain::LiaisonOfficer Officer(const char* name, const char* title, const char* phone,
                               const char* email, std::vector<std::string> langs) {
  return domain::LiaisonOfficer{name, title, phone, email, std::move(langs)};
}

domain::ProfileDetails Details(std::vector<domain::ServedArea> areas, std::vector<DirService> services,
                               const char* expertise, std::vector<std::string> languages,
                               AcceptsSex sex, AcceptsAge age, std::vector<Exploitation> ex,
                               const char* hours, std::vector<domain::LiaisonOfficer> officers) {
  domain::ProfileDetails d;
  d.areas = std::move(areas);
  d.services = std::move(services);
  d.expertise = expertise;
  d.languages = std::move(languages);
  d.accepts_sex = sex;
  d.accepts_age = age;
  d.accepts_exploitation = std::move(ex);
  d.working_hours = hours;
  d.liaison_officers = std::move(officers);
  return d;
}

domain::Agreement Mou(const char* title, const char* signed_date, const char* expiry) {
  return domain::Agreement{domain::AgreementType::kMou, title, 0, signed_date, expiry};
}
domain::Agreement Sop(const char* title, const char* signed_date, const char* expiry) {
  return domain::Agreement{domain::AgreementType::kSop, title, 0, signed_date, expiry};
}

const char* const kThMinistry = "Demo Ministry of Social Development (Thailand)";
const char* const kKhMinistry = "Demo Ministry of Social Affairs (Cambodia)";
const char* const kLaMinistry = "Demo Ministry of Labour and Social Welfare (Lao PDR)";
const char* const kMmMinistry = "Demo Department of Social Welfare (Myanmar)";
const char* const kVnMinistry = "Demo Department of Social Protection (Viet Nam)";
const char* const kKhLegal = "Demo Legal Aid Centre (Cambodia)";
const char* const kThLegal = "Demo Migrant Workers Legal Aid (Thailand)";

std::vector<DemoProfile> Profiles() {
  const char* office = "Mon-Fri 08:30-16:30";
  const char* always = "24 hours, every day";
  return {
      {"Demo Shelter for Women and Children (Bangkok)",
       Details({{"TH", {"Bangkok", "Nonthaburi", "Samut Prakan"}}},
               {kShelter, kMedical, kPsych, kEdu, kVoc, kInterp},
               "Protection shelter for women and children from Cambodia, Myanmar and Lao PDR; "
               "survivors of sexual exploitation and domestic servitude.\nTrauma counselling.",
               {"th", "km", "my", "lo", "en"}, AcceptsSex::kWomen, AcceptsAge::kBoth,
               {SE, SV, FL, CL, FM}, always,
               {Officer("Naree Sukjai", "Shelter manager", "+66 2 000 0101",
                        "shelter.bkk@example.org", {"th", "en"}),
                Officer("Sophea Chan", "Khmer-speaking social worker", "+66 2 000 0102",
                        "", {"km", "th"})}),
       6, 40, {{Mou("Repatriation of Cambodian women and children", "2022-03-01", "2027-02-28"),
                kKhMinistry}}},
      {"Demo 24-hour Anti-Trafficking Hotline (Thailand)",
       Details({{"TH", {}}}, {kHotline, kInterp},
               "Reports by phone, LINE and the web form; call-backs to Thai workers abroad.\n"
               "Interpreters for Khmer, Burmese, Lao and Vietnamese on every shift.",
               {"th", "km", "my", "lo", "vi", "en"}, AcceptsSex::kAny, AcceptsAge::kBoth, {}, always,
               {Officer("Duty supervisor", "Shift supervisor", "1300", "hotline@example.org",
                        {"th", "en"})}),
       std::nullopt, std::nullopt, {}},
      {kThMinistry,
       Details({{"TH", {}}}, {kShelter, kRepat, kMoney, kTracing},
               "Government shelters in every region; repatriation of foreign victims under the "
               "bilateral MOUs; victim allowance.",
               {"th", "en"}, AcceptsSex::kAny, AcceptsAge::kBoth, {FL, SE, CL, FM, SV, FB}, office,
               {Officer("Somchai Boonma", "Director, anti-trafficking division", "+66 2 000 0301",
                        "atd@example.org", {"th", "en"})}),
       35, 250, {}},
      {"Demo Anti-Trafficking Police Division (Thailand)",
       Details({{"TH", {}}}, {kInterp},
               "Investigation of trafficking for forced labour on fishing boats and in "
               "factories; victim interviews with interpreters.",
               {"th", "en"}, AcceptsSex::kAny, AcceptsAge::kBoth, {FL, SE, CL, FB}, always,
               {Officer("Pol. Lt. Col. Anan Thongdee", "Liaison officer", "+66 2 000 0401",
                        "atpd@example.org", {"th"})}),
       std::nullopt, std::nullopt, {}},
      {kThLegal,
       Details({{"TH", {"Samut Sakhon", "Bangkok", "Tak (Mae Sot)", "Ranong"}}},
               {kLegal, kInterp},
               "Labour court claims for unpaid wages and compensation; fishing and seafood "
               "processing workers; domestic workers; criminal cases against traffickers.",
               {"th", "my", "km", "en"}, AcceptsSex::kAny, AcceptsAge::kAdults, {FL, SV, OT},
               office,
               {Officer("Malee Srisuk", "Lawyer", "+66 34 000 501", "legal.th@example.org",
                        {"th", "en"}),
                Officer("Zaw Min", "Paralegal", "+66 34 000 502", "", {"my", "th"})}),
       std::nullopt, std::nullopt,
       {{Mou("Cross-border legal aid and remittance of compensation", "2023-06-15", ""), kKhLegal}}},
      {kKhMinistry,
       Details({{"KH", {}}}, {kRepat, kTracing, kShelter, kMoney, kLivelihood},
               "Reception of returned Cambodian victims at Poipet and Phnom Penh airport; "
               "family tracing and family assessment; reintegration.",
               {"km", "en"}, AcceptsSex::kAny, AcceptsAge::kBoth, {FL, SE, CL, FM, SV, FB}, office,
               {Officer("Vanna Heng", "Repatriation officer", "+855 23 000 601",
                        "repatriation.kh@example.org", {"km", "en", "th"})}),
       12, 60,
       {{Mou("Repatriation of Cambodian victims from Thailand", "2021-11-20", "2026-11-19"),
         kThMinistry}}},
      {"Demo Recovery Shelter (Phnom Penh)",
       Details({{"KH", {"Phnom Penh", "Kandal", "Siem Reap"}}},
               {kShelter, kMedical, kPsych, kLegal, kVoc, kEdu, kTracing},
               "Recovery shelter for women and girls returned from Thailand, Malaysia and China; "
               "forced marriage and sexual exploitation; vocational training in sewing and "
               "hospitality.",
               {"km", "vi", "en"}, AcceptsSex::kWomen, AcceptsAge::kBoth, {SE, FM, FL, SV},
               always,
               {Officer("Chanthy Sok", "Shelter director", "+855 23 000 701",
                        "shelter.pp@example.org", {"km", "en"})}),
       4, 30, {}},
      {kKhLegal,
       Details({{"KH", {"Phnom Penh", "Banteay Meanchey", "Battambang", "Prey Veng"}}},
               {kLegal, kInterp},
               "Legal aid for Cambodian migrant workers: domestic workers, fishing, construction "
               "and factory workers; claims against recruitment agencies; criminal complaints "
               "against brokers.",
               {"km", "en", "th"}, AcceptsSex::kAny, AcceptsAge::kBoth, {FL, SV, SE, FM}, office,
               {Officer("Dara Chan", "Senior lawyer", "+855 23 000 801", "legal.kh@example.org",
                        {"km", "en"})}),
       std::nullopt, std::nullopt, {}},
      {"Demo Anti-Human Trafficking Police (Cambodia)",
       Details({{"KH", {}}}, {kInterp},
               "Investigation of trafficking, including cross-border cases with Thailand and "
               "Viet Nam.",
               {"km"}, AcceptsSex::kAny, AcceptsAge::kBoth, {FL, SE, CL, FM}, always,
               {Officer("Sophal Ly", "Liaison officer", "+855 23 000 901", "ahtp@example.org",
                        {"km"})}),
       std::nullopt, std::nullopt, {}},
      {kLaMinistry,
       Details({{"LA", {}}}, {kRepat, kTracing, kShelter, kLivelihood},
               "Reception of returned Lao victims at the Friendship Bridge; family tracing in the "
               "provinces; reintegration.",
               {"lo", "th", "en"}, AcceptsSex::kAny, AcceptsAge::kBoth, {FL, SE, CL, FM}, office,
               {Officer("Khampheng Vongsa", "Repatriation officer", "+856 21 000 101",
                        "repatriation.la@example.org", {"lo", "th"})}),
       8, 40, {}},
      {"Demo Women's Shelter (Vientiane)",
       Details({{"LA", {"Vientiane Capital", "Savannakhet", "Champasak"}}},
               {kShelter, kMedical, kPsych, kVoc, kEdu},
               "Shelter and counselling for Lao women and girls returned from Thailand; "
               "sewing, cooking and hairdressing courses.",
               {"lo", "th"}, AcceptsSex::kWomen, AcceptsAge::kBoth, {SE, FL, FM}, always,
               {Officer("Bounmy Phommachan", "Coordinator", "+856 21 000 201",
                        "shelter.vte@example.org", {"lo", "en"})}),
       3, 25, {}},
      {"Demo Anti-Trafficking Police (Lao PDR)",
       Details({{"LA", {}}}, {}, "Investigation of trafficking cases; border checkpoints.",
               {"lo"}, AcceptsSex::kAny, AcceptsAge::kBoth, {FL, SE}, office,
               {Officer("Vanna Sisouvan", "Liaison officer", "+856 21 000 301", "", {"lo"})}),
       std::nullopt, std::nullopt, {}},
      {kMmMinistry,
       Details({{"MM", {}}}, {kRepat, kTracing, kShelter, kMoney},
               "Reception of returned Myanmar victims at Myawaddy and Kawthaung; family tracing; "
               "reintegration support.",
               {"my", "en"}, AcceptsSex::kAny, AcceptsAge::kBoth, {FL, SE, FM, CL}, office,
               {Officer("Khin Mar Lar", "Repatriation officer", "+95 1 000 101",
                        "repatriation.mm@example.org", {"my", "en"})}),
       10, 50, {}},
      {"Demo Reintegration Shelter (Yangon)",
       Details({{"MM", {"Yangon", "Mon State", "Bago"}}}, {kShelter, kPsych, kVoc, kLivelihood},
               "Reintegration of returned fishermen and factory workers; livelihood grants.",
               {"my"}, AcceptsSex::kAny, AcceptsAge::kAdults, {FL, SV}, office,
               {Officer("Zaw Min Htun", "Programme manager", "+95 1 000 201",
                        "shelter.ygn@example.org", {"my", "en"})}),
       0, 20, {}},
      {"Demo Anti-Trafficking Task Force (Myanmar)",
       Details({{"MM", {}}}, {kInterp}, "Investigation and victim identification at the borders.",
               {"my"}, AcceptsSex::kAny, AcceptsAge::kBoth, {FL, SE, FM}, office,
               {Officer("Thant Zin", "Liaison officer", "+95 1 000 301", "attf@example.org",
                        {"my"})}),
       std::nullopt, std::nullopt, {}},
      {kVnMinistry,
       Details({{"VN", {}}}, {kRepat, kTracing, kMoney, kLivelihood},
               "Reception of returned Vietnamese victims from China and Cambodia; family "
               "tracing; reintegration.",
               {"vi", "zh", "en"}, AcceptsSex::kAny, AcceptsAge::kBoth, {FM, SE, FL, OT}, office,
               {Officer("Đỗ Thu Hà", "Repatriation officer", "+84 24 000 101",
                        "repatriation.vn@example.org", {"vi", "en"})}),
       std::nullopt, std::nullopt, {}},
      {"Demo Peace House Shelter (Ha Noi)",
       Details({{"VN", {"Hà Nội", "Lào Cai", "Hà Giang"}}}, {kShelter, kMedical, kPsych, kVoc, kEdu},
               "Shelter for women and girls returned from forced marriage in China; "
               "vocational training.",
               {"vi", "zh"}, AcceptsSex::kWomen, AcceptsAge::kBoth, {FM, SE, FL}, always,
               {Officer("Trần Thị Mai", "Director", "+84 24 000 201", "peacehouse@example.org",
                        {"vi", "en"})}),
       5, 30, {}},
      {"Demo Legal Aid Network (Viet Nam)",
       Details({{"VN", {}}}, {kLegal},
               "Legal aid to victims in criminal proceedings and compensation claims.",
               {"vi"}, AcceptsSex::kAny, AcceptsAge::kBoth, {FM, SE, FL}, office,
               {Officer("Phạm Văn Dũng", "Lawyer", "+84 24 000 301", "legal.vn@example.org",
                        {"vi"})}),
       std::nullopt, std::nullopt, {}},
      {"Demo Migrant Workers Shelter (Singapore)",
       Details({{"SG", {}}}, {kShelter, kMedical, kLegal, kInterp, kMoney},
               "Shelter and casework for migrant domestic workers and construction workers; "
               "salary claims and injury compensation.",
               {"en", "tl", "my", "zh", "ta"}, AcceptsSex::kAny, AcceptsAge::kAdults,
               {FL, SV, OT}, office,
               {Officer("Grace Tan", "Case manager", "+65 6000 0101", "shelter.sg@example.org",
                        {"en", "tl"})}),
       9, 60, {}},
      {"Demo Anti-Trafficking Unit (Singapore)",
       Details({{"SG", {}}}, {}, "Investigation of trafficking in persons.", {"en", "zh", "ms"},
               AcceptsSex::kAny, AcceptsAge::kBoth, {FL, SE}, office,
               {Officer("Tan Wei", "Liaison officer", "+65 6000 0201", "atu@example.org",
                        {"en", "zh"})}),
       std::nullopt, std::nullopt, {}},
      {"Demo Mekong Network Secretariat",
       Details({{"TH", {}}, {"KH", {}}, {"LA", {}}, {"MM", {}}, {"VN", {}}}, {},
               "Coordinates the network: the directory, MOUs and SOPs, and referral reports.",
               {"en", "th"}, AcceptsSex::kAny, AcceptsAge::kBoth, {}, office,
               {Officer("Network coordinator", "Secretariat", "+66 2 000 0001",
                        "secretariat@example.org", {"en", "th"})}),
       std::nullopt, std::nullopt,
       {{Sop("Regional SOP on transnational referral", "2024-05-01", ""), kThMinistry}}},
  };
}

}  // namespace

Status AddDemoDirectory(store::Tx& tx, Millis now) {
  ASSIGN_OR_RETURN(auto orgs, tx.orgs().List());
  std::map<std::string, domain::Id> by_name;
  for (const auto& o : orgs) by_name[o.name] = o.id;
  for (DemoProfile& demo : Profiles()) {
    auto it = by_name.find(demo.org_name);
    if (it == by_name.end()) continue;
    for (auto& [agreement, partner] : demo.agreements) {
      auto p = by_name.find(partner);
      if (p == by_name.end()) continue;
      agreement.partner_organisation_id = p->second;
      demo.details.agreements.push_back(agreement);
    }
    // The same checks as an edit through the API: the demo shows valid data.
    RETURN_IF_ERROR(domain::ValidateProfileDetails(demo.details));
    RETURN_IF_ERROR(CheckAgreementPartners(tx, it->second, demo.details));
    RETURN_IF_ERROR(domain::ValidateCapacity(demo.free_beds, demo.total_beds));
    ASSIGN_OR_RETURN(domain::DirectoryProfile p, tx.directory().Get(it->second));
    p.details = std::move(demo.details);
    if (demo.total_beds)  // capacity stated an hour ago, by the system
      p.capacity = domain::Capacity{demo.free_beds, demo.total_beds, now - 3600 * 1000, 0, ""};
    p.stamp = domain::Stamp{1, 0, now, 0, now};
    RETURN_IF_ERROR(tx.directory().Save(p));
    RETURN_IF_ERROR(tx.audit()
                        .Append({now, std::nullopt, std::nullopt, "directory.update",
                                 "directory_profile", std::to_string(it->second), "local", "demo"})
                        .status());
  }
  return Status::Ok();
}

}  // namespace trm::service
