#include "store/casework_repo.h"

#include <nlohmann/json.hpp>

#include "store/stamp.h"

namespace trm::store {
namespace {

using nlohmann::json;

Value Opt(const std::optional<int64_t>& v) {
  if (v) return *v;
  return std::monostate{};
}

std::vector<Value> StampValues(const domain::Stamp& s) {
  return {s.version, s.created_by, s.created_at, s.updated_by, s.updated_at};
}

const char* ScopeKindName(domain::ConsentScope::Kind k) {
  switch (k) {
    case domain::ConsentScope::Kind::kAnyone: return "anyone";
    case domain::ConsentScope::Kind::kCountry: return "country";
    case domain::ConsentScope::Kind::kOrganisation: return "organisation";
  }
  return "anyone";
}

std::optional<domain::ConsentScope::Kind> ParseScopeKind(const std::string& s) {
  if (s == "anyone") return domain::ConsentScope::Kind::kAnyone;
  if (s == "country") return domain::ConsentScope::Kind::kCountry;
  if (s == "organisation") return domain::ConsentScope::Kind::kOrganisation;
  return std::nullopt;
}

Result<json> ParseDetails(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::Internal("stored details are unreadable");
  return j;
}

}  // namespace

Result<domain::Id> CaseworkRepo::InsertSealed(const std::string& table,
                                              const std::string& insert_sql,
                                              std::vector<Value> params,
                                              const std::string& details) {
  ASSIGN_OR_RETURN(domain::Id id, conn_.Insert(insert_sql, params));
  const std::string blob = cipher_.Encrypt(details, table + ":" + std::to_string(id));
  ASSIGN_OR_RETURN(int64_t n, conn_.Exec("UPDATE " + table + " SET details = ? WHERE id = ?",
                                         {Blob{blob}, id}));
  if (n != 1) return Status::Internal("sealing " + table + " row failed");
  return id;
}

Result<std::string> CaseworkRepo::Open(const std::string& table, domain::Id id,
                                       const std::string& blob) {
  return cipher_.Decrypt(blob, table + ":" + std::to_string(id));
}

Result<domain::Id> CaseworkRepo::AddConsent(const domain::ConsentRecord& r, Millis now) {
  json d = {{"explained_in_language", r.explained_in_language},
            {"interpreter_used", r.interpreter_used},
            {"rights_notice_version", r.rights_notice_version},
            {"child", nullptr}};
  if (r.child)
    d["child"] = {{"guardian_name", r.child->guardian_name},
                  {"best_interest_decision", r.child->best_interest_decision}};
  std::vector<Value> params = {
      r.case_id,
      std::string(domain::Name(r.purpose)),
      std::string(domain::Name(r.decision)),
      std::string(ScopeKindName(r.scope.kind)),
      r.scope.kind == domain::ConsentScope::Kind::kCountry ? Value(r.scope.country)
                                                           : Value(std::monostate{}),
      r.scope.kind == domain::ConsentScope::Kind::kOrganisation ? Value(r.scope.organisation_id)
                                                                : Value(std::monostate{}),
      r.decided_at,
      Opt(r.expires_at),
      Blob{}};
  for (auto& v : StampValues(NewStamp(r.recorded_by, now))) params.push_back(std::move(v));
  return InsertSealed("consent_records",
                      std::string("INSERT INTO consent_records (case_id, purpose, decision, "
                                  "scope_kind, scope_country, scope_organisation_id, decided_at, "
                                  "expires_at, details, ") +
                          kStampColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      std::move(params), d.dump());
}

Result<std::vector<domain::ConsentRecord>> CaseworkRepo::Consents(domain::Id case_id) {
  ASSIGN_OR_RETURN(Rows rows,
                   conn_.Query("SELECT id, case_id, purpose, decision, scope_kind, scope_country, "
                               "scope_organisation_id, decided_at, expires_at, details, created_by "
                               "FROM consent_records WHERE case_id = ? "
                               "ORDER BY decided_at DESC, id DESC",
                               {case_id}));
  std::vector<domain::ConsentRecord> out;
  for (const Row& row : rows) {
    domain::ConsentRecord r;
    r.id = row.Int(0);
    r.case_id = row.Int(1);
    auto purpose = domain::ParseConsentPurpose(row.Text(2));
    auto decision = domain::ParseConsentDecision(row.Text(3));
    auto kind = ParseScopeKind(row.Text(4));
    if (!purpose || !decision || !kind)
      return Status::Internal("consent record " + std::to_string(r.id) + " is unreadable");
    r.purpose = *purpose;
    r.decision = *decision;
    r.scope.kind = *kind;
    r.scope.country = row.Text(5);
    r.scope.organisation_id = row.Int(6);
    r.decided_at = row.Int(7);
    r.expires_at = row.OptInt(8);
    ASSIGN_OR_RETURN(std::string text, Open("consent_records", r.id, row.Bytes(9)));
    ASSIGN_OR_RETURN(json d, ParseDetails(text));
    r.explained_in_language = d.value("explained_in_language", "");
    r.interpreter_used = d.value("interpreter_used", false);
    r.rights_notice_version = d.value("rights_notice_version", "");
    if (d.contains("child") && d["child"].is_object())
      r.child = domain::ChildConsent{d["child"].value("guardian_name", ""),
                                     d["child"].value("best_interest_decision", "")};
    r.recorded_by = row.Int(10);
    out.push_back(std::move(r));
  }
  return out;
}

Result<domain::Id> CaseworkRepo::AddScreening(const domain::ScreeningRecord& r) {
  json obs = json::array();
  for (const auto& o : r.observations)
    obs.push_back({{"indicator_id", o.indicator_id},
                   {"observed_by", o.observed_by},
                   {"note", o.note},
                   {"observed_at", o.observed_at}});
  json d = {{"observations", obs}, {"evaluation", r.evaluation_json}};
  std::vector<Value> params = {r.case_id, r.set_id, std::string(domain::Name(r.group)),
                               std::string(domain::Name(r.outcome)), Blob{}};
  for (auto& v : StampValues(r.stamp)) params.push_back(std::move(v));
  return InsertSealed("screenings",
                      std::string("INSERT INTO screenings (case_id, set_id, person_group, "
                                  "outcome, details, ") +
                          kStampColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      std::move(params), d.dump());
}

Result<std::vector<domain::ScreeningRecord>> CaseworkRepo::Screenings(domain::Id case_id) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT id, case_id, set_id, person_group, "
                                                      "outcome, details, ") +
                                              kStampColumns +
                                              " FROM screenings WHERE case_id = ? "
                                              "ORDER BY created_at DESC, id DESC",
                                          {case_id}));
  std::vector<domain::ScreeningRecord> out;
  for (const Row& row : rows) {
    domain::ScreeningRecord r;
    r.id = row.Int(0);
    r.case_id = row.Int(1);
    r.set_id = row.Text(2);
    auto group = domain::ParsePersonGroup(row.Text(3));
    auto outcome = domain::ParseOutcome(row.Text(4));
    if (!group || !outcome)
      return Status::Internal("screening " + std::to_string(r.id) + " is unreadable");
    r.group = *group;
    r.outcome = *outcome;
    ASSIGN_OR_RETURN(std::string text, Open("screenings", r.id, row.Bytes(5)));
    ASSIGN_OR_RETURN(json d, ParseDetails(text));
    for (const json& o : d.value("observations", json::array()))
      r.observations.push_back(domain::Observation{o.value("indicator_id", ""),
                                                   o.value("observed_by", int64_t{0}),
                                                   o.value("note", ""),
                                                   o.value("observed_at", int64_t{0})});
    r.evaluation_json = d.value("evaluation", "");
    r.stamp = ReadStamp(row, 6);
    out.push_back(std::move(r));
  }
  return out;
}

Status CaseworkRepo::CheckScreeningOfCase(domain::Id screening_id, domain::Id case_id) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query("SELECT 1 FROM screenings WHERE id = ? AND case_id = ?",
                                          {screening_id, case_id}));
  if (rows.empty()) return Status::NotFound("no such screening on this case");
  return Status::Ok();
}

Result<domain::Id> CaseworkRepo::AddNoticeReceipt(const domain::NoticeReceipt& r) {
  std::vector<Value> params = {r.case_id, r.notice_version, r.language,
                               int64_t{r.interpreter_used ? 1 : 0}};
  for (auto& v : StampValues(r.stamp)) params.push_back(std::move(v));
  return conn_.Insert(std::string("INSERT INTO rights_notice_receipts (case_id, notice_version, "
                                  "language, interpreter_used, ") +
                          kStampColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      params);
}

Result<std::vector<domain::NoticeReceipt>> CaseworkRepo::NoticeReceipts(domain::Id case_id) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT id, case_id, notice_version, "
                                                      "language, interpreter_used, ") +
                                              kStampColumns +
                                              " FROM rights_notice_receipts WHERE case_id = ? "
                                              "ORDER BY created_at DESC, id DESC",
                                          {case_id}));
  std::vector<domain::NoticeReceipt> out;
  for (const Row& row : rows)
    out.push_back(domain::NoticeReceipt{row.Int(0), row.Int(1), row.Text(2), row.Text(3),
                                        row.Int(4) != 0, ReadStamp(row, 5)});
  return out;
}

Result<domain::Id> CaseworkRepo::AddIdentification(const domain::Identification& i) {
  json d = {{"reasons", i.reasons}};
  std::vector<Value> params = {i.case_id,
                               std::string(domain::Name(i.status)),
                               std::string(domain::Name(i.decided_by)),
                               i.decided_on,
                               Opt(i.screening_id),
                               int64_t{i.team_meeting ? 1 : 0},
                               Blob{}};
  for (auto& v : StampValues(i.stamp)) params.push_back(std::move(v));
  return InsertSealed("identifications",
                      std::string("INSERT INTO identifications (case_id, status, decided_by, "
                                  "decided_on, screening_id, team_meeting, details, ") +
                          kStampColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      std::move(params), d.dump());
}

Result<std::vector<domain::Identification>> CaseworkRepo::Identifications(domain::Id case_id) {
  ASSIGN_OR_RETURN(Rows rows,
                   conn_.Query(std::string("SELECT id, case_id, status, decided_by, decided_on, "
                                           "screening_id, team_meeting, details, ") +
                                   kStampColumns +
                                   " FROM identifications WHERE case_id = ? "
                                   "ORDER BY created_at DESC, id DESC",
                               {case_id}));
  std::vector<domain::Identification> out;
  for (const Row& row : rows) {
    domain::Identification i;
    i.id = row.Int(0);
    i.case_id = row.Int(1);
    auto status = domain::ParseTraffickingStatus(row.Text(2));
    auto body = domain::ParseDecisionBody(row.Text(3));
    if (!status || !body)
      return Status::Internal("identification " + std::to_string(i.id) + " is unreadable");
    i.status = *status;
    i.decided_by = *body;
    i.decided_on = row.Text(4);
    i.screening_id = row.OptInt(5);
    i.team_meeting = row.Int(6) != 0;
    ASSIGN_OR_RETURN(std::string text, Open("identifications", i.id, row.Bytes(7)));
    ASSIGN_OR_RETURN(json d, ParseDetails(text));
    i.reasons = d.value("reasons", "");
    i.stamp = ReadStamp(row, 8);
    out.push_back(std::move(i));
  }
  return out;
}

}  // namespace trm::store
