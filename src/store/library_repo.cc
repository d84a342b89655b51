#include "store/library_repo.h"

#include <map>

#include "store/column_values.h"
#include "store/stamp.h"

namespace trm::store {
namespace {

constexpr const char* kDocumentColumns =
    "id, kind, title, status, withdrawn_reason, withdrawn_at, withdrawn_by, ";
constexpr const char* kVersionColumns =
    "id, document_id, number, filename, content_type, size, sha256, language, countries, "
    "organisations, effective_date, summary, ";

}  // namespace

Result<domain::Id> LibraryRepo::InsertDocument(const domain::LibraryDocument& d) {
  return conn_.Insert(std::string("INSERT INTO library_documents (kind, title, status, withdrawn_reason, "
                                  "withdrawn_at, withdrawn_by, ") +
                          kStampColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      {std::string(domain::Name(d.kind)), d.title, std::string(domain::Name(d.status)),
                       d.withdrawn_reason, d.withdrawn_at, OptionalId(d.withdrawn_by), d.stamp.version,
                       d.stamp.created_by, d.stamp.created_at, d.stamp.updated_by, d.stamp.updated_at});
}

Result<std::vector<domain::LibraryDocument>> LibraryRepo::Documents(const std::string& where,
                                                                    const std::vector<Value>& params) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT ") + kDocumentColumns + kStampColumns +
                                              " FROM library_documents " + where,
                                          params));
  std::vector<domain::LibraryDocument> out;
  for (const Row& row : rows) {
    domain::LibraryDocument d;
    d.id = row.Int(0);
    auto kind = domain::ParseDocumentKind(row.Text(1));
    auto status = domain::ParseDocumentStatus(row.Text(3));
    if (!kind || !status) return Status::Internal("library document " + std::to_string(d.id) + " is unreadable");
    d.kind = *kind;
    d.title = row.Text(2);
    d.status = *status;
    d.withdrawn_reason = row.Text(4);
    d.withdrawn_at = row.Int(5);
    d.withdrawn_by = row.OptInt(6);
    d.stamp = ReadStamp(row, 7);
    out.push_back(std::move(d));
  }
  return out;
}

Result<domain::LibraryDocument> LibraryRepo::GetDocument(domain::Id id) {
  ASSIGN_OR_RETURN(auto docs, Documents("WHERE id = ?", {id}));
  if (docs.empty()) return Status::NotFound("document not found");
  return std::move(docs[0]);
}

Status LibraryRepo::UpdateDocument(const domain::LibraryDocument& d) {
  ASSIGN_OR_RETURN(int64_t n,
                   conn_.Exec("UPDATE library_documents SET title = ?, status = ?, withdrawn_reason = ?, "
                              "withdrawn_at = ?, withdrawn_by = ?, version = ?, updated_by = ?, "
                              "updated_at = ? WHERE id = ? AND version = ?",
                              {d.title, std::string(domain::Name(d.status)), d.withdrawn_reason,
                               d.withdrawn_at, OptionalId(d.withdrawn_by), d.stamp.version, d.stamp.updated_by,
                               d.stamp.updated_at, d.id, d.stamp.version - 1}));
  if (n == 0) return Status::Conflict("the document was changed by someone else; reload it");
  return Status::Ok();
}

Result<int> LibraryRepo::NextNumber(domain::Id document_id) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query("SELECT MAX(number) FROM library_versions WHERE document_id = ?",
                                          {document_id}));
  return static_cast<int>(rows.empty() ? 1 : rows[0].Int(0) + 1);
}

Result<domain::Id> LibraryRepo::InsertVersion(const domain::DocumentVersion& v, const std::string& bytes) {
  ASSIGN_OR_RETURN(
      domain::Id id,
      conn_.Insert(std::string("INSERT INTO library_versions (document_id, number, filename, content_type, "
                               "size, sha256, language, countries, organisations, effective_date, summary, ") +
                       kStampColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   {v.document_id, int64_t{v.number}, v.filename, v.content_type, v.size, v.sha256,
                    v.language, JoinCodes(v.countries), JoinIds(v.organisations), v.effective_date, v.summary,
                    v.stamp.version, v.stamp.created_by, v.stamp.created_at, v.stamp.updated_by,
                    v.stamp.updated_at}));
  RETURN_IF_ERROR(
      conn_.Exec("INSERT INTO library_files (version_id, bytes) VALUES (?, ?)", {id, Blob{bytes}}).status());
  return id;
}

Result<std::vector<domain::DocumentVersion>> LibraryRepo::Versions(const std::string& where,
                                                                   const std::vector<Value>& params) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT ") + kVersionColumns + kStampColumns +
                                              " FROM library_versions " + where,
                                          params));
  std::vector<domain::DocumentVersion> out;
  for (const Row& row : rows) {
    domain::DocumentVersion v;
    v.id = row.Int(0);
    v.document_id = row.Int(1);
    v.number = static_cast<int>(row.Int(2));
    v.filename = row.Text(3);
    v.content_type = row.Text(4);
    v.size = row.Int(5);
    v.sha256 = row.Text(6);
    v.language = row.Text(7);
    v.countries = SplitCodes(row.Text(8));
    for (const std::string& id : SplitCodes(row.Text(9))) v.organisations.push_back(std::stoll(id));
    v.effective_date = row.Text(10);
    v.summary = row.Text(11);
    v.stamp = ReadStamp(row, 12);
    out.push_back(std::move(v));
  }
  return out;
}

Result<domain::DocumentVersion> LibraryRepo::GetVersion(domain::Id document_id, domain::Id version_id) {
  ASSIGN_OR_RETURN(auto versions, Versions("WHERE id = ? AND document_id = ?", {version_id, document_id}));
  if (versions.empty()) return Status::NotFound("version not found");
  return std::move(versions[0]);
}

Result<std::string> LibraryRepo::FileBytes(domain::Id version_id) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query("SELECT bytes FROM library_files WHERE version_id = ?", {version_id}));
  if (rows.empty()) return Status::Internal("the file of version " + std::to_string(version_id) + " is missing");
  return rows[0].Bytes(0);
}

Result<std::vector<domain::DocumentEntry>> LibraryRepo::List() {
  ASSIGN_OR_RETURN(auto docs, Documents("ORDER BY id DESC", {}));
  ASSIGN_OR_RETURN(auto versions, Versions("ORDER BY document_id, number DESC", {}));
  std::map<domain::Id, std::vector<domain::DocumentVersion>> by_doc;
  for (auto& v : versions) by_doc[v.document_id].push_back(std::move(v));
  std::vector<domain::DocumentEntry> out;
  for (auto& d : docs) {
    domain::DocumentEntry e{std::move(d), {}};
    e.versions = std::move(by_doc[e.document.id]);
    out.push_back(std::move(e));
  }
  return out;
}

Result<domain::DocumentEntry> LibraryRepo::Entry(domain::Id id) {
  ASSIGN_OR_RETURN(domain::LibraryDocument d, GetDocument(id));
  ASSIGN_OR_RETURN(auto versions, Versions("WHERE document_id = ? ORDER BY number DESC", {id}));
  return domain::DocumentEntry{std::move(d), std::move(versions)};
}

}  // namespace trm::store
