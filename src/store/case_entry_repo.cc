#include "store/case_entry_repo.h"

#include <nlohmann/json.hpp>

#include "store/stamp.h"

namespace trm::store {
namespace {

using nlohmann::json;

constexpr const char* kSelect =
    "SELECT e.id, e.case_id, e.kind, e.assignee_id, e.due_on, e.done, e.confidential, e.fields, "
    "e.version, e.created_by, e.created_at, e.updated_by, e.updated_at";

// The sealed fields are bound to the entry, its case and its kind: a blob
// moved to another row or case does not open.
std::string Place(const domain::CaseEntry& e) {
  return "case_entries:" + std::to_string(e.id) + ":" + std::to_string(e.case_id) + ":" + e.kind;
}

std::string FieldsJson(const domain::EntryFields& fields) {
  json j = json::object();
  for (const auto& [name, value] : fields)
    std::visit([&, &name = name](const auto& v) { j[name] = v; }, value);
  return j.dump();
}

Result<domain::EntryFields> ParseFields(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (!j.is_object()) return Status::Internal("case entry fields are unreadable");
  domain::EntryFields out;
  for (auto& [name, v] : j.items()) {
    if (v.is_string()) out[name] = v.get<std::string>();
    else if (v.is_boolean()) out[name] = v.get<bool>();
    else if (v.is_number_integer()) out[name] = v.get<int64_t>();
    else if (v.is_number_float()) out[name] = v.get<double>();
    else if (v.is_array()) out[name] = v.get<std::vector<std::string>>();
    else return Status::Internal("case entry field " + name + " is unreadable");
  }
  return out;
}

Value Opt(const std::optional<int64_t>& v) {
  if (v) return *v;
  return std::monostate{};
}
Value Opt(const std::optional<std::string>& v) {
  if (v) return *v;
  return std::monostate{};
}

}  // namespace

Result<domain::Id> CaseEntryRepo::Insert(const domain::CaseEntry& e) {
  ASSIGN_OR_RETURN(
      domain::Id id,
      conn_.Insert(std::string("INSERT INTO case_entries (case_id, kind, assignee_id, due_on, done, "
                               "confidential, fields, ") +
                       kStampColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   {e.case_id, e.kind, Opt(e.index.assignee_id), Opt(e.index.due_on),
                    int64_t{e.index.done}, int64_t{e.index.confidential}, Blob{}, e.stamp.version,
                    e.stamp.created_by, e.stamp.created_at, e.stamp.updated_by, e.stamp.updated_at}));
  domain::CaseEntry placed = e;
  placed.id = id;
  ASSIGN_OR_RETURN(int64_t n, conn_.Exec("UPDATE case_entries SET fields = ? WHERE id = ?",
                                         {Blob{cipher_.Encrypt(FieldsJson(e.fields), Place(placed))},
                                          id}));
  if (n != 1) return Status::Internal("sealing the case entry failed");
  return id;
}

Result<domain::CaseEntry> CaseEntryRepo::FromRow(const Row& row) {
  domain::CaseEntry e;
  e.id = row.Int(0);
  e.case_id = row.Int(1);
  e.kind = row.Text(2);
  e.index.assignee_id = row.OptInt(3);
  e.index.due_on = row.OptText(4);
  e.index.done = row.Int(5) != 0;
  e.index.confidential = row.Int(6) != 0;
  ASSIGN_OR_RETURN(std::string text, cipher_.Decrypt(row.Bytes(7), Place(e)));
  ASSIGN_OR_RETURN(e.fields, ParseFields(text));
  e.stamp = ReadStamp(row, 8);
  return e;
}

Result<domain::CaseEntry> CaseEntryRepo::Get(domain::Id case_id, domain::Id id) {
  ASSIGN_OR_RETURN(Rows rows,
                   conn_.Query(std::string(kSelect) +
                                   " FROM case_entries e WHERE e.id = ? AND e.case_id = ?",
                               {id, case_id}));
  if (rows.empty()) return Status::NotFound("entry not found on this case");
  return FromRow(rows[0]);
}

Result<std::vector<domain::CaseEntry>> CaseEntryRepo::List(domain::Id case_id,
                                                           const std::optional<std::string>& kind) {
  std::string sql = std::string(kSelect) + " FROM case_entries e WHERE e.case_id = ?";
  std::vector<Value> params{case_id};
  if (kind) {
    sql += " AND e.kind = ?";
    params.push_back(*kind);
  }
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(sql + " ORDER BY e.id", params));
  std::vector<domain::CaseEntry> out;
  out.reserve(rows.size());
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(auto e, FromRow(row));
    out.push_back(std::move(e));
  }
  return out;
}

Result<int64_t> CaseEntryRepo::Count(domain::Id case_id, const std::string& kind) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query("SELECT COUNT(*) FROM case_entries WHERE case_id = ? "
                                          "AND kind = ?",
                                          {case_id, kind}));
  return rows[0].Int(0);
}

Status CaseEntryRepo::Update(const domain::CaseEntry& e) {
  ASSIGN_OR_RETURN(
      int64_t n,
      conn_.Exec("UPDATE case_entries SET assignee_id = ?, due_on = ?, done = ?, confidential = ?, "
                 "fields = ?, version = ?, updated_by = ?, updated_at = ? "
                 "WHERE id = ? AND case_id = ? AND version = ?",
                 {Opt(e.index.assignee_id), Opt(e.index.due_on), int64_t{e.index.done},
                  int64_t{e.index.confidential},
                  Blob{cipher_.Encrypt(FieldsJson(e.fields), Place(e))}, e.stamp.version,
                  e.stamp.updated_by, e.stamp.updated_at, e.id, e.case_id, e.stamp.version - 1}));
  if (n == 0) return Status::Conflict("the entry was changed by someone else; reload it");
  return Status::Ok();
}

Result<std::vector<OpenTask>> CaseEntryRepo::OpenTasksOf(domain::Id user_id, int limit) {
  ASSIGN_OR_RETURN(Rows rows,
                   conn_.Query(std::string(kSelect) +
                                   ", c.reference FROM case_entries e JOIN cases c ON c.id = e.case_id "
                                   "WHERE e.assignee_id = ? AND e.done = 0 "
                                   "ORDER BY e.due_on, e.id LIMIT ?",
                               {user_id, int64_t{limit}}));
  std::vector<OpenTask> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(auto e, FromRow(row));
    out.push_back(OpenTask{std::move(e), row.Text(13)});
  }
  return out;
}

}  // namespace trm::store
