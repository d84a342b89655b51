#include "store/tracing_repo.h"

#include <nlohmann/json.hpp>

#include "store/person_codec.h"
#include "store/stamp.h"

namespace trm::store {
namespace {

using nlohmann::json;

constexpr const char* kColumns = "id, organisation_id, officer_id, status, closed_at, details, ";
constexpr const char* kDecisionColumns = "id, request_id, case_id, decision, note, ";

std::string Place(domain::Id id) { return "tracing_requests:" + std::to_string(id) + ":details"; }
std::string NotePlace(domain::Id request_id, domain::Id case_id) {
  return "tracing_decisions:" + std::to_string(request_id) + ":" + std::to_string(case_id) + ":note";
}

std::string DetailsJson(const domain::TracingRequest& r) {
  return json{{"searcher",
               {{"name", r.searcher.name},
                {"relationship", r.searcher.relationship},
                {"contact", r.searcher.contact}}},
              {"sought",
               {{"person", EncodePerson(r.sought.person)},
                {"last_known_place", r.sought.last_known_place},
                {"remembers", r.sought.remembers}}},
              {"outcome", r.outcome}}
      .dump();
}

Status ReadDetails(const std::string& text, domain::TracingRequest& r) {
  json d = json::parse(text, nullptr, false);
  if (!d.is_object() || !d.contains("searcher") || !d["searcher"].is_object() ||
      !d.contains("sought") || !d["sought"].is_object())
    return Status::Internal("tracing request " + std::to_string(r.id) + " is unreadable");
  const json& s = d["searcher"];
  const json& p = d["sought"];
  try {
    r.searcher.name = s.value("name", "");
    r.searcher.relationship = s.value("relationship", "");
    r.searcher.contact = s.value("contact", "");
    ASSIGN_OR_RETURN(r.sought.person, DecodePerson(p.value("person", "")));
    r.sought.last_known_place = p.value("last_known_place", "");
    r.sought.remembers = p.value("remembers", "");
    r.outcome = d.value("outcome", "");
  } catch (const json::exception&) {
    return Status::Internal("tracing request " + std::to_string(r.id) + " is unreadable");
  }
  return Status::Ok();
}

}  // namespace

Result<domain::Id> TracingRepo::Insert(const domain::TracingRequest& r) {
  ASSIGN_OR_RETURN(domain::Id id,
                   conn_.Insert(std::string("INSERT INTO tracing_requests (organisation_id, officer_id, "
                                            "status, closed_at, details, ") +
                                    kStampColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                {r.organisation_id, r.officer_id, std::string(domain::Name(r.status)),
                                 r.closed_at, Blob{}, r.stamp.version, r.stamp.created_by,
                                 r.stamp.created_at, r.stamp.updated_by, r.stamp.updated_at}));
  // Sealed to the new id, so a blob copied to another row does not open.
  ASSIGN_OR_RETURN(int64_t n, conn_.Exec("UPDATE tracing_requests SET details = ? WHERE id = ?",
                                         {Blob{cipher_.Encrypt(DetailsJson(r), Place(id))}, id}));
  if (n != 1) return Status::Internal("sealing the tracing request failed");
  return id;
}

Result<domain::TracingRequest> TracingRepo::FromRow(const Row& row) {
  domain::TracingRequest r;
  r.id = row.Int(0);
  r.organisation_id = row.Int(1);
  r.officer_id = row.Int(2);
  auto status = domain::ParseTracingStatus(row.Text(3));
  if (!status) return Status::Internal("tracing request " + std::to_string(r.id) + " has an unknown status");
  r.status = *status;
  r.closed_at = row.Int(4);
  ASSIGN_OR_RETURN(std::string details, cipher_.Decrypt(row.Bytes(5), Place(r.id)));
  RETURN_IF_ERROR(ReadDetails(details, r));
  r.stamp = ReadStamp(row, 6);
  return r;
}

Result<domain::TracingRequest> TracingRepo::Get(domain::Id id) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT ") + kColumns + kStampColumns +
                                              " FROM tracing_requests WHERE id = ?",
                                          {id}));
  if (rows.empty()) return Status::NotFound("tracing request not found");
  return FromRow(rows[0]);
}

Result<std::vector<domain::TracingRequest>> TracingRepo::OfOrganisation(
    domain::Id organisation_id, std::optional<domain::TracingStatus> status, int limit) {
  std::string sql = std::string("SELECT ") + kColumns + kStampColumns +
                    " FROM tracing_requests WHERE organisation_id = ?";
  std::vector<Value> params{organisation_id};
  if (status) {
    sql += " AND status = ?";
    params.push_back(std::string(domain::Name(*status)));
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.push_back(int64_t{limit});
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(sql, params));
  std::vector<domain::TracingRequest> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(auto r, FromRow(row));
    out.push_back(std::move(r));
  }
  return out;
}

Status TracingRepo::Update(const domain::TracingRequest& r) {
  ASSIGN_OR_RETURN(
      int64_t n,
      conn_.Exec("UPDATE tracing_requests SET officer_id = ?, status = ?, closed_at = ?, details = ?, "
                 "version = ?, updated_by = ?, updated_at = ? WHERE id = ? AND version = ?",
                 {r.officer_id, std::string(domain::Name(r.status)), r.closed_at,
                  Blob{cipher_.Encrypt(DetailsJson(r), Place(r.id))}, r.stamp.version,
                  r.stamp.updated_by, r.stamp.updated_at, r.id, r.stamp.version - 1}));
  if (n == 0) return Status::Conflict("the tracing request was changed by someone else; reload it");
  return Status::Ok();
}

Result<domain::Id> TracingRepo::InsertDecision(const domain::CandidateDecision& d) {
  return conn_.Insert(std::string("INSERT INTO tracing_decisions (request_id, case_id, decision, note, ") +
                          kStampColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      {d.request_id, d.case_id, std::string(domain::Name(d.decision)),
                       Blob{cipher_.Encrypt(d.note, NotePlace(d.request_id, d.case_id))},
                       d.stamp.version, d.stamp.created_by, d.stamp.created_at, d.stamp.updated_by,
                       d.stamp.updated_at});
}

Result<domain::CandidateDecision> TracingRepo::DecisionFromRow(const Row& row) {
  domain::CandidateDecision d;
  d.id = row.Int(0);
  d.request_id = row.Int(1);
  d.case_id = row.Int(2);
  auto decision = domain::ParseTracingDecision(row.Text(3));
  if (!decision)
    return Status::Internal("tracing decision " + std::to_string(d.id) + " has an unknown decision");
  d.decision = *decision;
  ASSIGN_OR_RETURN(d.note, cipher_.Decrypt(row.Bytes(4), NotePlace(d.request_id, d.case_id)));
  d.stamp = ReadStamp(row, 5);
  return d;
}

Result<std::vector<domain::CandidateDecision>> TracingRepo::SelectDecisions(const std::string& where,
                                                                            std::vector<Value> params) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT ") + kDecisionColumns + kStampColumns +
                                              " FROM tracing_decisions WHERE " + where,
                                          params));
  std::vector<domain::CandidateDecision> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(auto d, DecisionFromRow(row));
    out.push_back(std::move(d));
  }
  return out;
}

Result<domain::CandidateDecision> TracingRepo::GetDecision(domain::Id request_id, domain::Id decision_id) {
  ASSIGN_OR_RETURN(auto found, SelectDecisions("id = ? AND request_id = ?", {decision_id, request_id}));
  if (found.empty()) return Status::NotFound("decision not found");
  return std::move(found[0]);
}

Result<std::optional<domain::CandidateDecision>> TracingRepo::FindDecision(domain::Id request_id,
                                                                           domain::Id case_id) {
  ASSIGN_OR_RETURN(auto found, SelectDecisions("request_id = ? AND case_id = ?", {request_id, case_id}));
  if (found.empty()) return std::optional<domain::CandidateDecision>();
  return std::optional<domain::CandidateDecision>(std::move(found[0]));
}

Status TracingRepo::UpdateDecision(const domain::CandidateDecision& d) {
  ASSIGN_OR_RETURN(int64_t n,
                   conn_.Exec("UPDATE tracing_decisions SET decision = ?, note = ?, version = ?, "
                              "updated_by = ?, updated_at = ? WHERE id = ? AND version = ?",
                              {std::string(domain::Name(d.decision)),
                               Blob{cipher_.Encrypt(d.note, NotePlace(d.request_id, d.case_id))},
                               d.stamp.version, d.stamp.updated_by, d.stamp.updated_at, d.id,
                               d.stamp.version - 1}));
  if (n == 0) return Status::Conflict("the decision was changed by someone else; reload it");
  return Status::Ok();
}

}  // namespace trm::store
