// The document library (domain/library.h): documents, their versions, and
// each version's file bytes in a table of their own.
#pragma once

#include <vector>

#include "domain/library.h"
#include "store/sql.h"

namespace trm::store {

class LibraryRepo {
 public:
  explicit LibraryRepo(Connection& conn) : conn_(conn) {}

  Result<domain::Id> InsertDocument(const domain::LibraryDocument& d);
  // NotFound when there is no such document.
  Result<domain::LibraryDocument> GetDocument(domain::Id id);
  // Writes status, withdrawal and stamp if the stored version is
  // d.stamp.version - 1; Conflict otherwise.
  Status UpdateDocument(const domain::LibraryDocument& d);

  // Inserts the version's description and its file in one go. The caller
  // numbers it (NextNumber); AlreadyExists if that number is taken.
  Result<domain::Id> InsertVersion(const domain::DocumentVersion& v, const std::string& bytes);
  // The number the document's next version takes (1 for the first).
  Result<int> NextNumber(domain::Id document_id);
  // NotFound when there is no such version of that document.
  Result<domain::DocumentVersion> GetVersion(domain::Id document_id, domain::Id version_id);
  Result<std::string> FileBytes(domain::Id version_id);

  // Every document with its versions (newest first), documents newest first.
  // No file bytes are read.
  Result<std::vector<domain::DocumentEntry>> List();
  // One document with its versions; NotFound when there is none.
  Result<domain::DocumentEntry> Entry(domain::Id id);

 private:
  Result<std::vector<domain::DocumentVersion>> Versions(const std::string& where,
                                                        const std::vector<Value>& params);
  Result<std::vector<domain::LibraryDocument>> Documents(const std::string& where,
                                                         const std::vector<Value>& params);
  Connection& conn_;
};

}  // namespace trm::store
