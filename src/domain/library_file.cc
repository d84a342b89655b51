#include "domain/library_file.h"

#include <algorithm>

#include "domain/validation.h"

namespace trm::domain {
namespace {

enum class Shape { kPdf, kOle, kZip, kRtf, kText, kPng, kJpeg };

struct FileType {
  std::string_view extension;
  std::string_view content_type;
  Shape shape;
  // For ZIP containers: names that must appear in the archive's directory
  // (stored uncompressed), or an OpenDocument's first "mimetype" entry.
  std::string_view must_contain = {};
  std::string_view odf_mimetype = {};
};

constexpr FileType kTypes[] = {
    {"pdf", "application/pdf", Shape::kPdf},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Shape::kZip,
     "word/"},
    {"odt", "application/vnd.oasis.opendocument.text", Shape::kZip, {},
     "application/vnd.oasis.opendocument.text"},
    {"doc", "application/msword", Shape::kOle},
    {"rtf", "application/rtf", Shape::kRtf},
    {"txt", "text/plain; charset=utf-8", Shape::kText},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Shape::kZip, "xl/"},
    {"ods", "application/vnd.oasis.opendocument.spreadsheet", Shape::kZip, {},
     "application/vnd.oasis.opendocument.spreadsheet"},
    {"png", "image/png", Shape::kPng},
    {"jpg", "image/jpeg", Shape::kJpeg},
    {"jpeg", "image/jpeg", Shape::kJpeg},
};

constexpr size_t kNameMax = 200;

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// An OpenDocument file is a ZIP whose first entry is named "mimetype", stored
// uncompressed: the name sits at offset 30 of the local header and the
// media type right after it.
bool IsOdf(std::string_view b, std::string_view mimetype) {
  return b.size() >= 38 + mimetype.size() && b.substr(30, 8) == "mimetype" &&
         b.substr(38, mimetype.size()) == mimetype;
}

bool Looks(const FileType& t, std::string_view b) {
  switch (t.shape) {
    case Shape::kPdf: return StartsWith(b, "%PDF-");
    case Shape::kOle: return StartsWith(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    case Shape::kRtf: return StartsWith(b, "{\\rtf");
    case Shape::kPng: return StartsWith(b, "\x89PNG\r\n\x1A\n");
    case Shape::kJpeg: return StartsWith(b, "\xFF\xD8\xFF");
    case Shape::kText: return IsValidUtf8(b) && b.find('\0') == std::string_view::npos;
    case Shape::kZip:
      if (!StartsWith(b, "PK\x03\x04")) return false;
      if (!t.odf_mimetype.empty()) return IsOdf(b, t.odf_mimetype);
      return b.find("[Content_Types].xml") != std::string_view::npos &&
             b.find(t.must_contain) != std::string_view::npos;
  }
  return false;
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace

std::string_view AcceptedExtensions() { return "pdf, docx, odt, doc, rtf, txt, xlsx, ods, png, jpg"; }

Result<CheckedFile> CheckUpload(const std::string& filename, std::string_view bytes) {
  RETURN_IF_ERROR(CheckText(filename, "filename", kNameMax));
  if (IsBlank(filename)) return Status::InvalidArgument("the file needs a name", "filename");
  if (filename.find_first_of("/\\") != std::string::npos)
    return Status::InvalidArgument("a file name has no folder part (/ or \\)", "filename");
  const size_t dot = filename.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : Lower(filename.substr(dot + 1));
  const FileType* type = nullptr;
  for (const FileType& t : kTypes)
    if (t.extension == ext) type = &t;
  if (dot == 0 || type == nullptr)
    return Status::InvalidArgument("the library takes " + std::string(AcceptedExtensions()) + " files",
                                   "filename");
  if (bytes.empty()) return Status::InvalidArgument("the file is empty", "content");
  if (static_cast<int64_t>(bytes.size()) > kMaxDocumentBytes)
    return Status::InvalidArgument("the file is larger than 750 KiB", "content");
  if (!Looks(*type, bytes))
    return Status::InvalidArgument("the file's content is not a ." + ext + " file", "content");
  return CheckedFile{std::string(type->content_type), ext};
}

}  // namespace trm::domain
