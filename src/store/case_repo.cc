#include "store/case_repo.h"

#include <algorithm>
#include <string>

#include "store/person_codec.h"
#include "store/stamp.h"

namespace trm::store {
namespace {

constexpr const char* kSelect =
    "SELECT id, reference, status, owner_organisation_id, assignee_id, person, closure_reason, ";
// In List: after kSelect's 7 columns and the 5 stamp columns.
constexpr size_t kTotalColumn = 12;

std::string PersonPlace(const std::string& reference) { return "case:" + reference + ":person"; }
std::string ClosurePlace(const std::string& reference) {
  return "case:" + reference + ":closure_reason";
}

Value OptId(const std::optional<domain::Id>& v) {
  if (v) return *v;
  return std::monostate{};
}

}  // namespace

Result<domain::Case> CaseRepo::FromRow(const Row& r) {
  domain::Case c;
  c.id = r.Int(0);
  c.reference = r.Text(1);
  auto status = domain::ParseCaseStatus(r.Text(2));
  if (!status) return Status::Internal("case " + std::to_string(c.id) + " has unknown status");
  c.status = *status;
  c.owner_organisation_id = r.Int(3);
  c.assignee_id = r.OptInt(4);
  ASSIGN_OR_RETURN(std::string person, cipher_.Decrypt(r.Bytes(5), PersonPlace(c.reference)));
  ASSIGN_OR_RETURN(c.person, DecodePerson(person));
  if (!r.IsNull(6)) {
    ASSIGN_OR_RETURN(c.closure_reason, cipher_.Decrypt(r.Bytes(6), ClosurePlace(c.reference)));
  }
  c.stamp = ReadStamp(r, 7);
  return c;
}

Status CaseRepo::WriteTeam(domain::Id case_id, const std::vector<domain::Id>& team, bool replace) {
  if (replace) {
    ASSIGN_OR_RETURN(int64_t n, conn_.Exec("DELETE FROM case_team WHERE case_id = ?", {case_id}));
    (void)n;
  }
  std::vector<domain::Id> unique = team;
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  for (domain::Id user : unique) {
    ASSIGN_OR_RETURN(int64_t n, conn_.Exec("INSERT INTO case_team (case_id, user_id) VALUES (?, ?)",
                                           {case_id, user}));
    (void)n;
  }
  return Status::Ok();
}

Result<domain::Id> CaseRepo::Insert(const domain::Case& c) {
  Value closure = std::monostate{};
  if (!c.closure_reason.empty())
    closure = Blob{cipher_.Encrypt(c.closure_reason, ClosurePlace(c.reference))};
  ASSIGN_OR_RETURN(
      domain::Id id,
      conn_.Insert(std::string("INSERT INTO cases (reference, status, owner_organisation_id, "
                               "assignee_id, person, closure_reason, ") +
                       kStampColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   {c.reference, std::string(domain::Name(c.status)), c.owner_organisation_id,
                    OptId(c.assignee_id),
                    Blob{cipher_.Encrypt(EncodePerson(c.person), PersonPlace(c.reference))},
                    closure, c.stamp.version, c.stamp.created_by, c.stamp.created_at,
                    c.stamp.updated_by, c.stamp.updated_at}));
  RETURN_IF_ERROR(WriteTeam(id, c.team, /*replace=*/false));
  return id;
}

Result<domain::Case> CaseRepo::Get(domain::Id id) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string(kSelect) + kStampColumns +
                                              " FROM cases WHERE id = ?",
                                          {id}));
  if (rows.empty()) return Status::NotFound("case not found");
  ASSIGN_OR_RETURN(domain::Case c, FromRow(rows[0]));
  ASSIGN_OR_RETURN(Rows team, conn_.Query("SELECT user_id FROM case_team WHERE case_id = ? "
                                          "ORDER BY user_id",
                                          {id}));
  for (const Row& r : team) c.team.push_back(r.Int(0));
  return c;
}

Status CaseRepo::Update(const domain::Case& c) {
  Value closure = std::monostate{};
  if (!c.closure_reason.empty())
    closure = Blob{cipher_.Encrypt(c.closure_reason, ClosurePlace(c.reference))};
  ASSIGN_OR_RETURN(
      int64_t n,
      conn_.Exec("UPDATE cases SET status = ?, assignee_id = ?, person = ?, closure_reason = ?, "
                 "version = ?, updated_by = ?, updated_at = ? WHERE id = ? AND version = ?",
                 {std::string(domain::Name(c.status)), OptId(c.assignee_id),
                  Blob{cipher_.Encrypt(EncodePerson(c.person), PersonPlace(c.reference))}, closure,
                  c.stamp.version, c.stamp.updated_by, c.stamp.updated_at, c.id,
                  c.stamp.version - 1}));
  if (n == 0) {
    ASSIGN_OR_RETURN(Rows rows, conn_.Query("SELECT version FROM cases WHERE id = ?", {c.id}));
    if (rows.empty()) return Status::NotFound("case not found");
    return Status::Conflict("the case was changed by someone else (now version " +
                            std::to_string(rows[0].Int(0)) + "); reload it and try again");
  }
  return WriteTeam(c.id, c.team, /*replace=*/true);
}

Result<CasePage> CaseRepo::List(const CaseScope& scope, const CaseFilter& filter) {
  CasePage page;
  if (scope.nothing) return page;
  std::string where;
  std::vector<Value> params;
  // Uncorrelated subqueries over the team and share indexes: computed once,
  // not once per case.
  if (scope.whole_organisation) {
    where =
        "(c.owner_organisation_id = ? OR c.id IN (SELECT case_id FROM case_shares WHERE "
        "organisation_id = ?) OR c.id IN (SELECT case_id FROM case_team WHERE user_id = ?))";
    params = {scope.organisation_id, scope.organisation_id, scope.user_id};
  } else {
    where = "c.id IN (SELECT case_id FROM case_team WHERE user_id = ?)";
    params = {scope.user_id};
  }
  if (filter.status) {
    where += " AND c.status = ?";
    params.emplace_back(std::string(domain::Name(*filter.status)));
  }
  if (filter.assignee_id) {
    where += " AND c.assignee_id = ?";
    params.emplace_back(*filter.assignee_id);
  }
  // The total comes with every row of the page (COUNT(*) OVER ()), so there is
  // no second scan to count; a page past the end still needs one.
  const std::vector<Value> filter_params = params;
  params.emplace_back(int64_t{filter.page_size});
  params.emplace_back(int64_t{(filter.page - 1)} * filter.page_size);
  std::string sql = std::string(kSelect) + kStampColumns + ", COUNT(*) OVER () FROM cases c WHERE " +
                    where + " ORDER BY c.updated_at DESC, c.id DESC LIMIT ? OFFSET ?";
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(sql, params));
  if (rows.empty()) {
    ASSIGN_OR_RETURN(Rows count,
                     conn_.Query("SELECT COUNT(*) FROM cases c WHERE " + where, filter_params));
    page.total = count.empty() ? 0 : count[0].Int(0);
    return page;
  }
  page.total = rows[0].Int(kTotalColumn);
  for (const Row& r : rows) {
    ASSIGN_OR_RETURN(domain::Case c, FromRow(r));
    page.items.push_back(std::move(c));
  }
  return page;
}

Result<std::vector<domain::Case>> CaseRepo::ChangedSince(Millis since, domain::Id after_id,
                                                          int limit) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string(kSelect) + kStampColumns +
                                              " FROM cases WHERE updated_at > ? "
                                              "OR (updated_at = ? AND id > ?) "
                                              "ORDER BY updated_at, id LIMIT ?",
                                          {since, since, after_id, int64_t{limit}}));
  std::vector<domain::Case> out;
  for (const Row& r : rows) {
    ASSIGN_OR_RETURN(domain::Case c, FromRow(r));
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<domain::Id>> CaseRepo::SharedWith(domain::Id case_id) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query("SELECT organisation_id FROM case_shares WHERE case_id = ? "
                                          "ORDER BY organisation_id",
                                          {case_id}));
  std::vector<domain::Id> out;
  for (const Row& r : rows) out.push_back(r.Int(0));
  return out;
}

Status CaseRepo::Share(domain::Id case_id, domain::Id organisation_id, domain::Id actor,
                       Millis now) {
  ASSIGN_OR_RETURN(int64_t n, conn_.Exec("INSERT INTO case_shares (case_id, organisation_id, "
                                         "created_by, created_at) VALUES (?, ?, ?, ?)",
                                         {case_id, organisation_id, actor, now}));
  (void)n;
  return Status::Ok();
}

}  // namespace trm::store
