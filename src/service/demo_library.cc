#include "service/demo_library.h"

#include <map>
#include <random>
#include <string>

#include "crypto/crypto.h"
#include "domain/library_file.h"
#include "store/stamp.h"

namespace trm::service {
namespace {

constexpr Millis kDay = 86'400'000;

struct DemoVersion {
  const char* filename;
  std::string body;
  const char* language;
  std::vector<std::string> countries;
  std::vector<const char*> parties;  // organisation names
  const char* effective_date;
  const char* summary;
};

struct DemoDocument {
  domain::DocumentKind kind;
  const char* title;
  std::vector<DemoVersion> versions;  // oldest first
  const char* withdrawn_reason = nullptr;
};

// A one-page PDF with a line of text: enough for a viewer to open.
std::string Pdf(const std::string& line) {
  const std::string stream = "BT /F1 14 Tf 72 720 Td (" + line + ") Tj ET";
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  };
  std::string out = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
    out += buf;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

const char* const kThMinistry = "Demo Ministry of Social Development (Thailand)";
const char* const kKhMinistry = "Demo Ministry of Social Affairs (Cambodia)";

std::vector<DemoDocument> Documents() {
  using K = domain::DocumentKind;
  const std::vector<std::string> region = {"TH", "KH", "LA", "MM", "VN"};
  return {
      {K::kMou, "MOU Thailand-Cambodia on assistance to victims of trafficking (demo)",
       {{"mou-th-kh.pdf", Pdf("MOU Thailand - Cambodia (demo text)"), "en", {"TH", "KH"},
         {kThMinistry, kKhMinistry}, "2024-03-01",
         "Who identifies, shelters, verifies nationality and receives a returning person; contact points."}}},
      {K::kSop, "Regional SOP on transnational referral (demo)",
       {{"regional-sop-2023.txt",
         "Regional SOP on transnational referral (demo)\n\n1. Identify.\n2. Obtain consent.\n3. Refer.\n",
         "en", region, {}, "2023-05-01", "First edition."},
        {"regional-sop-2025.pdf", Pdf("Regional SOP on transnational referral, 2025 (demo)"), "en", region, {},
         "2025-05-01", "Adds the consent gate and the referral deadlines."}}},
      {K::kRightsNotice, "Your rights as a person we assist (Khmer, demo)",
       {{"rights-km.txt", "សិទ្ធិរបស់អ្នក (ឯកសារសាកល្បង)\n\nអ្នកមានសិទ្ធិទទួលបានព័ត៌មាន។\n", "km", {"KH", "TH"}, {},
         "2024-01-01", "The rights notice read to Khmer speakers at identification."}}},
      {K::kHandbook, "Case management handbook for shelters (Thai, demo)",
       {{"handbook-th.txt", "คู่มือการจัดการรายกรณีสำหรับบ้านพักฯ (ตัวอย่าง)\n", "th", {"TH"}, {}, "2022-09-01",
         "Intake, needs assessment, support plans and follow-up."}}},
      {K::kForm, "Paper referral form (demo)",
       {{"referral-form.txt", "Referral form (demo)\nFrom: ...\nTo: ...\nServices: ...\n", "en", region, {},
         "2021-01-01", "For when the system cannot be reached."}},
       "Replaced by referrals in OpenTRM."},
  };
}

// A case worker of the organisation (0 when it has none).
Result<domain::Id> CaseWorkerOf(store::Tx& tx, domain::Id org) {
  ASSIGN_OR_RETURN(auto users, tx.users().ListByOrganisation(org));
  for (const auto& u : users)
    if (u.role == domain::Role::kCaseWorker) return u.id;
  return domain::Id{0};
}

}  // namespace

Status AddDemoLibrary(store::Tx& tx, Millis now) {
  ASSIGN_OR_RETURN(auto secretariat, tx.users().FindByUsername("net-secretariat"));
  if (!secretariat) return Status::Ok();
  const domain::Id by = secretariat->id;
  ASSIGN_OR_RETURN(auto orgs, tx.orgs().List());
  std::map<std::string, domain::Id> by_name;
  for (const auto& o : orgs) by_name[o.name] = o.id;
  for (const DemoDocument& demo : Documents()) {
    domain::LibraryDocument d;
    d.kind = demo.kind;
    d.title = demo.title;
    d.stamp = store::NewStamp(by, now);
    RETURN_IF_ERROR(domain::ValidateDocumentTitle(d.title));
    ASSIGN_OR_RETURN(d.id, tx.library().InsertDocument(d));
    int number = 0;
    for (const DemoVersion& dv : demo.versions) {
      domain::DocumentVersion v;
      v.document_id = d.id;
      v.number = ++number;
      v.language = dv.language;
      v.countries = dv.countries;
      for (const char* party : dv.parties)
        if (by_name.count(party)) v.organisations.push_back(by_name[party]);
      v.effective_date = dv.effective_date;
      v.summary = dv.summary;
      // The same checks as a publication through the API.
      RETURN_IF_ERROR(domain::ValidateVersionDetails(d.kind, v));
      ASSIGN_OR_RETURN(domain::CheckedFile file, domain::CheckUpload(dv.filename, dv.body));
      v.filename = dv.filename;
      v.content_type = file.content_type;
      v.size = static_cast<int64_t>(dv.body.size());
      v.sha256 = crypto::Sha256Hex(dv.body);
      v.stamp = store::NewStamp(by, now);
      RETURN_IF_ERROR(tx.library().InsertVersion(v, dv.body).status());
    }
    if (demo.withdrawn_reason) {
      d.status = domain::DocumentStatus::kWithdrawn;
      d.withdrawn_reason = demo.withdrawn_reason;
      d.withdrawn_at = now;
      d.withdrawn_by = by;
      d.stamp.version = 2;
      RETURN_IF_ERROR(tx.library().UpdateDocument(d));
    }
    RETURN_IF_ERROR(tx.audit()
                        .Append({now, by, secretariat->organisation_id, "library.publish", "library_document",
                                 std::to_string(d.id), "local", "demo"})
                        .status());
  }
  return Status::Ok();
}

Status AddDemoReferrals(store::Tx& tx, Millis now, const std::vector<std::pair<domain::Id, domain::Id>>& cases) {
  using S = domain::ReferralStatus;
  ASSIGN_OR_RETURN(auto orgs, tx.orgs().List());
  std::map<std::string, domain::Id> by_name;
  for (const auto& o : orgs) by_name[o.name] = o.id;
  // Who refers to whom, for what, and how often (out of 20 draws).
  struct Route {
    const char* from;
    const char* to;
    const char* service;
    int weight;
  };
  const Route routes[] = {
      {"Demo Shelter for Women and Children (Bangkok)", "Demo Legal Aid Centre (Cambodia)", "legal_aid", 6},
      {kThMinistry, kKhMinistry, "repatriation", 6},
      {kThMinistry, "Demo Department of Social Welfare (Myanmar)", "repatriation", 3},
      {kThMinistry, "Demo Ministry of Labour and Social Welfare (Lao PDR)", "repatriation", 2},
      {"Demo 24-hour Anti-Trafficking Hotline (Thailand)", "Demo Shelter for Women and Children (Bangkok)",
       "shelter", 3},
  };
  std::mt19937 rng(4);
  const S outcomes[] = {S::kCompleted, S::kCompleted, S::kCompleted, S::kCompleted, S::kCompleted,
                        S::kCompleted, S::kDeclined,  S::kClosed,    S::kWithdrawn, S::kCompleted};
  for (int i = 0; i < 70; ++i) {
    int draw = static_cast<int>(rng() % 20);
    const Route* route = &routes[0];
    for (const Route& r : routes) {
      if (draw < r.weight) {
        route = &r;
        break;
      }
      draw -= r.weight;
    }
    if (!by_name.count(route->from) || !by_name.count(route->to)) continue;
    const domain::Id from = by_name[route->from];
    std::vector<domain::Id> own;
    for (const auto& [case_id, org] : cases)
      if (org == from) own.push_back(case_id);
    if (own.empty()) continue;
    domain::Referral r;
    r.case_id = own[rng() % own.size()];
    r.from_organisation_id = from;
    r.to_organisation_id = by_name[route->to];
    r.services = {route->service};
    r.parts = domain::DefaultParts(r.services);
    r.summary = "Demo referral for " + std::string(route->service) + ".";
    r.sent_at = now - static_cast<Millis>(20 + rng() % 330) * kDay - static_cast<Millis>(rng() % 86'400) * 1000;
    r.respond_by = FormatDate(r.sent_at + 3 * kDay);
    r.status = outcomes[rng() % 10];
    const Millis answer = r.sent_at + static_cast<Millis>(2 + rng() % 120) * 3'600'000;
    if (r.status == S::kWithdrawn) {
      r.finished_at = r.sent_at + kDay;
    } else {
      r.answered_at = answer;
      r.finished_at = r.status == S::kDeclined ? answer : answer + static_cast<Millis>(5 + rng() % 60) * kDay;
    }
    ASSIGN_OR_RETURN(domain::Id by, CaseWorkerOf(tx, from));
    ASSIGN_OR_RETURN(domain::Id answerer, CaseWorkerOf(tx, r.to_organisation_id));
    if (by == 0 || answerer == 0) continue;
    r.stamp = domain::Stamp{4, by, r.sent_at, by, r.finished_at};
    ASSIGN_OR_RETURN(r.id, tx.referrals().Insert(r));
    // The timeline as the lifecycle would have written it.
    auto event = [&](Millis at, domain::Id actor, domain::Id org, const char* kind, const char* text) {
      return tx.referrals().AddEvent({0, r.id, at, actor, org, kind, text}).status();
    };
    RETURN_IF_ERROR(event(r.sent_at, by, from, "send", ""));
    if (r.status == S::kWithdrawn) {
      RETURN_IF_ERROR(event(r.finished_at, by, from, "withdraw", ""));
      continue;
    }
    const bool declined = r.status == S::kDeclined;
    RETURN_IF_ERROR(event(r.answered_at, answerer, r.to_organisation_id, declined ? "decline" : "accept",
                          declined ? "No capacity at the moment (demo)." : ""));
    if (!declined)
      RETURN_IF_ERROR(event(r.finished_at, answerer, r.to_organisation_id,
                            r.status == S::kCompleted ? "complete" : "close", "Demo outcome."));
  }
  return Status::Ok();
}

}  // namespace trm::service
