// Routes for the document library: list and filter, one document, publish a
// document with its first version, add a version, withdraw, and download a
// version's file. Every route needs sign-in; the service decides who may
// publish. A file travels base64-encoded in the JSON body ("content_base64"),
// so one request carries a version and its file and stays under the server's
// 1 MiB body limit (files up to 750 KiB, domain/library_file.h).
#pragma once

#include <string>

#include "http/api_util.h"
#include "service/app.h"

namespace trm::http {

void AddLibraryRoutes(Router& router, service::App& app, const AuthWrap& auth);

// The Content-Disposition of a download: attachment, an ASCII fallback name
// with anything but letters, digits, dot, dash and underscore replaced, and
// the name as uploaded in RFC 5987 form (filename*=UTF-8''...).
std::string AttachmentDisposition(const std::string& filename, const std::string& extension);

}  // namespace trm::http
