#include "service/library_service.h"

#include <functional>

#include "crypto/crypto.h"
#include "domain/library_file.h"
#include "service/names.h"
#include "service/policy.h"
#include "store/stamp.h"

namespace trm::service {
namespace {

store::AuditEvent LibraryEvent(const Actor& a, Millis at, const char* action, domain::Id id,
                               std::string detail) {
  return store::AuditEvent{at, a.user_id, a.organisation_id, action, "library_document",
                           std::to_string(id), a.ip, std::move(detail)};
}

// The version as stored, once its input and file pass every check; the
// organisations must exist.
Result<domain::DocumentVersion> CheckedVersion(store::Tx& tx, domain::DocumentKind kind, const NewVersion& in) {
  domain::DocumentVersion v;
  v.language = in.language;
  v.countries = in.countries;
  v.organisations = in.organisations;
  v.effective_date = in.effective_date;
  v.summary = in.summary;
  RETURN_IF_ERROR(domain::ValidateVersionDetails(kind, v));
  ASSIGN_OR_RETURN(domain::CheckedFile file, domain::CheckUpload(in.filename, in.bytes));
  for (size_t i = 0; i < v.organisations.size(); ++i)
    if (!tx.orgs().Get(v.organisations[i]).ok())
      return Status::InvalidArgument("no such organisation", "organisations[" + std::to_string(i) + "]");
  v.filename = in.filename;
  v.content_type = file.content_type;
  v.size = static_cast<int64_t>(in.bytes.size());
  v.sha256 = crypto::Sha256Hex(in.bytes);
  return v;
}

Result<DocumentView> ViewOf(store::Tx& tx, Names& names, domain::DocumentEntry e) {
  DocumentView v;
  for (const auto& ver : e.versions) {
    for (domain::Id org : ver.organisations) {
      ASSIGN_OR_RETURN(v.organisations[org], names.Org(org));
    }
    ASSIGN_OR_RETURN(v.users[ver.stamp.created_by], names.User(ver.stamp.created_by));
  }
  if (e.document.withdrawn_by) {
    ASSIGN_OR_RETURN(v.users[*e.document.withdrawn_by], names.User(*e.document.withdrawn_by));
  }
  v.entry = std::move(e);
  return v;
}

// Publishes `in` as the next version of `doc` by the actor, with its audit row.
Status InsertVersion(store::Tx& tx, const Actor& actor, const domain::LibraryDocument& doc,
                     const NewVersion& in, Millis now) {
  ASSIGN_OR_RETURN(domain::DocumentVersion v, CheckedVersion(tx, doc.kind, in));
  v.document_id = doc.id;
  ASSIGN_OR_RETURN(v.number, tx.library().NextNumber(doc.id));
  v.stamp = store::NewStamp(actor.user_id, now);
  ASSIGN_OR_RETURN(v.id, tx.library().InsertVersion(v, in.bytes));
  return tx.audit()
      .Append(LibraryEvent(actor, now, "library.version", doc.id,
                           "version " + std::to_string(v.number) + " sha256 " + v.sha256))
      .status();
}

}  // namespace

bool LibraryService::MayPublish(const Actor& actor) const { return AuthorizeLibraryPublish(actor).ok(); }

Result<std::vector<DocumentView>> LibraryService::List(const Actor&, const domain::LibraryQuery& q) {
  RETURN_IF_ERROR(domain::ValidateLibraryQuery(q));
  std::vector<DocumentView> out;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    out.clear();
    ASSIGN_OR_RETURN(auto all, tx.library().List());
    Names names(tx);
    for (auto& e : domain::FilterDocuments(std::move(all), q)) {
      ASSIGN_OR_RETURN(auto v, ViewOf(tx, names, std::move(e)));
      out.push_back(std::move(v));
    }
    return Status::Ok();
  }));
  return out;
}

Result<DocumentView> LibraryService::Get(const Actor&, domain::Id id) {
  Result<DocumentView> out = Status::Internal("document was not read");
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto e, tx.library().Entry(id));
    Names names(tx);
    out = ViewOf(tx, names, std::move(e));
    return out.status();
  }));
  return out;
}

Result<DocumentView> LibraryService::Publish(const Actor& actor, const NewDocument& in) {
  // Refused before the input is looked at: a refused actor learns nothing more.
  RETURN_IF_ERROR(AuthorizeLibraryPublish(actor));
  RETURN_IF_ERROR(domain::ValidateDocumentTitle(in.title));
  const Millis now = clock_.Now();
  Result<DocumentView> out = Status::Internal("document was not published");
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    domain::LibraryDocument d;
    d.kind = in.kind;
    d.title = in.title;
    d.status = domain::DocumentStatus::kPublished;
    d.stamp = store::NewStamp(actor.user_id, now);
    ASSIGN_OR_RETURN(d.id, tx.library().InsertDocument(d));
    RETURN_IF_ERROR(tx.audit()
                        .Append(LibraryEvent(actor, now, "library.publish", d.id,
                                             std::string(domain::Name(d.kind))))
                        .status());
    RETURN_IF_ERROR(InsertVersion(tx, actor, d, in.first, now));
    ASSIGN_OR_RETURN(auto e, tx.library().Entry(d.id));
    Names names(tx);
    out = ViewOf(tx, names, std::move(e));
    return out.status();
  });
  if (!s.ok()) return s;
  return out;
}

Result<DocumentView> LibraryService::Change(
    const Actor& actor, domain::Id id, int64_t version, const char* audit_action,
    const std::function<Status(store::Tx&, domain::LibraryDocument&, std::string&)>& apply) {
  RETURN_IF_ERROR(AuthorizeLibraryPublish(actor));
  if (version < 1) return Status::InvalidArgument("version must be given", "version");
  const Millis now = clock_.Now();
  Result<DocumentView> out = Status::Internal("document was not changed");
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::LibraryDocument d, tx.library().GetDocument(id));
    if (d.stamp.version != version)
      return Status::Conflict("the document was changed by someone else (now version " +
                              std::to_string(d.stamp.version) + "); reload it");
    if (d.status == domain::DocumentStatus::kWithdrawn)
      return Status::FailedPrecondition("the document was withdrawn; it takes no more changes");
    std::string detail;
    RETURN_IF_ERROR(apply(tx, d, detail));
    d.stamp.version += 1;
    d.stamp.updated_by = actor.user_id;
    d.stamp.updated_at = now;
    RETURN_IF_ERROR(tx.library().UpdateDocument(d));
    if (!detail.empty())
      RETURN_IF_ERROR(tx.audit().Append(LibraryEvent(actor, now, audit_action, id, detail)).status());
    ASSIGN_OR_RETURN(auto e, tx.library().Entry(id));
    Names names(tx);
    out = ViewOf(tx, names, std::move(e));
    return out.status();
  });
  if (!s.ok()) return s;
  return out;
}

Result<DocumentView> LibraryService::AddVersion(const Actor& actor, domain::Id id, int64_t version,
                                                const NewVersion& in) {
  const Millis now = clock_.Now();
  return Change(actor, id, version, "library.version",
                [&](store::Tx& tx, domain::LibraryDocument& d, std::string&) {
                  // InsertVersion writes the audit row, naming the number and hash.
                  return InsertVersion(tx, actor, d, in, now);
                });
}

Result<DocumentView> LibraryService::Withdraw(const Actor& actor, domain::Id id, int64_t version,
                                              const std::string& reason) {
  RETURN_IF_ERROR(AuthorizeLibraryPublish(actor));
  RETURN_IF_ERROR(domain::ValidateWithdrawalReason(reason));
  const Millis now = clock_.Now();
  return Change(actor, id, version, "library.withdraw",
                [&](store::Tx&, domain::LibraryDocument& d, std::string& detail) {
                  d.status = domain::DocumentStatus::kWithdrawn;
                  d.withdrawn_reason = reason;
                  d.withdrawn_at = now;
                  d.withdrawn_by = actor.user_id;
                  detail = "withdrawn";
                  return Status::Ok();
                });
}

Result<DocumentFile> LibraryService::Download(const Actor& actor, domain::Id id, domain::Id version_id) {
  const Millis now = clock_.Now();
  DocumentFile out;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(out.version, tx.library().GetVersion(id, version_id));
    ASSIGN_OR_RETURN(out.bytes, tx.library().FileBytes(version_id));
    return Status::Ok();
  }));
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) {
    return tx.audit()
        .Append(LibraryEvent(actor, now, "library.download", id, "version " + std::to_string(out.version.number)))
        .status();
  }));
  return out;
}

}  // namespace trm::service
