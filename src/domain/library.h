// The network's document library: MOUs, SOPs, handbooks, rights notices and
// forms. A document has a kind and a title; its content comes in versions,
// each one uploaded file with the language it is written in, the countries
// it applies to, the organisations party to it (MOUs), the date it takes
// effect and a summary. The secretariat publishes documents and versions and
// may withdraw a document, which then stays listed, marked withdrawn.
//
// Library documents are public within the network and name no victim: they
// are not personal data and are not sealed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/records.h"

namespace trm::domain {

enum class DocumentKind { kMou, kSop, kHandbook, kRightsNotice, kForm, kOther };
enum class DocumentStatus { kPublished, kWithdrawn };

std::string_view Name(DocumentKind v);
std::string_view Name(DocumentStatus v);
std::optional<DocumentKind> ParseDocumentKind(std::string_view s);
std::optional<DocumentStatus> ParseDocumentStatus(std::string_view s);

struct DocumentVersion {
  Id id = 0;
  Id document_id = 0;
  int number = 1;  // 1, 2, ... in the order published
  std::string filename;      // as uploaded, checked by CheckUpload (library_file.h)
  std::string content_type;  // decided by the server from the file, never the client
  int64_t size = 0;          // bytes
  std::string sha256;        // 64 lower-case hex digits of the bytes
  std::string language;      // ISO 639-1
  std::vector<std::string> countries;   // ISO 3166-1 alpha-2, at least one
  std::vector<Id> organisations;        // parties (required for an MOU)
  std::string effective_date;           // YYYY-MM-DD
  std::string summary;                  // multi-line, may be empty
  Stamp stamp;
};

struct LibraryDocument {
  Id id = 0;
  DocumentKind kind = DocumentKind::kSop;
  std::string title;
  DocumentStatus status = DocumentStatus::kPublished;
  std::string withdrawn_reason;  // set when withdrawn
  Millis withdrawn_at = 0;
  std::optional<Id> withdrawn_by;
  Stamp stamp;
};

// A document with every version's description (no file bytes), newest first.
struct DocumentEntry {
  LibraryDocument document;
  std::vector<DocumentVersion> versions;
};

// Checks the title (a line, 1..300 characters).
Status ValidateDocumentTitle(const std::string& title);
// Checks a version's description for a document of `kind`: language code,
// 1..50 countries without repeats, organisations (at least one for an MOU,
// none twice, at most 50), effective date, summary (up to 4000 characters).
// Errors name the API's fields ("countries[1]").
Status ValidateVersionDetails(DocumentKind kind, const DocumentVersion& v);
// Checks a withdrawal reason (a multi-line text, 1..2000 characters).
Status ValidateWithdrawalReason(const std::string& reason);

struct LibraryQuery {
  std::optional<DocumentKind> kind;
  std::string country;   // a version applies there
  std::string language;  // a version is written in it
  std::string text;      // words looked up in the title, summaries and file names
  bool include_withdrawn = true;
};

// Checks the query's codes and text (InvalidArgument naming the parameter).
Status ValidateLibraryQuery(const LibraryQuery& q);

// The documents matching every filter, in the order given. A document matches
// country and language when any of its versions does (translations and
// country editions are versions of one document); words are matched without
// ASCII case, each word anywhere in the title, a summary or a file name.
std::vector<DocumentEntry> FilterDocuments(std::vector<DocumentEntry> docs, const LibraryQuery& q);

}  // namespace trm::domain
