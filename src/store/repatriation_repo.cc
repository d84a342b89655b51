#include "store/repatriation_repo.h"

#include <nlohmann/json.hpp>

#include "store/column_values.h"
#include "store/stamp.h"

namespace trm::store {
namespace {

using nlohmann::json;

constexpr const char* kColumns =
    "id, referral_id, case_id, destination_organisation_id, origin_organisation_id, flow_id, "
    "destination_country, origin_country, status, started_on, completed_on, completed_at, ";
constexpr const char* kStepColumns =
    "id, repatriation_id, position, code, side, expected_days, after_steps, records_handover, state, "
    "done_on, done_by, details, ";

std::string StepPlace(domain::Id id, domain::Id repatriation_id) {
  return "repatriation_steps:" + std::to_string(id) + ":" + std::to_string(repatriation_id);
}

std::string DetailsJson(const domain::RepatriationStep& s) {
  json docs = json::array();
  for (const auto& d : s.documents) docs.push_back({{"name", d.name}, {"number", d.number}});
  json j = {{"notes", s.notes}, {"documents", docs}, {"reason", s.reason}, {"handover", nullptr}};
  if (s.handover) {
    const domain::Handover& h = *s.handover;
    j["handover"] = {{"from_person", h.from_person}, {"from_organisation", h.from_organisation},
                     {"to_person", h.to_person},     {"to_organisation", h.to_organisation},
                     {"place", h.place},             {"date", h.date}};
  }
  return j.dump();
}

Status ReadDetails(const std::string& text, domain::RepatriationStep& s) {
  json d = json::parse(text, nullptr, false);
  if (!d.is_object() || !d.contains("documents") || !d["documents"].is_array())
    return Status::Internal("repatriation step details are unreadable");
  s.notes = d.value("notes", "");
  s.reason = d.value("reason", "");
  for (const json& doc : d["documents"]) s.documents.push_back({doc.value("name", ""), doc.value("number", "")});
  if (d.contains("handover") && d["handover"].is_object()) {
    const json& h = d["handover"];
    s.handover = domain::Handover{h.value("from_person", ""), h.value("from_organisation", ""),
                                  h.value("to_person", ""),   h.value("to_organisation", ""),
                                  h.value("place", ""),       h.value("date", "")};
  }
  return Status::Ok();
}

}  // namespace

Result<domain::Id> RepatriationRepo::Insert(const domain::Repatriation& r) {
  return conn_.Insert(
      std::string("INSERT INTO repatriations (referral_id, case_id, destination_organisation_id, "
                  "origin_organisation_id, flow_id, destination_country, origin_country, status, "
                  "started_on, completed_on, completed_at, ") +
          kStampColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {r.referral_id, r.case_id, r.destination_organisation_id, r.origin_organisation_id, r.flow_id,
       r.destination_country, r.origin_country, std::string(domain::Name(r.status)), r.started_on,
       r.completed_on, r.completed_at, r.stamp.version, r.stamp.created_by, r.stamp.created_at,
       r.stamp.updated_by, r.stamp.updated_at});
}

Result<std::vector<domain::Repatriation>> RepatriationRepo::Select(const std::string& where,
                                                                   std::vector<Value> params) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT ") + kColumns + kStampColumns +
                                              " FROM repatriations WHERE " + where,
                                          params));
  std::vector<domain::Repatriation> out;
  for (const Row& row : rows) {
    domain::Repatriation r;
    r.id = row.Int(0);
    r.referral_id = row.Int(1);
    r.case_id = row.Int(2);
    r.destination_organisation_id = row.Int(3);
    r.origin_organisation_id = row.Int(4);
    r.flow_id = row.Text(5);
    r.destination_country = row.Text(6);
    r.origin_country = row.Text(7);
    auto status = domain::ParseRepatriationStatus(row.Text(8));
    if (!status) return Status::Internal("repatriation " + std::to_string(r.id) + " is unreadable");
    r.status = *status;
    r.started_on = row.Text(9);
    r.completed_on = row.Text(10);
    r.completed_at = row.Int(11);
    r.stamp = ReadStamp(row, 12);
    out.push_back(std::move(r));
  }
  return out;
}

Result<domain::Repatriation> RepatriationRepo::Get(domain::Id id) {
  ASSIGN_OR_RETURN(auto rows, Select("id = ?", {id}));
  if (rows.empty()) return Status::NotFound("repatriation not found");
  return std::move(rows[0]);
}

Result<std::optional<domain::Repatriation>> RepatriationRepo::OfReferral(domain::Id referral_id) {
  ASSIGN_OR_RETURN(auto rows, Select("referral_id = ?", {referral_id}));
  if (rows.empty()) return std::optional<domain::Repatriation>();
  return std::optional<domain::Repatriation>(std::move(rows[0]));
}

Result<std::vector<domain::Repatriation>> RepatriationRepo::OfOrganisation(
    domain::Id org, std::optional<domain::RepatriationStatus> status, int limit) {
  if (status)
    return Select("(destination_organisation_id = ? OR origin_organisation_id = ?) AND status = ? "
                  "ORDER BY id DESC LIMIT ?",
                  {org, org, std::string(domain::Name(*status)), int64_t{limit}});
  return Select("(destination_organisation_id = ? OR origin_organisation_id = ?) ORDER BY id DESC LIMIT ?",
                {org, org, int64_t{limit}});
}

Status RepatriationRepo::Update(const domain::Repatriation& r) {
  ASSIGN_OR_RETURN(int64_t n,
                   conn_.Exec("UPDATE repatriations SET status = ?, completed_on = ?, completed_at = ?, "
                              "version = ?, updated_by = ?, updated_at = ? WHERE id = ? AND version = ?",
                              {std::string(domain::Name(r.status)), r.completed_on, r.completed_at,
                               r.stamp.version, r.stamp.updated_by, r.stamp.updated_at, r.id,
                               r.stamp.version - 1}));
  if (n == 0) return Status::Conflict("the repatriation was changed by someone else; reload it");
  return Status::Ok();
}

Result<domain::Id> RepatriationRepo::InsertStep(const domain::RepatriationStep& s) {
  ASSIGN_OR_RETURN(
      domain::Id id,
      conn_.Insert(std::string("INSERT INTO repatriation_steps (repatriation_id, position, code, side, "
                               "expected_days, after_steps, records_handover, state, done_on, done_by, "
                               "details, ") +
                       kStampColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   {s.repatriation_id, int64_t{s.position}, s.code, std::string(domain::Name(s.side)),
                    int64_t{s.expected_days}, JoinCodes(s.after), int64_t{s.records_handover ? 1 : 0},
                    std::string(domain::Name(s.state)), s.done_on, OptionalId(s.done_by), Blob{}, s.stamp.version,
                    s.stamp.created_by, s.stamp.created_at, s.stamp.updated_by, s.stamp.updated_at}));
  ASSIGN_OR_RETURN(int64_t n,
                   conn_.Exec("UPDATE repatriation_steps SET details = ? WHERE id = ?",
                              {Blob{cipher_.Encrypt(DetailsJson(s), StepPlace(id, s.repatriation_id))}, id}));
  if (n != 1) return Status::Internal("sealing the repatriation step failed");
  return id;
}

Result<std::vector<domain::RepatriationStep>> RepatriationRepo::Steps(domain::Id repatriation_id) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT ") + kStepColumns + kStampColumns +
                                              " FROM repatriation_steps WHERE repatriation_id = ? "
                                              "ORDER BY position",
                                          {repatriation_id}));
  std::vector<domain::RepatriationStep> out;
  for (const Row& row : rows) {
    domain::RepatriationStep s;
    s.id = row.Int(0);
    s.repatriation_id = row.Int(1);
    s.position = static_cast<int>(row.Int(2));
    s.code = row.Text(3);
    auto side = domain::ParseRepatriationSide(row.Text(4));
    auto state = domain::ParseStepState(row.Text(8));
    if (!side || !state) return Status::Internal("repatriation step " + std::to_string(s.id) + " is unreadable");
    s.side = *side;
    s.expected_days = static_cast<int>(row.Int(5));
    s.after = SplitCodes(row.Text(6));
    s.records_handover = row.Int(7) != 0;
    s.state = *state;
    s.done_on = row.Text(9);
    s.done_by = row.OptInt(10);
    ASSIGN_OR_RETURN(std::string details, cipher_.Decrypt(row.Bytes(11), StepPlace(s.id, s.repatriation_id)));
    RETURN_IF_ERROR(ReadDetails(details, s));
    s.stamp = ReadStamp(row, 12);
    out.push_back(std::move(s));
  }
  return out;
}

Status RepatriationRepo::UpdateStep(const domain::RepatriationStep& s) {
  ASSIGN_OR_RETURN(
      int64_t n,
      conn_.Exec("UPDATE repatriation_steps SET state = ?, done_on = ?, done_by = ?, details = ?, version = ?, "
                 "updated_by = ?, updated_at = ? WHERE id = ? AND repatriation_id = ? AND version = ?",
                 {std::string(domain::Name(s.state)), s.done_on, OptionalId(s.done_by),
                  Blob{cipher_.Encrypt(DetailsJson(s), StepPlace(s.id, s.repatriation_id))}, s.stamp.version,
                  s.stamp.updated_by, s.stamp.updated_at, s.id, s.repatriation_id, s.stamp.version - 1}));
  if (n == 0) return Status::Conflict("the step was changed by someone else; reload it");
  return Status::Ok();
}

Result<std::vector<CompletedRepatriation>> RepatriationRepo::CompletedBetween(const std::string& from,
                                                                              const std::string& to) {
  ASSIGN_OR_RETURN(auto list, Select("status = 'completed' AND completed_on >= ? AND completed_on < ? "
                                     "ORDER BY completed_on, id",
                                     {from, to}));
  std::vector<CompletedRepatriation> out;
  for (const auto& r : list)
    out.push_back({r.id, r.flow_id, r.destination_country, r.origin_country, r.destination_organisation_id,
                   r.origin_organisation_id, r.started_on, r.completed_on,
                   domain::DurationDays(r.started_on, r.completed_on)});
  return out;
}

}  // namespace trm::store
