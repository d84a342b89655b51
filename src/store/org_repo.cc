#include "store/org_repo.h"

#include <string>

#include "store/stamp.h"

namespace trm::store {
namespace {

constexpr const char* kSelect = "SELECT id, name, type, country, ";

Result<domain::Organisation> FromRow(const Row& r) {
  domain::Organisation o;
  o.id = r.Int(0);
  o.name = r.Text(1);
  auto type = domain::ParseOrgType(r.Text(2));
  if (!type) return Status::Internal("organisation " + std::to_string(o.id) + " has unknown type");
  o.type = *type;
  o.country = r.Text(3);
  o.stamp = ReadStamp(r, 4);
  return o;
}

}  // namespace

Result<domain::Id> OrgRepo::Insert(const domain::Organisation& o) {
  return conn_.Insert(std::string("INSERT INTO organisations (name, type, country, ") +
                          kStampColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                      {o.name, std::string(domain::Name(o.type)), o.country, o.stamp.version,
                       o.stamp.created_by, o.stamp.created_at, o.stamp.updated_by,
                       o.stamp.updated_at});
}

Result<domain::Organisation> OrgRepo::Get(domain::Id id) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string(kSelect) + kStampColumns +
                                              " FROM organisations WHERE id = ?",
                                          {id}));
  if (rows.empty()) return Status::NotFound("organisation not found");
  return FromRow(rows[0]);
}

Result<std::vector<domain::Organisation>> OrgRepo::List() {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string(kSelect) + kStampColumns +
                                          " FROM organisations ORDER BY country, name"));
  std::vector<domain::Organisation> out;
  for (const Row& r : rows) {
    ASSIGN_OR_RETURN(auto o, FromRow(r));
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace trm::store
