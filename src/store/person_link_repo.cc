#include "store/person_link_repo.h"

#include <algorithm>
#include <string>

#include "store/stamp.h"

namespace trm::store {
namespace {

constexpr const char* kSelect = "SELECT id, case_a, case_b, decision, probability_bp, note, ";

std::string NotePlace(domain::Id a, domain::Id b) {
  return "person_link:" + std::to_string(a) + ":" + std::to_string(b) + ":note";
}

}  // namespace

Result<domain::PersonLink> PersonLinkRepo::FromRow(const Row& r) {
  domain::PersonLink l;
  l.id = r.Int(0);
  l.case_a = r.Int(1);
  l.case_b = r.Int(2);
  auto decision = domain::ParseLinkDecision(r.Text(3));
  if (!decision) return Status::Internal("person link " + std::to_string(l.id) + " has an unknown decision");
  l.decision = *decision;
  l.probability_bp = static_cast<int>(r.Int(4));
  ASSIGN_OR_RETURN(l.note, cipher_.Decrypt(r.Bytes(5), NotePlace(l.case_a, l.case_b)));
  l.stamp = ReadStamp(r, 6);
  return l;
}

Result<domain::Id> PersonLinkRepo::Insert(const domain::PersonLink& l) {
  return conn_.Insert(std::string("INSERT INTO person_links (case_a, case_b, decision, probability_bp, note, ") +
                          kStampColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      {l.case_a, l.case_b, std::string(domain::Name(l.decision)),
                       int64_t{l.probability_bp},
                       Blob{cipher_.Encrypt(l.note, NotePlace(l.case_a, l.case_b))}, l.stamp.version,
                       l.stamp.created_by, l.stamp.created_at, l.stamp.updated_by,
                       l.stamp.updated_at});
}

Result<domain::PersonLink> PersonLinkRepo::Get(domain::Id id) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string(kSelect) + kStampColumns +
                                              " FROM person_links WHERE id = ?",
                                          {id}));
  if (rows.empty()) return Status::NotFound("person link not found");
  return FromRow(rows[0]);
}

Result<std::optional<domain::PersonLink>> PersonLinkRepo::Find(domain::Id x, domain::Id y) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string(kSelect) + kStampColumns +
                                              " FROM person_links WHERE case_a = ? AND case_b = ?",
                                          {std::min(x, y), std::max(x, y)}));
  if (rows.empty()) return std::optional<domain::PersonLink>();
  ASSIGN_OR_RETURN(domain::PersonLink l, FromRow(rows[0]));
  return std::optional<domain::PersonLink>(std::move(l));
}

Result<std::vector<domain::PersonLink>> PersonLinkRepo::ForCase(domain::Id case_id) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string(kSelect) + kStampColumns +
                                              " FROM person_links WHERE case_a = ? OR case_b = ? "
                                              "ORDER BY id",
                                          {case_id, case_id}));
  std::vector<domain::PersonLink> out;
  for (const Row& r : rows) {
    ASSIGN_OR_RETURN(domain::PersonLink l, FromRow(r));
    out.push_back(std::move(l));
  }
  return out;
}

Status PersonLinkRepo::Update(const domain::PersonLink& l) {
  ASSIGN_OR_RETURN(int64_t n,
                   conn_.Exec("UPDATE person_links SET decision = ?, probability_bp = ?, note = ?, "
                              "version = ?, updated_by = ?, updated_at = ? WHERE id = ? AND version = ?",
                              {std::string(domain::Name(l.decision)), int64_t{l.probability_bp},
                               Blob{cipher_.Encrypt(l.note, NotePlace(l.case_a, l.case_b))},
                               l.stamp.version, l.stamp.updated_by, l.stamp.updated_at, l.id,
                               l.stamp.version - 1}));
  if (n == 0) {
    ASSIGN_OR_RETURN(Rows rows, conn_.Query("SELECT version FROM person_links WHERE id = ?", {l.id}));
    if (rows.empty()) return Status::NotFound("person link not found");
    return Status::Conflict("the link was changed by someone else (now version " +
                            std::to_string(rows[0].Int(0)) + "); reload it and try again");
  }
  return Status::Ok();
}

}  // namespace trm::store
