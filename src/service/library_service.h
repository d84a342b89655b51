// The network's document library (domain/library.h): every signed-in member
// lists, filters and downloads; the secretariat publishes a document with its
// first version, adds versions, and withdraws a document (it stays listed,
// marked withdrawn, and its files stay downloadable as the record of what was
// in force). Each change is one transaction with its audit row and names the
// document version it read; each download is audited too. Files are checked
// by name and first bytes (domain/library_file.h) and their SHA-256 recorded.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/library.h"
#include "service/actor.h"
#include "store/store.h"

namespace trm::service {

struct NewVersion {
  std::string filename;
  std::string bytes;  // the file as uploaded
  std::string language;
  std::vector<std::string> countries;
  std::vector<domain::Id> organisations;
  std::string effective_date;
  std::string summary;
};

struct NewDocument {
  domain::DocumentKind kind = domain::DocumentKind::kSop;
  std::string title;
  NewVersion first;
};

struct DocumentView {
  domain::DocumentEntry entry;
  std::map<domain::Id, domain::Organisation> organisations;  // parties named by any version
  std::map<domain::Id, std::string> users;                   // publishers, withdrawer
};

struct DocumentFile {
  domain::DocumentVersion version;
  std::string bytes;
};

class LibraryService {
 public:
  LibraryService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // The documents matching `q`, newest first. InvalidArgument naming the
  // parameter for a malformed query.
  Result<std::vector<DocumentView>> List(const Actor& actor, const domain::LibraryQuery& q);
  // NotFound when there is no such document.
  Result<DocumentView> Get(const Actor& actor, domain::Id id);
  // PermissionDenied for anyone but the secretariat, InvalidArgument naming
  // the field (a party that is no organisation too); nothing written then.
  Result<DocumentView> Publish(const Actor& actor, const NewDocument& in);
  // Publishes the next version. Conflict when the document is no longer at
  // `version`; FailedPrecondition when it was withdrawn.
  Result<DocumentView> AddVersion(const Actor& actor, domain::Id id, int64_t version, const NewVersion& in);
  // Marks the document withdrawn with a reason. Same failures; withdrawing
  // twice is FailedPrecondition.
  Result<DocumentView> Withdraw(const Actor& actor, domain::Id id, int64_t version, const std::string& reason);
  // One version's file. NotFound when that document has no such version.
  Result<DocumentFile> Download(const Actor& actor, domain::Id id, domain::Id version_id);
  // True when the actor may publish (so that a screen offers the forms).
  bool MayPublish(const Actor& actor) const;

 private:
  Result<DocumentView> Change(const Actor& actor, domain::Id id, int64_t version, const char* audit_action,
                              const std::function<Status(store::Tx&, domain::LibraryDocument&, std::string&)>& apply);

  store::Store& store_;
  const Clock& clock_;
};

}  // namespace trm::service
