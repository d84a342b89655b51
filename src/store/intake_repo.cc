#include "store/intake_repo.h"

#include <nlohmann/json.hpp>

#include "store/stamp.h"

namespace trm::store {
namespace {

using nlohmann::json;

constexpr const char* kSelect =
    "SELECT id, organisation_id, channel, received_at, urgency, status, "
    "assigned_organisation_id, case_id, details, reporter, ";

int64_t Rank(domain::Urgency u) { return static_cast<int64_t>(u); }

Value Opt(const std::optional<int64_t>& v) {
  if (v) return *v;
  return std::monostate{};
}

std::string Place(domain::Id id, const char* part) {
  return "intake_reports:" + std::to_string(id) + ":" + part;
}

std::string DetailsJson(const domain::IntakeReport& r) {
  json persons = json::array();
  for (const auto& p : r.persons)
    persons.push_back({{"name", p.name},
                       {"approximate_age", p.approximate_age ? json(*p.approximate_age) : json(nullptr)},
                       {"child", p.child},
                       {"gender", domain::Name(p.gender)},
                       {"citizenship", p.citizenship},
                       {"description", p.description}});
  return json{{"language", r.language},       {"interpreter_used", r.interpreter_used},
              {"persons", persons},           {"location_country", r.location_country},
              {"location", r.location},       {"what_happened", r.what_happened},
              {"assigned_team", r.assigned_team},
              {"people_count", r.people_count ? json(*r.people_count) : json(nullptr)},
              {"receipt", r.receipt}}
      .dump();
}

std::string ReporterJson(const domain::Reporter& p) {
  return json{{"name", p.name},
              {"contact", p.contact},
              {"relationship", p.relationship},
              {"anonymous", p.anonymous}}
      .dump();
}

}  // namespace

Result<domain::Id> IntakeRepo::Insert(const domain::IntakeReport& r) {
  ASSIGN_OR_RETURN(
      domain::Id id,
      conn_.Insert(std::string("INSERT INTO intake_reports (organisation_id, channel, received_at, "
                               "urgency, urgency_rank, status, assigned_organisation_id, case_id, "
                               "details, reporter, ") +
                       kStampColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   {r.organisation_id, std::string(domain::Name(r.channel)), r.received_at,
                    std::string(domain::Name(r.urgency)), Rank(r.urgency),
                    std::string(domain::Name(r.status)), Opt(r.assigned_organisation_id),
                    Opt(r.case_id), Blob{}, Blob{}, r.stamp.version, r.stamp.created_by,
                    r.stamp.created_at, r.stamp.updated_by, r.stamp.updated_at}));
  ASSIGN_OR_RETURN(int64_t n,
                   conn_.Exec("UPDATE intake_reports SET details = ?, reporter = ? WHERE id = ?",
                              {Blob{cipher_.Encrypt(DetailsJson(r), Place(id, "details"))},
                               Blob{cipher_.Encrypt(ReporterJson(r.reporter), Place(id, "reporter"))},
                               id}));
  if (n != 1) return Status::Internal("sealing the intake report failed");
  return id;
}

Result<domain::IntakeReport> IntakeRepo::FromRow(const Row& row, bool with_reporter) {
  domain::IntakeReport r;
  r.id = row.Int(0);
  r.organisation_id = row.Int(1);
  auto channel = domain::ParseIntakeChannel(row.Text(2));
  auto urgency = domain::ParseUrgency(row.Text(4));
  auto status = domain::ParseReportStatus(row.Text(5));
  if (!channel || !urgency || !status)
    return Status::Internal("intake report " + std::to_string(r.id) + " is unreadable");
  r.channel = *channel;
  r.received_at = row.Int(3);
  r.urgency = *urgency;
  r.status = *status;
  r.assigned_organisation_id = row.OptInt(6);
  r.case_id = row.OptInt(7);
  ASSIGN_OR_RETURN(std::string details, cipher_.Decrypt(row.Bytes(8), Place(r.id, "details")));
  json d = json::parse(details, nullptr, false);
  if (!d.is_object()) return Status::Internal("intake report details are unreadable");
  r.language = d.value("language", "");
  r.interpreter_used = d.value("interpreter_used", false);
  r.location_country = d.value("location_country", "");
  r.location = d.value("location", "");
  r.what_happened = d.value("what_happened", "");
  r.assigned_team = d.value("assigned_team", "");
  r.receipt = d.value("receipt", "");
  if (d.contains("people_count") && d["people_count"].is_number_integer())
    r.people_count = d["people_count"].get<int>();
  for (const json& p : d.value("persons", json::array())) {
    domain::ReportedPerson rp;
    rp.name = p.value("name", "");
    if (p.contains("approximate_age") && p["approximate_age"].is_number_integer())
      rp.approximate_age = p["approximate_age"].get<int>();
    rp.child = p.value("child", false);
    rp.gender = domain::ParseGender(p.value("gender", "NonSpecifiedUnknown"))
                    .value_or(domain::Gender::kNonSpecifiedUnknown);
    rp.citizenship = p.value("citizenship", "");
    rp.description = p.value("description", "");
    r.persons.push_back(std::move(rp));
  }
  if (with_reporter) {
    ASSIGN_OR_RETURN(std::string rep, cipher_.Decrypt(row.Bytes(9), Place(r.id, "reporter")));
    json j = json::parse(rep, nullptr, false);
    if (!j.is_object()) return Status::Internal("intake reporter is unreadable");
    r.reporter = domain::Reporter{j.value("name", ""), j.value("contact", ""),
                                  j.value("relationship", ""), j.value("anonymous", false)};
  }
  r.stamp = ReadStamp(row, 10);
  return r;
}

Result<domain::IntakeReport> IntakeRepo::Get(domain::Id id, bool with_reporter) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string(kSelect) + kStampColumns +
                                              " FROM intake_reports WHERE id = ?",
                                          {id}));
  if (rows.empty()) return Status::NotFound("report not found");
  return FromRow(rows[0], with_reporter);
}

Result<std::vector<domain::IntakeReport>> IntakeRepo::Queue(domain::Id organisation_id,
                                                            bool with_reporter) {
  ASSIGN_OR_RETURN(Rows rows,
                   conn_.Query(std::string(kSelect) + kStampColumns +
                                   " FROM intake_reports WHERE organisation_id = ? AND status <> "
                                   "'linked' ORDER BY urgency_rank, received_at, id LIMIT 500",
                               {organisation_id}));
  std::vector<domain::IntakeReport> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(auto r, FromRow(row, with_reporter));
    out.push_back(std::move(r));
  }
  return out;
}

Status IntakeRepo::UpdateHandling(const domain::IntakeReport& r) {
  // The assigned team is inside the sealed details: reseal them.
  ASSIGN_OR_RETURN(
      int64_t n,
      conn_.Exec("UPDATE intake_reports SET status = ?, assigned_organisation_id = ?, case_id = ?, "
                 "details = ?, version = ?, updated_by = ?, updated_at = ? "
                 "WHERE id = ? AND version = ?",
                 {std::string(domain::Name(r.status)), Opt(r.assigned_organisation_id),
                  Opt(r.case_id), Blob{cipher_.Encrypt(DetailsJson(r), Place(r.id, "details"))},
                  r.stamp.version, r.stamp.updated_by, r.stamp.updated_at, r.id,
                  r.stamp.version - 1}));
  if (n == 0) return Status::Conflict("the report was changed by someone else; reload it");
  return Status::Ok();
}

}  // namespace trm::store
