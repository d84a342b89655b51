// What the library accepts as a document file: a few office and text formats,
// each recognised by its file name's extension AND by the first bytes of the
// file (magic numbers), so that a file cannot pass as a PDF by its name alone.
// The content type served on download is the one decided here, never the
// uploader's.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace trm::domain {

// The largest file the library keeps. An upload travels base64-encoded inside
// one JSON body, and the server refuses bodies over 1 MiB (http/server.h), so
// 750 KiB of file (1,024,000 characters of base64) leaves room for the rest.
inline constexpr int64_t kMaxDocumentBytes = 750 * 1024;

struct CheckedFile {
  std::string content_type;  // e.g. "application/pdf"
  std::string extension;     // lower case, without the dot ("pdf")
};

// Checks the file name (1..200 characters of valid UTF-8, no control
// characters, no path separators, a known extension) and the bytes (not
// empty, at most kMaxDocumentBytes, starting as that format must; a text
// file must be valid UTF-8 without NUL). InvalidArgument naming "filename"
// or "content" otherwise.
Result<CheckedFile> CheckUpload(const std::string& filename, std::string_view bytes);

// The extensions CheckUpload knows, in the order they are listed to people.
std::string_view AcceptedExtensions();

}  // namespace trm::domain
