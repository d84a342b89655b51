#include "service/demo_register.h"

#include <string>
#include <vector>

namespace trm::service {
namespace {

using domain::RegisterStatus;
using domain::SourceKind;

constexpr Millis kDay = 24LL * 3600 * 1000;

// One step of an entry's demo history: a status, days ago, its source and why.
struct Step {
  RegisterStatus status;
  int days_ago;
  SourceKind source;
  const char* reference;
  const char* reason;
};

struct DemoEntry {
  domain::RegisterKind kind;
  domain::RegisterRole role;
  const char* country;
  domain::RegisterDetails details;
  int review_in_days;  // negative: overdue
  std::vector<Step> steps;
};

std::vector<DemoEntry> Entries() {
  using K = domain::RegisterKind;
  using R = domain::RegisterRole;
  using S = RegisterStatus;
  return {
      {K::kPerson, R::kBroker, "TH",
       {{"สมปอง รุ่งเรือง", "Sompong Rungruang"}, {"Pong Jobs"}, {}, {"Mae Sot, Tak"},
        {"+66 81 234 5678"}, {}, {"@pongjobs"}},
       180,
       {{S::kAllegedInReport, 120, SourceKind::kCase, "Hotline report HL-2569-0311",
         "Three women recruited for factory work in Malaysia describe debts and confiscated passports."},
        {S::kCaseFiled, 40, SourceKind::kCase, "Tak police case 2569/0142",
         "Police opened a case for trafficking in persons after the women's statements."}}},
      {K::kOrganisation, R::kAgency, "MM",
       {{"Shwe Myint Overseas Employment Agency", "ရွှေမြင့် ပြည်ပအလုပ်အကိုင်အေဂျင်စီ"}, {}, {"MOL-OEA-0457"},
        {"Yangon, Hlaing Township"}, {"+95 9 450 111 222"}, {"shwemyint-jobs.com"}, {}},
       -10,
       {{S::kConvicted, 300, SourceKind::kCourt, "Yangon Western District Court, case 118/2025",
         "Convicted of sending fishermen abroad under false contracts."}}},
      {K::kOrganisation, R::kEmployer, "TH",
       {{"Chokchai Marine Fishing Co., Ltd.", "บริษัท โชคชัยมารีนประมง จำกัด"}, {"Chokchai Marine"}, {},
        {"Mahachai, Samut Sakhon"}, {}, {}, {}},
       365,
       {{S::kCaseFiled, 400, SourceKind::kCase, "Samut Sakhon police case 2567/0088",
         "Labour inspection found crew kept at sea for months without pay."},
        {S::kAcquitted, 60, SourceKind::kCourt, "Samut Sakhon Provincial Court, black case 77/2568",
         "The court acquitted the company: the charges of forced labour were not proven."}}},
      {K::kPerson, R::kRecruiter, "KH",
       {{"ប៉ែន វិចិត្រ", "Pen Vichet"}, {}, {}, {}, {"+855 12 345 678"}, {}, {"t.me/vichetjobs"}},
       90,
       {{S::kAllegedInReport, 20, SourceKind::kCase, "Shelter intake report KH-2026-017",
         "Named by two young men recruited for construction work in Thailand."}}},
      {K::kOrganisation, R::kAgency, "VN",
       {{"Công ty TNHH Xuất khẩu Lao động Hòa Bình Xanh"}, {"Green Peace Labour Export"}, {"VN-LD-2231"}, {},
        {}, {"hoabinhxanh-xkld.vn"}, {}},
       0,
       {{S::kAllegedInReport, 500, SourceKind::kPublicList, "Labour ministry warning list 2024",
         "Listed for charging recruitment fees above the legal limit."},
        {S::kDismissed, 200, SourceKind::kPublicList, "Labour ministry warning list 2025",
         "Removed from the ministry's list after the fees were refunded."}}},
      // Written in Thai only: a check for "Somchai Jaidee" or "Siam Raeng
      // Ngan Co., Ltd." finds them through the matching engine.
      {K::kPerson, R::kBroker, "TH",
       {{"สมชาย ใจดี"}, {}, {}, {"Songkhla"}, {}, {}, {}},
       120,
       {{S::kAllegedInReport, 15, SourceKind::kCase, "Hotline report HL-2569-0457",
         "Four men recruited for fishing boats say they paid fees for jobs that did not exist."}}},
      {K::kOrganisation, R::kAgency, "TH",
       {{"บริษัท สยามแรงงาน จำกัด"}, {}, {}, {"Bangkok, Din Daeng"}, {}, {}, {}},
       200,
       {{S::kCaseFiled, 30, SourceKind::kCase, "Department of Employment complaint 2569/118",
         "Workers sent to Taiwan were charged fees above the legal limit and lost their jobs on arrival."}}},
  };
}

// The Thai police's first demo case, to link the broker to; 0 when none.
Result<domain::Id> ThaiPoliceCase(store::Tx& tx) {
  ASSIGN_OR_RETURN(auto orgs, tx.orgs().List());
  for (const auto& o : orgs) {
    if (o.name != "Demo Anti-Trafficking Police Division (Thailand)") continue;
    store::CaseScope scope{0, o.id, true, false};
    store::CaseFilter filter;
    filter.page_size = 1;
    ASSIGN_OR_RETURN(store::CasePage page, tx.cases().List(scope, filter));
    if (!page.items.empty()) return page.items.front().id;
  }
  return domain::Id{0};
}

}  // namespace

Status AddDemoRegister(store::Tx& tx, Millis now) {
  ASSIGN_OR_RETURN(domain::Id police_case, ThaiPoliceCase(tx));
  bool first = true;
  for (const DemoEntry& d : Entries()) {
    domain::RegisterEntry e;
    e.kind = d.kind;
    e.role = d.role;
    e.country = d.country;
    e.details = d.details;
    if (d.review_in_days != 0) e.review_date = FormatDate(now + d.review_in_days * kDay);
    const Step& last = d.steps.back();
    e.status = last.status;
    e.status_date = FormatDate(now - last.days_ago * kDay);
    e.source = {last.source, last.reference};
    e.stamp = domain::Stamp{static_cast<int64_t>(d.steps.size()), 0, now, 0, now};
    RETURN_IF_ERROR(domain::ValidateRegisterEntry(e));
    ASSIGN_OR_RETURN(e.id, tx.register_entries().Insert(e));
    std::optional<RegisterStatus> from;
    for (const Step& s : d.steps) {
      domain::RegisterHistory h{0, e.id, now, 0, from ? "status" : "create", from, s.status,
                                FormatDate(now - s.days_ago * kDay), {s.source, s.reference}, s.reason};
      RETURN_IF_ERROR(tx.register_entries().AddHistory(h).status());
      from = s.status;
    }
    RETURN_IF_ERROR(tx.audit()
                        .Append({now, std::nullopt, std::nullopt, "register.create", "register_entry",
                                 std::to_string(e.id), "local", "demo"})
                        .status());
    if (first && police_case != 0) {
      RETURN_IF_ERROR(tx.register_entries().AddLink({0, e.id, police_case, {1, 0, now, 0, now}}).status());
      RETURN_IF_ERROR(tx.register_entries()
                          .AddHistory({0, e.id, now, 0, "link", e.status, e.status, e.status_date, e.source,
                                       "The broker is named in this case (demo)."})
                          .status());
    }
    first = false;
  }
  return Status::Ok();
}

}  // namespace trm::service
