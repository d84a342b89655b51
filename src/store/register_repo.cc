#include "store/register_repo.h"

#include <nlohmann/json.hpp>

#include "store/stamp.h"

namespace trm::store {
namespace {

using nlohmann::json;

constexpr const char* kColumns =
    "id, kind, role, country, status, status_date, source_kind, review_date, details, ";

std::string Place(domain::Id id) { return "register_entries:" + std::to_string(id) + ":details"; }
std::string HistoryPlace(domain::Id id, domain::Id entry_id) {
  return "register_history:" + std::to_string(id) + ":" + std::to_string(entry_id);
}

std::string DetailsJson(const domain::RegisterEntry& e) {
  const domain::RegisterDetails& d = e.details;
  return json{{"names", d.names},
              {"aliases", d.aliases},
              {"licence_numbers", d.licence_numbers},
              {"addresses", d.addresses},
              {"phones", d.phones},
              {"websites", d.websites},
              {"handles", d.handles},
              {"source_reference", e.source.reference}}
      .dump();
}

std::vector<std::string> Strings(const json& j, const char* key) {
  std::vector<std::string> out;
  if (!j.contains(key) || !j.at(key).is_array()) return out;
  for (const json& v : j.at(key))
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

Value OptText(const std::string& s) {
  if (s.empty()) return std::monostate{};
  return s;
}

Value OptStatus(const std::optional<domain::RegisterStatus>& s) {
  if (!s) return std::monostate{};
  return std::string(domain::Name(*s));
}

}  // namespace

Result<domain::Id> RegisterRepo::Insert(const domain::RegisterEntry& e) {
  ASSIGN_OR_RETURN(
      domain::Id id,
      conn_.Insert(std::string("INSERT INTO register_entries (kind, role, country, status, status_date, "
                               "source_kind, review_date, details, ") +
                       kStampColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   {std::string(domain::Name(e.kind)), std::string(domain::Name(e.role)), e.country,
                    std::string(domain::Name(e.status)), e.status_date,
                    std::string(domain::Name(e.source.kind)), OptText(e.review_date), Blob{},
                    e.stamp.version, e.stamp.created_by, e.stamp.created_at, e.stamp.updated_by,
                    e.stamp.updated_at}));
  ASSIGN_OR_RETURN(int64_t n, conn_.Exec("UPDATE register_entries SET details = ? WHERE id = ?",
                                         {Blob{cipher_.Encrypt(DetailsJson(e), Place(id))}, id}));
  if (n != 1) return Status::Internal("sealing the register entry failed");
  return id;
}

Result<domain::RegisterEntry> RegisterRepo::FromRow(const Row& row) {
  domain::RegisterEntry e;
  e.id = row.Int(0);
  auto kind = domain::ParseRegisterKind(row.Text(1));
  auto role = domain::ParseRegisterRole(row.Text(2));
  auto status = domain::ParseRegisterStatus(row.Text(4));
  auto source = domain::ParseSourceKind(row.Text(6));
  if (!kind || !role || !status || !source)
    return Status::Internal("register entry " + std::to_string(e.id) + " is unreadable");
  e.kind = *kind;
  e.role = *role;
  e.country = row.Text(3);
  e.status = *status;
  e.status_date = row.Text(5);
  e.source.kind = *source;
  e.review_date = row.Text(7);
  ASSIGN_OR_RETURN(std::string text, cipher_.Decrypt(row.Bytes(8), Place(e.id)));
  json d = json::parse(text, nullptr, false);
  if (!d.is_object()) return Status::Internal("register entry details are unreadable");
  e.details.names = Strings(d, "names");
  e.details.aliases = Strings(d, "aliases");
  e.details.licence_numbers = Strings(d, "licence_numbers");
  e.details.addresses = Strings(d, "addresses");
  e.details.phones = Strings(d, "phones");
  e.details.websites = Strings(d, "websites");
  e.details.handles = Strings(d, "handles");
  e.source.reference = d.value("source_reference", "");
  e.stamp = ReadStamp(row, 9);
  return e;
}

Result<domain::RegisterEntry> RegisterRepo::Get(domain::Id id) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT ") + kColumns + kStampColumns +
                                              " FROM register_entries WHERE id = ?",
                                          {id}));
  if (rows.empty()) return Status::NotFound("register entry not found");
  return FromRow(rows[0]);
}

Result<std::vector<domain::RegisterEntry>> RegisterRepo::List(const RegisterFilter& f) {
  std::string where = "1 = 1";
  std::vector<Value> params;
  if (f.status) {
    where += " AND status = ?";
    params.push_back(std::string(domain::Name(*f.status)));
  }
  if (!f.review_due_on.empty()) {
    where += " AND review_date IS NOT NULL AND review_date <= ?";
    params.push_back(f.review_due_on);
  }
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT ") + kColumns + kStampColumns +
                                              " FROM register_entries WHERE " + where + " ORDER BY id",
                                          params));
  std::vector<domain::RegisterEntry> out;
  out.reserve(rows.size());
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(auto e, FromRow(row));
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<domain::RegisterEntry>> RegisterRepo::ChangedSince(Millis since,
                                                                      domain::Id after_id,
                                                                      int limit) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT ") + kColumns + kStampColumns +
                                              " FROM register_entries WHERE updated_at > ? "
                                              "OR (updated_at = ? AND id > ?) "
                                              "ORDER BY updated_at, id LIMIT ?",
                                          {since, since, after_id, int64_t{limit}}));
  std::vector<domain::RegisterEntry> out;
  out.reserve(rows.size());
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(auto e, FromRow(row));
    out.push_back(std::move(e));
  }
  return out;
}

Status RegisterRepo::Update(const domain::RegisterEntry& e) {
  ASSIGN_OR_RETURN(
      int64_t n,
      conn_.Exec("UPDATE register_entries SET kind = ?, role = ?, country = ?, status = ?, "
                 "status_date = ?, source_kind = ?, review_date = ?, details = ?, version = ?, "
                 "updated_by = ?, updated_at = ? WHERE id = ? AND version = ?",
                 {std::string(domain::Name(e.kind)), std::string(domain::Name(e.role)), e.country,
                  std::string(domain::Name(e.status)), e.status_date,
                  std::string(domain::Name(e.source.kind)), OptText(e.review_date),
                  Blob{cipher_.Encrypt(DetailsJson(e), Place(e.id))}, e.stamp.version,
                  e.stamp.updated_by, e.stamp.updated_at, e.id, e.stamp.version - 1}));
  if (n == 0) return Status::Conflict("the register entry was changed by someone else; reload it");
  return Status::Ok();
}

Result<domain::Id> RegisterRepo::AddHistory(const domain::RegisterHistory& h) {
  ASSIGN_OR_RETURN(domain::Id id,
                   conn_.Insert("INSERT INTO register_history (entry_id, at, actor_id, change, "
                                "from_status, to_status, status_date, source_kind, body) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                {h.entry_id, h.at, h.actor_id, h.change, OptStatus(h.from_status),
                                 std::string(domain::Name(h.to_status)), h.status_date,
                                 std::string(domain::Name(h.source.kind)), Blob{}}));
  const std::string body = json{{"reason", h.reason}, {"source_reference", h.source.reference}}.dump();
  ASSIGN_OR_RETURN(int64_t n, conn_.Exec("UPDATE register_history SET body = ? WHERE id = ?",
                                         {Blob{cipher_.Encrypt(body, HistoryPlace(id, h.entry_id))}, id}));
  if (n != 1) return Status::Internal("sealing the register history failed");
  return id;
}

Result<std::vector<domain::RegisterHistory>> RegisterRepo::History(domain::Id entry_id) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query("SELECT id, entry_id, at, actor_id, change, from_status, "
                                          "to_status, status_date, source_kind, body "
                                          "FROM register_history WHERE entry_id = ? ORDER BY id",
                                          {entry_id}));
  std::vector<domain::RegisterHistory> out;
  for (const Row& row : rows) {
    domain::RegisterHistory h;
    h.id = row.Int(0);
    h.entry_id = row.Int(1);
    h.at = row.Int(2);
    h.actor_id = row.Int(3);
    h.change = row.Text(4);
    if (!row.IsNull(5)) h.from_status = domain::ParseRegisterStatus(row.Text(5));
    auto to = domain::ParseRegisterStatus(row.Text(6));
    auto source = domain::ParseSourceKind(row.Text(8));
    if (!to || !source) return Status::Internal("register history " + std::to_string(h.id) + " is unreadable");
    h.to_status = *to;
    h.status_date = row.Text(7);
    h.source.kind = *source;
    ASSIGN_OR_RETURN(std::string text, cipher_.Decrypt(row.Bytes(9), HistoryPlace(h.id, h.entry_id)));
    json body = json::parse(text, nullptr, false);
    if (!body.is_object()) return Status::Internal("register history is unreadable");
    h.reason = body.value("reason", "");
    h.source.reference = body.value("source_reference", "");
    out.push_back(std::move(h));
  }
  return out;
}

Result<domain::Id> RegisterRepo::AddLink(const domain::RegisterCaseLink& l) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query("SELECT id FROM register_case_links WHERE entry_id = ? AND case_id = ?",
                                          {l.entry_id, l.case_id}));
  if (!rows.empty()) return Status::AlreadyExists("the case is linked to this entry already", "case_id");
  return conn_.Insert(std::string("INSERT INTO register_case_links (entry_id, case_id, ") + kStampColumns +
                          ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                      {l.entry_id, l.case_id, l.stamp.version, l.stamp.created_by, l.stamp.created_at,
                       l.stamp.updated_by, l.stamp.updated_at});
}

Status RegisterRepo::RemoveLink(domain::Id entry_id, domain::Id case_id) {
  ASSIGN_OR_RETURN(int64_t n, conn_.Exec("DELETE FROM register_case_links WHERE entry_id = ? AND case_id = ?",
                                         {entry_id, case_id}));
  if (n == 0) return Status::NotFound("the case is not linked to this entry");
  return Status::Ok();
}

Result<std::vector<domain::RegisterCaseLink>> RegisterRepo::Links(domain::Id entry_id) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT id, entry_id, case_id, ") + kStampColumns +
                                              " FROM register_case_links WHERE entry_id = ? ORDER BY id",
                                          {entry_id}));
  std::vector<domain::RegisterCaseLink> out;
  for (const Row& row : rows)
    out.push_back(domain::RegisterCaseLink{row.Int(0), row.Int(1), row.Int(2), ReadStamp(row, 3)});
  return out;
}

}  // namespace trm::store
